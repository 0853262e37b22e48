package cn.tongban.sla.internal;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two timeout listeners every user task carries: {@code ${slaDueSoon}} when the step enters its last day and
 * {@code ${slaOverdue}} when it passes its deadline. Each does its bookkeeping in the timer's transaction and
 * hands the mail to the model's event subprocess by a message, where it is an async step with retries: a mail
 * outage delays the mail, never the record, and a timer that runs again records and mails nothing new. A step
 * bounded only by the case commitment is reminded of, but its lateness is the case's breach, recorded by the case
 * timer.
 */
@Configuration(proxyBeanMethods = false)
class StepTimeouts {

    static final String DUE_SOON_MESSAGE = "SlaStepDueSoon";
    static final String OVERDUE_MESSAGE = "SlaStepOverdue";
    /** Variable of the triggered event subprocess: the task to remind about. */
    static final String TASK_ID = "slaTaskId";
    /** Variable of the triggered event subprocess (or of the case-level one): the breach to report. */
    static final String BREACH_ID = "slaBreachId";

    private static final Logger log = LoggerFactory.getLogger(StepTimeouts.class);

    @Bean("slaDueSoon")
    TaskListener dueSoon(SlaRecords records) {
        return task -> {
            Optional<StepRecord> step = records.findStep(task.getId());
            Instant now = DeadlineMoves.now();
            if (step.isEmpty() || now.isBefore(step.get().dueSoonFrom())) {
                log.info("Task {}: due-soon timer ran, but the step is not due soon (deadline moved?)", task.getId());
                return;
            }
            // a step that began on its last day (即办) never enters "due soon": its task list shows it so already
            boolean bornDueSoon = !step.get().startedAt().isBefore(step.get().dueSoonFrom());
            if (records.markDueSoonNotified(task.getId(), now) && !bornDueSoon) {
                correlate(task, DUE_SOON_MESSAGE, TASK_ID, task.getId());
            }
        };
    }

    @Bean("slaOverdue")
    TaskListener overdue(SlaRecords records) {
        return task -> {
            Optional<StepRecord> step = records.findStep(task.getId());
            Instant now = DeadlineMoves.now();
            if (step.isEmpty() || !now.isAfter(step.get().deadline())) {
                log.info("Task {}: overdue timer ran, but the step is not overdue (deadline moved?)", task.getId());
                return;
            }
            StepRecord s = step.get();
            if (s.basis() == LimitBasis.CASE) {
                // no limit of its own: the case timer records the case's breach, once, not again per open step
                return;
            }
            String receiptNo = records.findCase(s.processInstanceId()).map(CaseRecord::receiptNo).orElse(null);
            records.recordBreach(s.processInstanceId(), receiptNo, s.serviceCode(), s.district(), s.stepId(),
                            s.taskId(), task.getAssignee(), s.deadline(), now)
                    .ifPresent(breachId -> correlate(task, OVERDUE_MESSAGE, BREACH_ID, breachId));
        };
    }

    private static void correlate(DelegateTask task, String message, String variable, Object value) {
        task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(message)
                .processInstanceId(task.getProcessInstanceId())
                .setVariableToTriggeredScope(variable, value)
                .correlateWithResult();
    }
}
