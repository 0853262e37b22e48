package cn.tongban.sla;

import java.time.OffsetDateTime;

/**
 * The one extension (延期) of a case's commitment, granted by a supervisor.
 *
 * @param workingDaysBefore the commitment before, in working days (30 for 低保)
 * @param workingDaysAfter  the extended commitment (45 for 低保)
 * @param deadline          the case deadline now, stopped clocks included
 * @param provisional       whether that deadline reaches into a year whose holidays are not published yet
 */
public record CaseExtension(String receiptNo, String extendedBy, OffsetDateTime extendedAt, String reason,
                            int workingDaysBefore, int workingDaysAfter, OffsetDateTime deadline,
                            boolean provisional) {
}
