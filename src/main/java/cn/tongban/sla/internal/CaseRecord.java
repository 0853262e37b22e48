package cn.tongban.sla.internal;

import java.time.Instant;

/**
 * A row of sla_case: the commitment of one case.
 *
 * @param committedWorkingDays the limit in force: the committed days, or the extended ones after an extension
 * @param deadlineFixed        true when the model set the deadline itself (the marriage appointment day)
 * @param stoppedSince         when the open correction notice went out, null while the clock runs
 */
public record CaseRecord(String processInstanceId, String receiptNo, String serviceCode, String district,
                         Instant acceptedAt, int committedWorkingDays, boolean extended, boolean deadlineFixed,
                         Instant deadline, Instant dueSoonFrom, boolean provisional, Instant stoppedSince,
                         Instant closedAt) {

    public boolean open() {
        return closedAt == null;
    }
}
