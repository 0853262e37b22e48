package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.Deadline;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.catalog.StepLimit;
import cn.tongban.sla.Deadlines;
import cn.tongban.sla.SlaState;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Keeps sla_case and sla_step in step with the engine: called by the listeners {@link SlaParseListener} adds to
 * every process of the catalogue, in the engine's transaction.
 */
@Component
public class CaseTracking {

    private final ServiceCatalog catalog;
    private final CalendarService calendars;
    private final Deadlines deadlines;
    private final SlaRecords records;

    CaseTracking(ServiceCatalog catalog, CalendarService calendars, Deadlines deadlines, SlaRecords records) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.deadlines = deadlines;
        this.records = records;
    }

    /** A case starts: its commitment is recorded (the case timer has computed it already, as the process began). */
    public void caseStarted(DelegateExecution processInstance) {
        if (records.findCase(processInstance.getProcessInstanceId()).isEmpty()) {
            record(processInstance);
        }
    }

    /** A case ends, done or cancelled: whether it kept its commitment is settled now. */
    public void caseEnded(DelegateExecution processInstance) {
        String id = processInstance.getProcessInstanceId();
        Optional<CaseRecord> recorded = records.findCase(id);
        if (recorded.isEmpty() || !recorded.get().open()) {
            return;
        }
        Instant now = now();
        if (recorded.get().stoppedSince() != null) {
            // ended while a notice was out (the applicant never answered): the stop ends with the case
            WorkingDayCalendar calendar = calendars.current();
            Instant stopped = recorded.get().stoppedSince();
            records.finishClockStop(id, now, ClockStops.workingDaysBegun(calendar, stopped, now));
            records.setStoppedSince(id, null);
            CaseRecord c = recorded.get();
            if (!c.deadlineFixed()) {
                Deadline deadline = calendar.deadline(c.acceptedAt(), c.committedWorkingDays()
                        + ClockStops.stoppedWorkingDays(calendar, records.clockStops(id), c.acceptedAt()));
                Instant due = deadline.deadline().toInstant();
                records.updateCaseDeadline(id, due, SlaState.dueSoonFrom(due, calendar.zone()),
                        deadline.provisional());
            }
        }
        for (StepRecord step : records.openSteps(id)) {
            records.closeStep(step.taskId(), now, false);
        }
        records.closeCase(id, now, !isCanceled(processInstance));
    }

    /** A task is created: its deadline (the due date the model gave it) and what that deadline follows. */
    public void stepCreated(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        CaseRecord c = records.findCase(task.getProcessInstanceId())
                .orElseGet(() -> record(execution.getProcessInstance()));
        Service service = catalog.find(c.serviceCode()).orElseThrow();
        WorkingDayCalendar calendar = calendars.current();
        Instant now = now();
        Instant startedAt = execution.getVariableLocal(Deadlines.STEP_STARTED_AT) instanceof Date started
                ? started.toInstant() : now;
        Object keptStep = execution.getVariableLocal(Deadlines.STEP);
        String stepId = keptStep instanceof String id ? id : task.getTaskDefinitionKey();
        Optional<Step> step = service.step(stepId);

        LimitBasis basis = LimitBasis.CASE;
        Instant limitFrom = null;
        Integer limitDays = null;
        String within = null;
        boolean provisional = c.provisional();
        if (step.flatMap(Step::ownLimit).isPresent()) {
            StepLimit limit = step.get().limit();
            basis = limit.countsWorkingDays() ? LimitBasis.WORKING_DAYS : LimitBasis.CALENDAR_DAYS;
            limitFrom = startedAt;
            limitDays = limit.days();
            provisional = Deadlines.dueOf(calendar, limit, startedAt).provisional();
        } else if (step.flatMap(Step::enclosingStep).isPresent()) {
            within = step.get().within();
            Optional<Step> enclosing = service.step(within).filter(s -> s.ownLimit().isPresent());
            Optional<Instant> enclosingStart = enclosingStart(execution, within);
            if (enclosing.isPresent() && enclosingStart.isPresent()) {
                StepLimit limit = enclosing.get().limit();
                basis = limit.countsWorkingDays() ? LimitBasis.WORKING_DAYS : LimitBasis.CALENDAR_DAYS;
                limitFrom = enclosingStart.get();
                limitDays = limit.days();
                provisional = Deadlines.dueOf(calendar, limit, limitFrom).provisional();
            } else {
                basis = LimitBasis.FIXED;
                provisional = false;
            }
        }
        Instant deadline;
        if (task.getDueDate() != null) {
            deadline = task.getDueDate().toInstant();
        } else {
            // a task the model gave no due date is bounded by the case, visibly so in the task list
            deadline = c.deadline();
            basis = LimitBasis.CASE;
            task.setDueDate(Date.from(deadline));
        }
        String groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .collect(Collectors.joining(","));
        records.insertStep(new StepRecord(task.getId(), task.getProcessInstanceId(), task.getExecutionId(),
                c.serviceCode(), task.getTaskDefinitionKey(), task.getName(), c.district(), task.getAssignee(),
                startedAt, basis, limitFrom, limitDays, within, deadline,
                SlaState.dueSoonFrom(deadline, calendar.zone()), provisional, null, null), groups);
    }

    public void stepUpdated(DelegateTask task) {
        records.setStepDueDate(task.getId(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }

    public void stepAssigned(DelegateTask task) {
        records.assignStep(task.getId(), task.getAssignee());
    }

    public void stepCompleted(DelegateTask task) {
        records.closeStep(task.getId(), now(), true);
    }

    public void stepDeleted(DelegateTask task) {
        records.closeStep(task.getId(), now(), false);
    }

    private CaseRecord record(DelegateExecution processInstance) {
        Service service = deadlines.serviceOf(processInstance);
        Instant acceptedAt = deadlines.acceptedAt(processInstance);
        Instant deadline = deadlines.caseDueAt(processInstance).toInstant();
        boolean provisional = Boolean.TRUE.equals(processInstance.getVariable(Deadlines.CASE_DEADLINE_PROVISIONAL));
        Object district = processInstance.getVariable("district");
        CaseRecord c = new CaseRecord(processInstance.getProcessInstanceId(), processInstance.getProcessBusinessKey(),
                service.code(), district == null ? null : district.toString(), acceptedAt,
                deadlines.committedWorkingDays(processInstance, service),
                Boolean.TRUE.equals(processInstance.getVariable(Deadlines.CASE_EXTENDED)), false, deadline,
                SlaState.dueSoonFrom(deadline, calendars.current().zone()), provisional, null, null);
        records.insertCase(c);
        return c;
    }

    /** When the enclosing step's activity started, as it kept it (see {@link Deadlines#dueAt}). */
    private static Optional<Instant> enclosingStart(DelegateExecution execution, String enclosingStep) {
        ActivityExecution scope = execution instanceof ActivityExecution e ? e.getParent() : null;
        for (; scope != null; scope = scope.getParent()) {
            if (enclosingStep.equals(scope.getVariableLocal(Deadlines.STEP))
                    && scope.getVariableLocal(Deadlines.STEP_STARTED_AT) instanceof Date started) {
                return Optional.of(started.toInstant());
            }
        }
        return Optional.empty();
    }

    private static boolean isCanceled(DelegateExecution execution) {
        return execution instanceof ActivityExecution activityExecution && activityExecution.isCanceled();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
