package cn.tongban.notify;

import java.time.Duration;

/**
 * Delivery of the queued mail. A scheduler calls {@link #deliverDue()} every few seconds on every node; row locks
 * let each mail go out from one node only.
 */
public interface MailOutbox {

    /**
     * Sends every queued mail that is due now and returns how many went out. A failed delivery is tried again
     * later with a growing pause, until it counts as failed and waits for an administrator.
     */
    default int deliverDue() {
        return deliverDue(Duration.ofSeconds(Long.MAX_VALUE));
    }

    /**
     * As {@link #deliverDue()}, but begins no further batch once {@code timeLimit} has passed since the call; what
     * is left goes out on the next call. The scheduler uses it so that a backlog of thousands of mails does not
     * hold up the node's other scheduled work (the breach sweep) until all of them are sent.
     */
    int deliverDue(Duration timeLimit);
}
