package cn.tongban.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Client threads that share a number of operations, each thread with its own client state. */
final class Load {

    /** One client thread's operation: {@code run(i)} does operation number i. */
    interface Client {
        void run(int operation) throws Exception;
    }

    private Load() {
    }

    /**
     * Runs operations 0..count-1 on {@code threads} clients made by {@code clients} (made before the clock starts)
     * and returns the seconds from the first to the last; every operation must succeed.
     */
    static double run(int threads, int count, IntFunction<Client> clients, Samples latencies) {
        List<Client> made = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            made.add(clients.apply(t));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Client client : made) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        client.run(i);
                        if (latencies != null) {
                            latencies.add(System.nanoTime() - began);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an operation failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
