package cn.tongban.sla.internal;

import java.time.Instant;

/**
 * A row of sla_breach. A breach of the whole case has step {@value SlaRecords#CASE_STEP} and the process instance
 * id as its task id.
 */
public record BreachRecord(long id, String processInstanceId, String receiptNo, String serviceCode, String district,
                           String stepId, String taskId, String assignee, Instant deadline, Instant detectedAt) {

    public boolean wholeCase() {
        return SlaRecords.CASE_STEP.equals(stepId);
    }
}
