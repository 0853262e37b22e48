package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class ConcurrentReadsTest {

    @Test
    void theReadRunsOnAnotherThreadAndItsResultComesBack() {
        Thread caller = Thread.currentThread();

        Supplier<Thread> read = ConcurrentReads.start(Thread::currentThread);

        assertThat(read.get()).isNotSameAs(caller);
    }

    @Test
    void theReadsOwnExceptionReachesTheCaller() {
        DataAccessResourceFailureException failure = new DataAccessResourceFailureException("database away");

        Supplier<Object> read = ConcurrentReads.start(() -> {
            throw failure;
        });

        assertThatThrownBy(read::get).isSameAs(failure);
    }
}
