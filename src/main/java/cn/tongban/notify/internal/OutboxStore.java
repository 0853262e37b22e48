package cn.tongban.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code mail_outbox}. A mail is pending while unsent and tried fewer than the maximum times, failed
 * once unsent after that many tries, sent once {@code sent_at} is set. Every statement joins the caller's
 * transaction; the process engine runs on the same data source and Spring transaction manager, so a mail queued
 * from a process step commits or rolls back with that step.
 */
@Repository
class OutboxStore {

    /** A mail locked for delivery. */
    record DueMail(long id, String recipient, String subject, String htmlBody, String template, int attempts) {
    }

    enum State { PENDING, FAILED, SENT }

    private static final String COLUMNS =
            "id, recipient, subject, template, created_at, attempts, next_attempt_at, sent_at, last_error";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String recipient, String subject, String htmlBody, String template, String dedupeKey, Instant now) {
        if (dedupeKey == null) {
            jdbc.update("INSERT INTO mail_outbox (recipient, subject, html_body, template, created_at,"
                    + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)", recipient, subject, htmlBody, template, at(now),
                    at(now));
        } else {
            // no ON CONFLICT (H2 lacks it), and a unique violation would abort a PostgreSQL transaction
            jdbc.update("INSERT INTO mail_outbox (recipient, subject, html_body, template, dedupe_key, created_at,"
                    + " next_attempt_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM mail_outbox WHERE dedupe_key = ?)", recipient, subject, htmlBody, template,
                    dedupeKey, at(now), at(now), dedupeKey);
        }
    }

    /**
     * Locks up to {@code limit} due mails for the current transaction. Rows another node holds are skipped, not
     * waited for, so each mail is taken by one sender at a time (PostgreSQL and H2 both know SKIP LOCKED).
     */
    List<DueMail> lockDue(Instant now, int maxAttempts, int limit) {
        return jdbc.query("SELECT id, recipient, subject, html_body, template, attempts FROM mail_outbox"
                        + " WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, row) -> new DueMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("html_body"), rs.getString("template"), rs.getInt("attempts")),
                maxAttempts, at(now), limit);
    }

    void markSent(long id, Instant now) {
        jdbc.update("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", at(now), id);
    }

    void markFailedAttempt(long id, int attempts, Instant nextAttempt, String error) {
        jdbc.update("UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, at(nextAttempt), truncate(error), id);
    }

    List<OutboxMail> list(State state, int maxAttempts, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE " + condition(state, maxAttempts)
                + " ORDER BY created_at DESC, id DESC LIMIT ?", OutboxStore::mail, limit);
    }

    int count(State state, int maxAttempts) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE " + condition(state, maxAttempts),
                Integer.class);
        return count == null ? 0 : count;
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", OutboxStore::mail, id).stream()
                .findFirst();
    }

    /** Makes an unsent mail due now with a fresh count of tries; the last error stays for reference. */
    boolean retry(long id, Instant now) {
        return jdbc.update("UPDATE mail_outbox SET attempts = 0, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL",
                at(now), id) == 1;
    }

    private static String condition(State state, int maxAttempts) {
        return switch (state) {
            case PENDING -> "sent_at IS NULL AND attempts < " + maxAttempts;
            case FAILED -> "sent_at IS NULL AND attempts >= " + maxAttempts;
            case SENT -> "sent_at IS NOT NULL";
        };
    }

    private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("template"), instant(rs, "created_at"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
