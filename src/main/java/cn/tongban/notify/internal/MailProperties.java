package cn.tongban.notify.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from   sender address of every mail Tongban sends
 * @param outbox how the queued mail is delivered
 */
@ConfigurationProperties("tongban.mail")
record MailProperties(@DefaultValue("tongban@mzj.zhengzhou.example") String from, @DefaultValue Outbox outbox) {

    /**
     * @param scheduled   whether this node delivers queued mail by itself (tests deliver by hand)
     * @param interval    pause between two deliveries; also read by the schedule as
     *                    {@code tongban.mail.outbox.interval}
     * @param batchSize   mails locked and sent in one transaction
     * @param maxAttempts deliveries tried before a mail counts as failed (48 at the default pauses: about a day)
     * @param firstRetry  pause after the first failure; doubled after each further one
     * @param maxRetry    longest pause between two tries
     * @param maxRunTime  how long one scheduled delivery goes on sending a backlog before it returns the scheduler's
     *                    thread to the node's other scheduled work; the rest goes out on the next runs
     */
    record Outbox(@DefaultValue("true") boolean scheduled,
                  @DefaultValue("5s") Duration interval,
                  @DefaultValue("20") int batchSize,
                  @DefaultValue("48") int maxAttempts,
                  @DefaultValue("30s") Duration firstRetry,
                  @DefaultValue("30m") Duration maxRetry,
                  @DefaultValue("10s") Duration maxRunTime) {

        /** The pause after the given number of failed tries: first, twice that, four times ... at most max. */
        Duration pauseAfter(int failedAttempts) {
            Duration pause = firstRetry;
            for (int i = 1; i < failedAttempts && pause.compareTo(maxRetry) < 0; i++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
        }
    }
}
