package cn.tongban.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications and their ratings (tables application, application_rating). */
@Repository
class ApplicationStore {

    static final String SUBMITTED = "SUBMITTED";
    static final String WITHDRAWN = "WITHDRAWN";

    private static final String COLUMNS = "receipt_no, service_code, applicant, status, data, request_hash,"
            + " idempotency_key, created_at, accepted_at, deadline, provisional, process_instance_id, withdrawn_at";

    /** One application as stored. {@code deadline} is the one given on the receipt. */
    record StoredApplication(String receiptNo, String serviceCode, String applicant, String status, String data,
                             String requestHash, String idempotencyKey, Instant createdAt, Instant acceptedAt,
                             Instant deadline, boolean provisional, String processInstanceId, Instant withdrawnAt) {

        boolean withdrawn() {
            return WITHDRAWN.equals(status);
        }
    }

    /** A rating (好差评) as stored. */
    record StoredRating(String receiptNo, int grade, String comment, Instant ratedAt, String followUpTaskId) {
    }

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws DuplicateKeyException when the applicant used the idempotency key before (a concurrent twin of
     *                               this request included: the insert waits until that one commits)
     */
    void insert(String receiptNo, String serviceCode, String applicant, String data, String requestHash,
                String idempotencyKey, Instant createdAt, Instant acceptedAt) {
        jdbc.sql("INSERT INTO application (receipt_no, service_code, applicant, status, data, request_hash,"
                        + " idempotency_key, created_at, accepted_at) VALUES (:receiptNo, :serviceCode, :applicant,"
                        + " :status, :data, :requestHash, :idempotencyKey, :createdAt, :acceptedAt)")
                .param("receiptNo", receiptNo)
                .param("serviceCode", serviceCode)
                .param("applicant", applicant)
                .param("status", SUBMITTED)
                .param("data", data)
                .param("requestHash", requestHash)
                .param("idempotencyKey", idempotencyKey)
                .param("createdAt", utc(createdAt))
                .param("acceptedAt", utc(acceptedAt))
                .update();
    }

    /** Records the case the engine started and the deadline it committed to. */
    void started(String receiptNo, String processInstanceId, Date deadline, boolean provisional) {
        jdbc.sql("UPDATE application SET process_instance_id = :processInstanceId, deadline = :deadline,"
                        + " provisional = :provisional WHERE receipt_no = :receiptNo")
                .param("receiptNo", receiptNo)
                .param("processInstanceId", processInstanceId)
                .param("deadline", deadline == null ? null : utc(deadline.toInstant()))
                .param("provisional", provisional)
                .update();
    }

    /** Marks the application withdrawn; false when it was withdrawn already (by a concurrent request). */
    boolean withdraw(String receiptNo, Instant at) {
        return jdbc.sql("UPDATE application SET status = :withdrawn, withdrawn_at = :at"
                        + " WHERE receipt_no = :receiptNo AND status = :submitted")
                .param("receiptNo", receiptNo)
                .param("withdrawn", WITHDRAWN)
                .param("submitted", SUBMITTED)
                .param("at", utc(at))
                .update() == 1;
    }

    /** The applicant's own application; empty for another's or an unknown number. */
    Optional<StoredApplication> find(String applicant, String receiptNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE receipt_no = :receiptNo"
                        + " AND applicant = :applicant")
                .param("receiptNo", receiptNo)
                .param("applicant", applicant)
                .query(ApplicationStore::application)
                .optional();
    }

    Optional<StoredApplication> findByIdempotencyKey(String applicant, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE applicant = :applicant"
                        + " AND idempotency_key = :key")
                .param("applicant", applicant)
                .param("key", idempotencyKey)
                .query(ApplicationStore::application)
                .optional();
    }

    /** The applicant's applications, newest first. */
    List<StoredApplication> list(String applicant, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE applicant = :applicant"
                        + " ORDER BY created_at DESC, receipt_no DESC LIMIT :limit")
                .param("applicant", applicant)
                .param("limit", limit)
                .query(ApplicationStore::application)
                .list();
    }

    /**
     * @throws DuplicateKeyException when the case has a rating already
     */
    void insertRating(String receiptNo, int grade, String comment, Instant ratedAt) {
        jdbc.sql("INSERT INTO application_rating (receipt_no, grade, rating_comment, rated_at)"
                        + " VALUES (:receiptNo, :grade, :comment, :ratedAt)")
                .param("receiptNo", receiptNo)
                .param("grade", grade)
                .param("comment", comment)
                .param("ratedAt", utc(ratedAt))
                .update();
    }

    void ratingFollowedUpBy(String receiptNo, String taskId) {
        jdbc.sql("UPDATE application_rating SET follow_up_task_id = :taskId WHERE receipt_no = :receiptNo")
                .param("receiptNo", receiptNo)
                .param("taskId", taskId)
                .update();
    }

    Optional<StoredRating> rating(String receiptNo) {
        return jdbc.sql("SELECT receipt_no, grade, rating_comment, rated_at, follow_up_task_id"
                        + " FROM application_rating WHERE receipt_no = :receiptNo")
                .param("receiptNo", receiptNo)
                .query((rs, row) -> new StoredRating(rs.getString("receipt_no"), rs.getInt("grade"),
                        rs.getString("rating_comment"), instant(rs, "rated_at"), rs.getString("follow_up_task_id")))
                .optional();
    }

    private static StoredApplication application(ResultSet rs, int row) throws SQLException {
        return new StoredApplication(rs.getString("receipt_no"), rs.getString("service_code"),
                rs.getString("applicant"), rs.getString("status"), rs.getString("data"),
                rs.getString("request_hash"), rs.getString("idempotency_key"), instant(rs, "created_at"),
                instant(rs, "accepted_at"), instant(rs, "deadline"), rs.getBoolean("provisional"),
                rs.getString("process_instance_id"), instant(rs, "withdrawn_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
