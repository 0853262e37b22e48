package cn.tongban.sla;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.Deadline;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.catalog.StepLimit;
import cn.tongban.sla.internal.CaseRecord;
import cn.tongban.sla.internal.ClockStop;
import cn.tongban.sla.internal.DeadlineMoves;
import cn.tongban.sla.internal.SlaRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deadlines the process models ask for, as {@code ${sla.dueAt(execution, 'townshipReview')}} in a task's
 * due date, {@code ${sla.dueSoonAt(...)}} and {@code ${sla.overdueAt(...)}} in its SLA timers, and
 * {@code ${sla.caseDueAt(execution)}} / {@code ${sla.caseOverdueAt(execution)}} for the whole commitment.
 * Time is the engine's clock, so process tests can move it.
 * <p>
 * A step's deadline is computed once, when its activity starts, and kept in variables local to the activity
 * ({@value #STEP_DEADLINE}, {@value #STEP_STARTED_AT}, {@value #STEP}): the timers (evaluated first, as the
 * activity is entered), the task's due date and the SLA records all read the same instant, and moving a deadline
 * later means changing that one value. The case deadline, once the case is recorded, is the one in the SLA
 * records; the variables {@code caseDeadline} and {@code caseDeadlineProvisional} mirror it.
 * <p>
 * Variables it reads and keeps on the case: {@code acceptedAt} (receipt time), {@code caseDeadline},
 * {@code caseDeadlineProvisional}, and {@code caseExtended} (true once a supervisor has extended the case).
 */
@Component("sla")
public class Deadlines {

    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String CASE_DEADLINE = "caseDeadline";
    public static final String CASE_DEADLINE_PROVISIONAL = "caseDeadlineProvisional";
    public static final String CASE_EXTENDED = "caseExtended";
    /** Local to a step's activity: its deadline. */
    public static final String STEP_DEADLINE = "slaDeadline";
    /** Local to a step's activity: when its limit started counting. */
    public static final String STEP_STARTED_AT = "slaStartedAt";
    /** Local to a step's activity: the catalogue step whose limit it runs under. */
    public static final String STEP = "slaStep";

    private final CalendarService calendar;
    private final ServiceCatalog catalog;
    private final SlaRecords records;
    private final ObjectProvider<DeadlineMoves> moves;

    Deadlines(CalendarService calendar, ServiceCatalog catalog, SlaRecords records,
              ObjectProvider<DeadlineMoves> moves) {
        this.calendar = calendar;
        this.catalog = catalog;
        this.records = records;
        this.moves = moves;
    }

    /**
     * When the step that starts now must be done (or, for a limit "to start", begun):
     * working-day limits end at the end of business, calendar-day limits (the 7-day public notice) at the end
     * of the last day. A step without a limit of its own is bounded by the step it lies within, else by the case.
     * Within one run of a user task (or of the step's own activity) the answer never changes.
     */
    public Date dueAt(DelegateExecution execution, String stepId) {
        boolean keeps = keepsStepDeadline(execution, stepId);
        if (keeps && execution.getVariableLocal(STEP_DEADLINE) instanceof Date kept) {
            return kept;
        }
        Instant now = now();
        Date due = computeDue(execution, stepId, now);
        if (keeps) {
            execution.setVariableLocal(STEP, stepId);
            execution.setVariableLocal(STEP_STARTED_AT, Date.from(now));
            execution.setVariableLocal(STEP_DEADLINE, due);
        }
        return due;
    }

    /**
     * A deadline the model keeps itself (the hukou authority's 10 working days of a handed-over case), moved by the
     * working days of the case's clock stop that has just ended: {@code ${sla.movedByLastStop(execution,
     * hukouDecisionDeadline)}} once a correction answer is in. Unchanged when the case has no finished stop.
     */
    public Date movedByLastStop(DelegateExecution execution, Date deadline) {
        int stopped = records.clockStops(execution.getProcessInstanceId()).stream()
                .filter(stop -> stop.resumedAt() != null && stop.workingDays() != null)
                .reduce((earlier, later) -> later)
                .map(ClockStop::workingDays).orElse(0);
        if (deadline == null || stopped == 0) {
            return deadline;
        }
        WorkingDayCalendar current = calendar.current();
        LocalDate day = deadline.toInstant().atZone(current.zone()).toLocalDate();
        for (int i = 0; i < stopped; i++) {
            day = current.nextWorkingDayAfter(day);
        }
        return Date.from(current.endOfBusiness(day).toInstant());
    }

    /** When the step enters its last day: the start of the day of its deadline ({@link SlaState#dueSoonFrom}). */
    public Date dueSoonAt(DelegateExecution execution, String stepId) {
        return Date.from(SlaState.dueSoonFrom(dueAt(execution, stepId).toInstant(), zone()));
    }

    /** The first instant the step is overdue: one second after its deadline, which itself is still on time. */
    public Date overdueAt(DelegateExecution execution, String stepId) {
        return Date.from(dueAt(execution, stepId).toInstant().plusSeconds(1));
    }

    /**
     * The deadline of the whole case: the committed working days (the extended limit once a supervisor has
     * extended it) counted from {@code acceptedAt}, moved by stopped clocks and calendar changes once the case is
     * recorded. Records {@code caseDeadline} and whether it is provisional.
     */
    public Date caseDueAt(DelegateExecution execution) {
        Optional<CaseRecord> recorded = records.findCase(execution.getProcessInstanceId());
        Date due;
        boolean provisional;
        if (recorded.isPresent()) {
            due = Date.from(recorded.get().deadline());
            provisional = recorded.get().provisional();
        } else {
            Deadline deadline = calendar.current().deadline(acceptedAt(execution), committedWorkingDays(execution));
            due = Date.from(deadline.deadline().toInstant());
            provisional = deadline.provisional();
        }
        if (!due.equals(execution.getVariable(CASE_DEADLINE))) {
            execution.setVariable(CASE_DEADLINE, due);
        }
        if (!Boolean.valueOf(provisional).equals(execution.getVariable(CASE_DEADLINE_PROVISIONAL))) {
            execution.setVariable(CASE_DEADLINE_PROVISIONAL, provisional);
        }
        return due;
    }

    /** The first instant the case is overdue: one second after its deadline (the case timer). */
    public Date caseOverdueAt(DelegateExecution execution) {
        return Date.from(caseDueAt(execution).toInstant().plusSeconds(1));
    }

    /**
     * Makes the {@code caseDeadline} the model has set itself the case's deadline from now on (即来即办: the
     * marriage appointment day), and moves the case timer to it.
     */
    public void fixCaseDeadline(DelegateExecution execution) {
        moves.getObject().fixCaseDeadline(execution);
    }

    /**
     * The case no longer holds the authority to its commitment (the couple did not appear on their appointment
     * day): its deadline stops counting here, and the case counts neither as on time nor as late.
     */
    public void endCommitment(DelegateExecution execution) {
        moves.getObject().endCommitment(execution);
    }

    /** The working days the case is committed to now: the extended limit after an extension. */
    public int committedWorkingDays(VariableScope execution, Service service) {
        boolean extended = Boolean.TRUE.equals(execution.getVariable(CASE_EXTENDED));
        return extended ? service.extension().orElse(service.committedWorkingDays()) : service.committedWorkingDays();
    }

    /** The receipt time; set to now when the caller gave none. */
    public Instant acceptedAt(VariableScope execution) {
        Object value = execution.getVariable(ACCEPTED_AT);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        Instant now = now();
        execution.setVariable(ACCEPTED_AT, Date.from(now));
        return now;
    }

    public Service serviceOf(DelegateExecution execution) {
        String key = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return catalog.find(key).orElseThrow(() -> new IllegalStateException(
                "process " + key + " has no entry in the service catalogue"));
    }

    /** The due instant of a limit that starts at {@code from}. */
    static Instant due(WorkingDayCalendar calendar, StepLimit limit, Instant from) {
        if (limit.countsWorkingDays()) {
            return calendar.deadline(from, limit.days()).deadline().toInstant();
        }
        ZoneId zone = calendar.zone();
        // the day it starts is not counted: a 7-day notice posted on the 1st runs to the end of the 8th
        return from.atZone(zone).toLocalDate().plusDays(limit.days() + 1L).atStartOfDay(zone).toInstant();
    }

    /** The due instant of a limit that starts at {@code from}, for the SLA records. */
    public static Deadline dueOf(WorkingDayCalendar calendar, StepLimit limit, Instant from) {
        if (limit.countsWorkingDays()) {
            return calendar.deadline(from, limit.days());
        }
        return new Deadline(from.atZone(calendar.zone()).toOffsetDateTime(), 0,
                from.atZone(calendar.zone()).toLocalDate(),
                due(calendar, limit, from).atZone(calendar.zone()).toOffsetDateTime(), false);
    }

    private Date computeDue(DelegateExecution execution, String stepId, Instant now) {
        Service service = serviceOf(execution);
        Step step = service.step(stepId).orElseThrow(() -> new IllegalArgumentException(
                "step '" + stepId + "' is not in the catalogue entry of " + service.code()));
        if (step.ownLimit().isPresent()) {
            return Date.from(due(calendar.current(), step.limit(), now));
        }
        Object enclosing = step.enclosingStep().map(id -> execution.getVariable(id + "Deadline")).orElse(null);
        return enclosing instanceof Date date ? date : caseDueAt(execution);
    }

    private int committedWorkingDays(DelegateExecution execution) {
        return committedWorkingDays(execution, serviceOf(execution));
    }

    /**
     * A user task keeps the deadline of the step it runs (the timers and the due date must agree), and so does the
     * activity of a step itself (the enclosing step of others, whose start they are counted from). Only a scope
     * activity's own execution holds locals that live exactly as long as the activity.
     */
    private static boolean keepsStepDeadline(DelegateExecution execution, String stepId) {
        if (!(execution instanceof ActivityExecution activityExecution) || !activityExecution.isScope()) {
            return false;
        }
        PvmActivity activity = activityExecution.getActivity();
        if (activity == null || !activity.isScope()) {
            return false;
        }
        return activity.getActivityBehavior() instanceof UserTaskActivityBehavior || activity.getId().equals(stepId);
    }

    private ZoneId zone() {
        return calendar.current().zone();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
