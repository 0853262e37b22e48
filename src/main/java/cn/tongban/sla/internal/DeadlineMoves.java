package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarChanged;
import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.Deadline;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.sla.Deadlines;
import cn.tongban.sla.SlaState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves deadlines that were computed already: when a stopped clock resumes, a supervisor extends a case, the model
 * fixes a case's day, or the working-day calendar changes. Each move recomputes the stored deadline from its start
 * and limit, then brings everything that shows or enforces it along: the SLA records, the case variables, the
 * tasks' due dates and the running timers (case timer and the tasks' SLA timers, which read the stored deadline
 * when recalculated). Runs in the caller's transaction.
 */
@Component
public class DeadlineMoves {

    /** The start event of each model's case-level timer (event subprocess 整案超期督办). */
    public static final String CASE_TIMER = "caseDeadlinePassed";

    private static final Logger log = LoggerFactory.getLogger(DeadlineMoves.class);

    private final SlaRecords records;
    private final CalendarService calendars;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    DeadlineMoves(SlaRecords records, CalendarService calendars, RuntimeService runtime, TaskService tasks,
                  ManagementService management) {
        this.records = records;
        this.calendars = calendars;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /**
     * Recomputes the open deadlines of every case the calendar change may touch: whose span from receipt (or a
     * step's start) to deadline overlaps the changed days. Other deadlines cannot change (see
     * {@link CalendarChanged}).
     */
    public void recomputeAffected(CalendarChanged changed) {
        ZoneId zone = calendars.current().zone();
        Instant from = changed.firstDay().atStartOfDay(zone).toInstant();
        Instant to = changed.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        Set<String> cases = new LinkedHashSet<>(records.openCasesTouching(from, to));
        cases.addAll(records.casesWithOpenStepsTouching(from, to));
        cases.forEach(this::recompute);
        log.info("Calendar change {} .. {}: deadlines of {} open cases recomputed", changed.firstDay(),
                changed.lastDay(), cases.size());
    }

    /** Recomputes a case's deadline and its open steps' deadlines, and moves what changed. */
    public void recompute(String processInstanceId) {
        Optional<CaseRecord> open = records.findCase(processInstanceId).filter(CaseRecord::open);
        if (open.isEmpty()) {
            return;
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            log.warn("SLA record of case {} is open but the process instance is gone; left as it is",
                    processInstanceId);
            return;
        }
        CaseRecord c = open.get();
        WorkingDayCalendar calendar = calendars.current();
        List<ClockStop> stops = recountStops(processInstanceId, calendar);
        Instant caseDeadline = c.deadline();
        boolean caseProvisional = c.provisional();
        if (!c.deadlineFixed()) {
            Deadline deadline = calendar.deadline(c.acceptedAt(),
                    c.committedWorkingDays() + ClockStops.stoppedWorkingDays(calendar, stops, c.acceptedAt()));
            caseDeadline = deadline.deadline().toInstant();
            caseProvisional = deadline.provisional();
            if (!caseDeadline.equals(c.deadline()) || caseProvisional != c.provisional()) {
                records.updateCaseDeadline(processInstanceId, caseDeadline,
                        SlaState.dueSoonFrom(caseDeadline, calendar.zone()), caseProvisional);
                runtime.setVariable(processInstanceId, Deadlines.CASE_DEADLINE, Date.from(caseDeadline));
                runtime.setVariable(processInstanceId, Deadlines.CASE_DEADLINE_PROVISIONAL, caseProvisional);
                moveCaseTimer(processInstanceId);
            }
        }
        for (StepRecord step : records.openSteps(processInstanceId)) {
            Instant due;
            boolean provisional;
            if (step.basis() == LimitBasis.CASE) {
                due = caseDeadline;
                provisional = caseProvisional;
            } else if (step.basis() == LimitBasis.WORKING_DAYS) {
                Deadline deadline = calendar.deadline(step.limitFrom(),
                        step.limitDays() + ClockStops.stoppedWorkingDays(calendar, stops, step.limitFrom()));
                due = deadline.deadline().toInstant();
                provisional = deadline.provisional();
            } else {
                continue;
            }
            if (!due.equals(step.deadline()) || provisional != step.provisional()) {
                records.updateStepDeadline(step.taskId(), due, SlaState.dueSoonFrom(due, calendar.zone()),
                        provisional);
                moveStep(step, due);
                if (step.withinStep() != null) {
                    // the steps still to come within the enclosing step read its deadline from this variable
                    runtime.setVariable(processInstanceId, step.withinStep() + "Deadline", Date.from(due));
                }
            }
        }
    }

    /**
     * The model has set {@code caseDeadline} itself (即来即办 on the appointment day): that is the case's deadline
     * from now on, and the case timer moves to it.
     */
    public void fixCaseDeadline(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        if (!(execution.getVariable(Deadlines.CASE_DEADLINE) instanceof Date deadline)
                || records.findCase(id).filter(CaseRecord::open).isEmpty()) {
            return;
        }
        Instant due = deadline.toInstant();
        boolean provisional = Boolean.TRUE.equals(execution.getVariable(Deadlines.CASE_DEADLINE_PROVISIONAL));
        records.fixCaseDeadline(id, due, SlaState.dueSoonFrom(due, calendars.current().zone()), provisional);
        moveCaseTimer(id);
    }

    /** The case's commitment lapses (see {@link Deadlines#endCommitment}): its record closes as cancelled. */
    public void endCommitment(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        Instant now = now();
        for (StepRecord step : records.openSteps(id)) {
            records.closeStep(step.taskId(), now, false);
        }
        records.closeCase(id, now, false);
    }

    /** A correction notice went out: the case's clock stops, and its SLA timers are held. */
    public void stopClock(String processInstanceId, Instant at) {
        Optional<CaseRecord> c = records.findCase(processInstanceId).filter(CaseRecord::open);
        if (c.isEmpty() || c.get().stoppedSince() != null) {
            return;
        }
        records.insertClockStop(processInstanceId, at);
        records.setStoppedSince(processInstanceId, at);
        slaTimers(processInstanceId).forEach(timer -> hold(timer, true));
    }

    /**
     * The answer came in: the clock runs again, and the case deadline (and its open steps') move by the working
     * days that began while it stood.
     */
    public void resumeClock(String processInstanceId, Instant at) {
        Optional<CaseRecord> c = records.findCase(processInstanceId).filter(CaseRecord::open);
        if (c.isEmpty() || c.get().stoppedSince() == null) {
            return;
        }
        Instant stopped = c.get().stoppedSince();
        records.finishClockStop(processInstanceId, at, ClockStops.workingDaysBegun(calendars.current(), stopped, at));
        records.setStoppedSince(processInstanceId, null);
        slaTimers(processInstanceId).forEach(timer -> hold(timer, false));
        recompute(processInstanceId);
    }

    /** Finished stops, counted again with the calendar in force. */
    private List<ClockStop> recountStops(String processInstanceId, WorkingDayCalendar calendar) {
        List<ClockStop> stops = new ArrayList<>();
        for (ClockStop stop : records.clockStops(processInstanceId)) {
            if (stop.resumedAt() != null) {
                int days = ClockStops.workingDaysBegun(calendar, stop.stoppedAt(), stop.resumedAt());
                if (!Objects.equals(days, stop.workingDays())) {
                    records.recountClockStop(stop.id(), days);
                    stop = new ClockStop(stop.id(), stop.stoppedAt(), stop.resumedAt(), days);
                }
            }
            stops.add(stop);
        }
        return stops;
    }

    /**
     * Suspends or activates a timer on the entity the current command holds (stopping and resuming run inside the
     * engine, from the model's listeners): the bulk suspension API would update the row behind the back of the
     * entity this command may still change, and fail on its revision.
     */
    private static void hold(Job timer, boolean suspended) {
        if (!(timer instanceof JobEntity job) || Context.getCommandContext() == null) {
            throw new IllegalStateException("the clock of a case stops and resumes only within the engine");
        }
        job.setSuspensionState(suspended ? SuspensionState.SUSPENDED.getStateCode()
                : SuspensionState.ACTIVE.getStateCode());
    }

    /**
     * The case timer recomputes its due date from the stored deadline. A timer of a case that began in the command
     * running now (the marriage appointment fixes the day as the process starts) is not in the database yet, where
     * the engine's recalculation looks: it is given the new date before it is first written.
     */
    private void moveCaseTimer(String processInstanceId) {
        Set<String> stored = new LinkedHashSet<>();
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).activityId(CASE_TIMER)
                .timers().list()) {
            stored.add(timer.getId());
            management.recalculateJobDuedate(timer.getId(), false);
        }
        if (Context.getCommandContext() == null) {
            return;
        }
        Optional<Instant> deadline = records.findCase(processInstanceId).map(CaseRecord::deadline);
        // the cache files every job under this one type, and lists none when asked for a subtype
        Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AcquirableJobEntity.class).stream()
                .filter(TimerEntity.class::isInstance)
                .map(TimerEntity.class::cast)
                .filter(timer -> processInstanceId.equals(timer.getProcessInstanceId())
                        && CASE_TIMER.equals(timer.getActivityId()) && !stored.contains(timer.getId()))
                .forEach(timer -> deadline.ifPresent(due -> timer.setDuedate(Date.from(due.plusSeconds(1)))));
    }

    /** The task's due date and its SLA timers follow the step's new deadline. */
    private void moveStep(StepRecord step, Instant due) {
        Task task = tasks.createTaskQuery().taskId(step.taskId()).singleResult();
        if (task == null) {
            return;
        }
        runtime.setVariableLocal(step.executionId(), Deadlines.STEP_DEADLINE, Date.from(due));
        task.setDueDate(Date.from(due));
        tasks.saveTask(task);
        for (Job timer : taskTimers(step.executionId())) {
            management.recalculateJobDuedate(timer.getId(), false);
        }
    }

    /** The case timer and the SLA timers of the case's open tasks. */
    private List<Job> slaTimers(String processInstanceId) {
        List<Job> timers = new ArrayList<>(management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(CASE_TIMER).timers().list());
        for (StepRecord step : records.openSteps(processInstanceId)) {
            timers.addAll(taskTimers(step.executionId()));
        }
        return timers;
    }

    /** The timeout listeners' timers of a task (its due-soon and overdue timers). */
    private List<Job> taskTimers(String executionId) {
        return management.createJobQuery().executionId(executionId).timers().list().stream()
                .filter(job -> {
                    JobDefinition definition = management.createJobDefinitionQuery()
                            .jobDefinitionId(job.getJobDefinitionId()).singleResult();
                    return definition != null && TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType());
                })
                .toList();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
