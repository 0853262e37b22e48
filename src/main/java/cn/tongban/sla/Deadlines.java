package cn.tongban.sla;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.Deadline;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.catalog.StepLimit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The deadlines the process models ask for, as {@code ${sla.dueAt(execution, 'townshipReview')}} in a task's
 * due date or a timer's {@code timeDate}, and {@code ${sla.caseDueAt(execution)}} for the whole commitment.
 * Time is the engine's clock, so process tests can move it.
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

    private final CalendarService calendar;
    private final ServiceCatalog catalog;

    Deadlines(CalendarService calendar, ServiceCatalog catalog) {
        this.calendar = calendar;
        this.catalog = catalog;
    }

    /**
     * When the step that starts now must be done (or, for a limit "to start", begun):
     * working-day limits end at the end of business, calendar-day limits (the 7-day public notice) at the end
     * of the last day. A step without a limit of its own is bounded by the step it lies within, else by the case.
     */
    public Date dueAt(DelegateExecution execution, String stepId) {
        Service service = serviceOf(execution);
        Step step = service.step(stepId).orElseThrow(() -> new IllegalArgumentException(
                "step '" + stepId + "' is not in the catalogue entry of " + service.code()));
        if (step.ownLimit().isPresent()) {
            return Date.from(due(calendar.current(), step.limit(), now()));
        }
        Object enclosing = step.enclosingStep().map(id -> execution.getVariable(id + "Deadline")).orElse(null);
        return enclosing instanceof Date date ? date : caseDueAt(execution);
    }

    /**
     * The deadline of the whole case: the committed working days (the extended limit once a supervisor has
     * extended it) counted from {@code acceptedAt}. Records {@code caseDeadline} and whether it is provisional.
     */
    public Date caseDueAt(DelegateExecution execution) {
        Service service = serviceOf(execution);
        Instant acceptedAt = acceptedAt(execution);
        boolean extended = Boolean.TRUE.equals(execution.getVariable(CASE_EXTENDED));
        int days = extended ? service.extension().orElse(service.committedWorkingDays())
                : service.committedWorkingDays();
        Deadline deadline = calendar.current().deadline(acceptedAt, days);
        Date due = Date.from(deadline.deadline().toInstant());
        execution.setVariable(CASE_DEADLINE, due);
        execution.setVariable(CASE_DEADLINE_PROVISIONAL, deadline.provisional());
        return due;
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

    private Instant acceptedAt(VariableScope execution) {
        Object value = execution.getVariable(ACCEPTED_AT);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        Instant now = now();
        execution.setVariable(ACCEPTED_AT, Date.from(now));
        return now;
    }

    private Service serviceOf(DelegateExecution execution) {
        String key = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return catalog.find(key).orElseThrow(() -> new IllegalStateException(
                "process " + key + " has no entry in the service catalogue"));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
