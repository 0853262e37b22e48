package cn.tongban.sla.internal;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 记录整案超期: the case timer has fired. Records the case's breach (once: step {@value SlaRecords#CASE_STEP})
 * and leaves its id for the mail to the supervisors in {@value StepTimeouts#BREACH_ID}, local to the event
 * subprocess; nothing when the breach was recorded before or the case is not overdue after all.
 */
@Component("slaCaseBreach")
class CaseBreachDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CaseBreachDelegate.class);

    private final SlaRecords records;

    CaseBreachDelegate(SlaRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        Instant now = DeadlineMoves.now();
        Optional<CaseRecord> c = records.findCase(id)
                .filter(r -> r.open() && r.stoppedSince() == null && now.isAfter(r.deadline()));
        Optional<Long> breach = c.flatMap(r -> records.recordBreach(id, r.receiptNo(), r.serviceCode(),
                r.district(), SlaRecords.CASE_STEP, id, null, r.deadline(), now));
        if (c.isEmpty()) {
            log.info("Case {}: case timer ran, but the case is not overdue", id);
        }
        execution.setVariableLocal(StepTimeouts.BREACH_ID, breach.orElse(null));
    }
}
