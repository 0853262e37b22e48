package cn.tongban.intake;

import cn.tongban.intake.ApplicationStore.StoredApplication;
import cn.tongban.intake.CaseOutcomes.Outcome;
import cn.tongban.sla.Deadlines;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.springframework.stereotype.Component;

/**
 * Reads from the engine how far a case has come: its status, the steps so far, an open correction notice and
 * the deadline in force (which an extension or a new holiday arrangement may have moved since the receipt).
 * History is kept in full, so all of it comes from the history tables, whether the case runs or has ended.
 */
@Component
class CaseProgress {

    /** The message a correction notice waits for (一次性告知的补正答复). */
    static final String CORRECTION_ANSWERED = "CorrectionAnswered";
    /** Variables a reviewer's correction notice leaves: the missing materials. */
    static final String CORRECTION_ITEMS = "correctionItems";
    /** A leading item number: "1. ", "2、", "(3) ", "4）". */
    private static final Pattern ITEM_NUMBER = Pattern.compile("^[(（]?\\d{1,3}[.、)）]\\s*");
    static final String APPROVED = "approved";
    static final String DISTRICT = "district";
    /** The decision's reason (county confirmation, refusal notice, civil-affairs decision, hukou place). */
    static final String DECISION_REASON = "decisionReason";
    /** Why the registrar refused a marriage on the spot. */
    static final String REFUSAL_REASON = "refusalReason";
    /** 低保: the monthly amount the rules worked out (dibaoAmount). */
    static final String MONTHLY_AMOUNT = "monthlyAmount";

    private static final Set<String> TASKS = Set.of(ActivityTypes.TASK_USER_TASK, ActivityTypes.TASK_RECEIVE_TASK);
    private static final Set<String> WAITS = Set.of(ActivityTypes.INTERMEDIATE_EVENT_MESSAGE,
            ActivityTypes.INTERMEDIATE_EVENT_TIMER);
    private static final List<String> VARIABLES = List.of(Deadlines.CASE_DEADLINE,
            Deadlines.CASE_DEADLINE_PROVISIONAL, APPROVED, DISTRICT, CORRECTION_ITEMS, DECISION_REASON, REFUSAL_REASON,
            MONTHLY_AMOUNT);

    /**
     * A step of the case as the timeline shows it.
     *
     * @param endsAt when a running timed wait (the 7-day public notice) ends by itself; null otherwise
     */
    record Step(String activityId, String name, TimelineEntry.Kind kind, Instant startedAt, Instant endedAt,
                Instant endsAt) {
    }

    /**
     * The case as the engine has it now. {@code correctionIssuedAt} is null unless a notice is open;
     * {@code decisionReason} and {@code monthlyAmount} are null where the process set none.
     */
    record CaseState(CaseStatus status, boolean ended, Instant deadline, boolean provisional, String district,
                     List<Step> timeline, List<String> correctionItems, Instant correctionIssuedAt,
                     String decisionReason, BigDecimal monthlyAmount) {

        boolean correctionOpen() {
            return correctionIssuedAt != null;
        }
    }

    private final HistoryService history;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;

    CaseProgress(HistoryService history, RuntimeService runtime, ManagementService management,
                 RepositoryService repository) {
        this.history = history;
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
    }

    CaseState of(StoredApplication application) {
        String id = application.processInstanceId();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        boolean ended = instance == null || instance.getEndTime() != null;
        Map<String, Object> variables = processVariables(id);
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list();
        EventSubscription notice = ended ? null : runtime.createEventSubscriptionQuery().processInstanceId(id)
                .eventType("message").eventName(CORRECTION_ANSWERED).list().stream().findFirst().orElse(null);

        CaseStatus status;
        if (application.withdrawn()) {
            status = CaseStatus.WITHDRAWN;
        } else if (ended) {
            status = instance == null || instance.getDeleteReason() != null ? CaseStatus.CLOSED
                    : endStatus(application.serviceCode(), id, activities, variables);
        } else if (notice != null) {
            status = CaseStatus.CORRECTION_REQUESTED;
        } else if (variables.get(APPROVED) instanceof Boolean approved) {
            // decided, the decision mail still under way
            status = approved ? CaseStatus.DECIDED_APPROVED : CaseStatus.DECIDED_REFUSED;
        } else {
            boolean stepDone = activities.stream().anyMatch(a -> TASKS.contains(a.getActivityType())
                    && a.getEndTime() != null && !a.isCanceled());
            status = stepDone ? CaseStatus.IN_REVIEW : CaseStatus.SUBMITTED;
        }

        Instant deadline = variables.get(Deadlines.CASE_DEADLINE) instanceof Date date ? date.toInstant()
                : application.deadline();
        boolean provisional = variables.get(Deadlines.CASE_DEADLINE_PROVISIONAL) instanceof Boolean flag
                ? flag : application.provisional();
        List<Step> timeline = timeline(id, activities);
        if (!ended) {
            timeline.addAll(runningTimedWaits(instance.getProcessDefinitionId(), id, activities, timeline));
        }
        Object reason = variables.get(DECISION_REASON) != null ? variables.get(DECISION_REASON)
                : variables.get(REFUSAL_REASON);
        return new CaseState(status, ended, deadline, provisional,
                variables.get(DISTRICT) instanceof String district ? district : null,
                timeline,
                notice == null ? List.of() : items(variables.get(CORRECTION_ITEMS)),
                notice == null ? null : notice.getCreated().toInstant(),
                reason instanceof String text && !text.isBlank() ? text.strip() : null,
                variables.get(MONTHLY_AMOUNT) instanceof Number amount ? new BigDecimal(amount.toString()) : null);
    }

    /**
     * Timed waits that run now (the public notice, 公示 7 日): behind an event-based gateway the engine starts the
     * catch event only when it fires, so history knows nothing of it yet; its timer says when it will end. A wait
     * history already shows as open gets that end too.
     */
    private List<Step> runningTimedWaits(String processDefinitionId, String processInstanceId,
                                         List<HistoricActivityInstance> activities, List<Step> timeline) {
        List<Step> added = new ArrayList<>();
        BpmnModelInstance model = null;
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            JobDefinition definition = timer.getJobDefinitionId() == null ? null
                    : management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult();
            if (definition == null || timer.getDuedate() == null) {
                continue;
            }
            if (model == null) {
                model = repository.getBpmnModelInstance(processDefinitionId);
            }
            if (!(model.getModelElementById(definition.getActivityId()) instanceof IntermediateCatchEvent event)) {
                // boundary timers (SLA reminders, a correction period) are no step of their own
                continue;
            }
            Instant endsAt = timer.getDuedate().toInstant();
            int open = -1;
            for (int i = 0; i < timeline.size(); i++) {
                Step step = timeline.get(i);
                if (step.activityId().equals(event.getId()) && step.endedAt() == null) {
                    open = i;
                }
            }
            if (open >= 0) {
                Step step = timeline.get(open);
                timeline.set(open, new Step(step.activityId(), step.name(), step.kind(), step.startedAt(), null,
                        endsAt));
                continue;
            }
            Instant startedAt = activities.stream()
                    .filter(a -> ActivityTypes.GATEWAY_EVENT_BASED.equals(a.getActivityType())
                            && a.getEndTime() == null)
                    .map(a -> a.getStartTime().toInstant())
                    .max(Instant::compareTo)
                    .orElse(timer.getCreateTime() == null ? endsAt : timer.getCreateTime().toInstant());
            added.add(new Step(event.getId(), event.getName(), TimelineEntry.Kind.WAIT, startedAt, null, endsAt));
        }
        return added;
    }

    /** The outcome of an ended case by the end events its process scope reached. */
    private static CaseStatus endStatus(String serviceCode, String processInstanceId,
                                        List<HistoricActivityInstance> activities, Map<String, Object> variables) {
        List<Outcome> outcomes = activities.stream()
                .filter(a -> endEvent(a) && processInstanceId.equals(a.getParentActivityInstanceId()))
                .map(a -> CaseOutcomes.of(serviceCode, a.getActivityId()))
                .toList();
        if (outcomes.contains(Outcome.APPROVED)) {
            return CaseStatus.DECIDED_APPROVED;
        }
        if (outcomes.contains(Outcome.REFUSED)) {
            return CaseStatus.DECIDED_REFUSED;
        }
        if (outcomes.contains(Outcome.BY_APPROVED_VARIABLE) && variables.get(APPROVED) instanceof Boolean approved) {
            return approved ? CaseStatus.DECIDED_APPROVED : CaseStatus.DECIDED_REFUSED;
        }
        return CaseStatus.CLOSED;
    }

    /** The start, the steps (tasks and waits) and the end of the process scope, in the order they happened. */
    private static List<Step> timeline(String processInstanceId, List<HistoricActivityInstance> activities) {
        List<Step> steps = new ArrayList<>();
        for (HistoricActivityInstance activity : activities) {
            boolean topLevel = processInstanceId.equals(activity.getParentActivityInstanceId());
            TimelineEntry.Kind kind;
            if (ActivityTypes.START_EVENT.equals(activity.getActivityType()) && topLevel) {
                kind = TimelineEntry.Kind.START;
            } else if (TASKS.contains(activity.getActivityType())) {
                kind = TimelineEntry.Kind.STEP;
            } else if (WAITS.contains(activity.getActivityType()) && !activity.isCanceled()) {
                // the alternatives an event-based gateway did not take are cancelled: they never happened
                kind = TimelineEntry.Kind.WAIT;
            } else if (endEvent(activity) && topLevel) {
                kind = TimelineEntry.Kind.END;
            } else {
                continue;
            }
            steps.add(new Step(activity.getActivityId(), activity.getActivityName(), kind,
                    activity.getStartTime().toInstant(),
                    activity.getEndTime() == null ? null : activity.getEndTime().toInstant(), null));
        }
        return steps;
    }

    private static boolean endEvent(HistoricActivityInstance activity) {
        return activity.getActivityType() != null && activity.getActivityType().endsWith("EndEvent");
    }

    /** The variables of the process scope (not those local to a task or sub-process). */
    private Map<String, Object> processVariables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .variableNameIn(VARIABLES.toArray(String[]::new))
                .list()) {
            if (processInstanceId.equals(variable.getActivityInstanceId())) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    /**
     * The missing materials of a notice: one per line (or separated by semicolons), or a list; a number a reviewer
     * typed before an item ("1. 户口簿") is dropped, as the page numbers the list itself.
     */
    static List<String> items(Object correctionItems) {
        if (correctionItems == null) {
            return List.of();
        }
        Stream<String> items = correctionItems instanceof List<?> list ? list.stream().map(String::valueOf)
                : Arrays.stream(correctionItems.toString().split("[\\r\\n；;]+"));
        return items.map(item -> ITEM_NUMBER.matcher(item.strip()).replaceFirst(""))
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
