package cn.tongban.testsupport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves the engine's clock and fires what is due, for process tests that run with the job executor off.
 * Call {@link #reset()} after each test: the clock is shared by every test in the JVM.
 */
public final class EngineTime {

    private EngineTime() {
    }

    /** Sets the engine clock, e.g. {@code set("2023-01-20T10:00:00+08:00")}. */
    public static void set(String isoDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoDateTime).toInstant()));
    }

    public static void advance(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    public static void reset() {
        ClockUtil.reset();
    }

    /**
     * Executes, repeatedly, every job of the process instance that is due at the engine's current time
     * (timers that have come due, async continuations), until none is left. Returns how many ran.
     */
    public static int executeDueJobs(ManagementService management, String processInstanceId) {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId)
                    .executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("jobs of " + processInstanceId + " keep coming due: a loop in the model?");
    }
}
