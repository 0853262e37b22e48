package cn.tongban.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Reads that one request makes at once rather than one after another, where each is a pass over rows the others
 * do not depend on (a summary's tables, a list's counts beside its page) and the answer waits for all of them.
 */
public final class ConcurrentReads {

    private static final SimpleAsyncTaskExecutor THREADS = new SimpleAsyncTaskExecutor("concurrent-read-");

    static {
        THREADS.setDaemon(true);
    }

    private ConcurrentReads() {
    }

    /**
     * Starts {@code read} on a thread of its own. The answer's {@code get()} waits for it and returns its result,
     * or throws the exception it ended with, as if it had been read on the caller's thread, so that the error
     * handling is the same.
     */
    public static <T> Supplier<T> start(Supplier<T> read) {
        CompletableFuture<T> running = THREADS.submitCompletable(read::get);
        return () -> {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        };
    }
}
