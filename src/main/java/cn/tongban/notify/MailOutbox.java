package cn.tongban.notify;

/**
 * Delivery of the queued mail. A scheduler calls {@link #deliverDue()} every few seconds on every node; row locks
 * let each mail go out from one node only.
 */
public interface MailOutbox {

    /**
     * Sends every queued mail that is due now and returns how many went out. A failed delivery is tried again
     * later with a growing pause, until it counts as failed and waits for an administrator.
     */
    int deliverDue();
}
