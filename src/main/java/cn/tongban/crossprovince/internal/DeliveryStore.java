package cn.tongban.crossprovince.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound messages and their attempts (table crossprovince_delivery). Every write commits on its own, so a
 * failed attempt is on record even though the sending job's transaction rolls back.
 */
@Repository
class DeliveryStore {

    enum State { PENDING, DELIVERED, REFUSED }

    record Delivery(String messageId, String partnerId, MessageKind kind, String receiptNo, String processInstanceId,
                    State state, int attempts, Integer lastStatus, String lastError, Instant createdAt,
                    Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    DeliveryStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts an attempt at sending the message, creating its row at the first. */
    void attempt(String messageId, String partnerId, MessageKind kind, String receiptNo, String processInstanceId,
                 Instant at) {
        separately.executeWithoutResult(status -> {
            int updated = jdbc.sql("UPDATE crossprovince_delivery SET attempts = attempts + 1, updated_at = :at"
                            + " WHERE message_id = :messageId")
                    .param("at", utc(at)).param("messageId", messageId).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO crossprovince_delivery (message_id, partner_id, kind, receipt_no,"
                                + " process_instance_id, state, attempts, created_at, updated_at) VALUES (:messageId,"
                                + " :partnerId, :kind, :receiptNo, :processInstanceId, 'PENDING', 1, :at, :at)")
                        .param("messageId", messageId).param("partnerId", partnerId).param("kind", kind.name())
                        .param("receiptNo", receiptNo).param("processInstanceId", processInstanceId)
                        .param("at", utc(at)).update();
            }
        });
    }

    void outcome(String messageId, State state, Integer httpStatus, String error, Instant at) {
        separately.executeWithoutResult(status -> jdbc.sql("UPDATE crossprovince_delivery SET state = :state,"
                        + " last_status = :httpStatus, last_error = :error, updated_at = :at WHERE message_id = :messageId")
                .param("state", state.name()).param("httpStatus", httpStatus)
                .param("error", error == null ? null : abbreviate(error))
                .param("at", utc(at)).param("messageId", messageId).update());
    }

    List<Delivery> list(State state, int limit) {
        String where = state == null ? "" : " WHERE state = :state";
        JdbcClient.StatementSpec query = jdbc.sql("SELECT * FROM crossprovince_delivery" + where
                + " ORDER BY updated_at DESC, message_id LIMIT :limit").param("limit", limit);
        if (state != null) {
            query = query.param("state", state.name());
        }
        return query.query((rs, row) -> new Delivery(rs.getString("message_id"), rs.getString("partner_id"),
                MessageKind.valueOf(rs.getString("kind")), rs.getString("receipt_no"),
                rs.getString("process_instance_id"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant())).list();
    }

    private static String abbreviate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
