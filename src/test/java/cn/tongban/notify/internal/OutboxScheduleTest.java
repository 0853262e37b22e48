package cn.tongban.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.notify.MailOutbox;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** A scheduled delivery stopped by its time limit is followed at once by the next, until the backlog is sent. */
class OutboxScheduleTest {

    private static final Duration LIMIT = Duration.ofMillis(40);

    @Test
    void aRunEndedByItsTimeLimitIsFollowedAtOnceAndTheLastRunEndsTheChain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch sent = new CountDownLatch(1);
        // two runs that use up their time with mail left, then one that sends the rest
        MailOutbox backlog = timeLimit -> {
            assertThat(timeLimit).isEqualTo(LIMIT);
            if (runs.incrementAndGet() < 3) {
                pause(LIMIT.plusMillis(10));
                return 20;
            }
            sent.countDown();
            return 5;
        };
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        try {
            new OutboxSchedule(backlog, properties(), scheduler).deliver();

            assertThat(sent.await(5, TimeUnit.SECONDS)).as("the backlog sent without waiting for the interval")
                    .isTrue();
            pause(Duration.ofMillis(300));
            assertThat(runs).hasValue(3);
        } finally {
            scheduler.shutdown();
        }
    }

    private static MailProperties properties() {
        // an interval far longer than the test: only the follow-up runs can send the backlog in time
        return new MailProperties("tongban@example.cn", new MailProperties.Outbox(true, Duration.ofHours(1), 20, 48,
                Duration.ofSeconds(30), Duration.ofMinutes(30), LIMIT));
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
