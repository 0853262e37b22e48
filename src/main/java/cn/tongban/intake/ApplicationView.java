package cn.tongban.intake;

import cn.tongban.sla.SlaState;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application as its applicant follows it.
 *
 * @param deadline         the committed deadline in force (moved by an extension or a new holiday arrangement)
 * @param provisional      the deadline reaches into a year whose holidays are not published yet
 * @param slaState         against the deadline, while the case is open; null once it is decided or closed
 * @param correctionNotice the open one-time correction notice, or null
 * @param rating           the applicant's rating, or null
 * @param decision         the decision once the case is decided, else null
 */
record ApplicationView(String receiptNo, String serviceCode, String serviceName, CaseStatus status,
                       OffsetDateTime acceptedAt, OffsetDateTime deadline, boolean provisional, SlaState slaState,
                       List<TimelineEntry> timeline, CorrectionNotice correctionNotice,
                       List<AttachmentInfo> attachments, RatingInfo rating, Decision decision) {

    /**
     * The decision on the merits.
     *
     * @param reason        why not, for a refusal; null for an approval or where none was given
     * @param monthlyAmount 低保: the monthly allowance in yuan, for an approval; null for other services
     */
    record Decision(boolean approved, String reason, BigDecimal monthlyAmount) {
    }

    /** 一次性告知: every missing material at once. */
    record CorrectionNotice(List<String> items, OffsetDateTime issuedAt) {
    }

    /** An uploaded material; the bytes are at {@code /api/applications/{receiptNo}/attachments/{id}}. */
    record AttachmentInfo(long id, String materialCode, String fileName, String contentType, int size,
                          String sha256, OffsetDateTime uploadedAt) {
    }

    /** 好差评: grade 1 (very dissatisfied) to 5 (very satisfied). */
    record RatingInfo(int grade, String comment, OffsetDateTime ratedAt) {
    }
}
