package cn.tongban.intake;

import java.time.OffsetDateTime;

/**
 * What a submission answers (受理回执): the receipt number, the time of receipt and the committed deadline.
 * A repeated request with the same idempotency key answers the same receipt.
 *
 * @param deadline    the committed deadline; null only when the process set none
 * @param provisional the deadline reaches into a year whose holidays are not published yet
 */
record Receipt(String receiptNo, CaseStatus status, OffsetDateTime acceptedAt, OffsetDateTime deadline,
               boolean provisional) {
}
