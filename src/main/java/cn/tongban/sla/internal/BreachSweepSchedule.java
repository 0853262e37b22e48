package cn.tongban.sla.internal;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the breach sweep on every node that executes jobs, as the timers it complements run there; with the job
 * executor off (tests, a node kept for the web only) nothing is swept. Nodes may sweep at the same moment: the
 * breach's unique key and the lock on a pending mail keep each to one.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class BreachSweepSchedule {

    /** Mails queued per run at most, and for how long: a backlog of mails must not hold up the next sweep. */
    private static final int MAILS_PER_RUN = 500;
    private static final Duration MAIL_TIME_PER_RUN = Duration.ofSeconds(2);

    private final BreachSweep sweep;

    BreachSweepSchedule(BreachSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(initialDelayString = "${tongban.sla.breach-sweep-interval:PT5S}",
            fixedDelayString = "${tongban.sla.breach-sweep-interval:PT5S}")
    void sweep() {
        sweep.sweep(DeadlineMoves.now());
        sweep.queueMails(MAILS_PER_RUN, MAIL_TIME_PER_RUN);
    }
}
