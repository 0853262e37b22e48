package cn.tongban.notify.internal;

import java.time.Instant;

/**
 * One queued mail as administrators see it: no body, which holds applicants' personal data.
 *
 * @param nextAttemptAt when the sender tries it next (unless sent or failed)
 * @param lastError     why the last try failed, if it did
 */
record OutboxMail(long id, String recipient, String subject, String template, Instant createdAt, int attempts,
                  Instant nextAttemptAt, Instant sentAt, String lastError) {
}
