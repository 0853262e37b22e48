package cn.tongban.sla.internal;

import java.time.Instant;

/**
 * A row of sla_step: one user task and its deadline.
 *
 * @param limitFrom  the instant the limit counts from (the step's start, or its enclosing step's), if it has one
 * @param limitDays  the limit, in the unit {@code basis} says, if it has one
 * @param withinStep the enclosing step whose limit this step shares, or null
 */
public record StepRecord(String taskId, String processInstanceId, String executionId, String serviceCode,
                         String stepId, String stepName, String district, String assignee, Instant startedAt,
                         LimitBasis basis, Instant limitFrom, Integer limitDays, String withinStep,
                         Instant deadline, Instant dueSoonFrom, boolean provisional, Instant dueSoonNotifiedAt,
                         Instant closedAt) {
}
