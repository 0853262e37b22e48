package cn.tongban.testsupport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
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
     * Executes, one at a time, every job of the process instance that is due at the engine's current time (timers
     * that have come due, async continuations), until none is left, in the order a job executor running all along
     * would have met them: by due date, an async continuation being due when it was created. Suspended jobs wait.
     * Returns how many ran.
     */
    public static int executeDueJobs(ManagementService management, String processInstanceId) {
        for (int executed = 0; executed < 500; executed++) {
            Optional<Job> next = management.createJobQuery().processInstanceId(processInstanceId)
                    .executable().active().list().stream()
                    .min(Comparator.comparing(EngineTime::dueAt).thenComparing(Job::getId));
            if (next.isEmpty()) {
                return executed;
            }
            management.executeJob(next.get().getId());
        }
        throw new IllegalStateException("jobs of " + processInstanceId + " keep coming due: a loop in the model?");
    }

    private static Date dueAt(Job job) {
        return job.getDuedate() != null ? job.getDuedate() : job.getCreateTime();
    }
}
