package cn.tongban.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts of applications (table application_draft), one per applicant and service. */
@Repository
class DraftStore {

    /** A draft as stored; {@code data} is the form data as JSON. */
    record StoredDraft(String applicant, String serviceCode, String data, Instant savedAt) {
    }

    private final JdbcClient jdbc;

    DraftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the draft, replacing the applicant's earlier draft of the service. */
    void save(String applicant, String serviceCode, String data, Instant savedAt) {
        if (update(applicant, serviceCode, data, savedAt)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO application_draft (applicant, service_code, data, saved_at)"
                            + " VALUES (:applicant, :serviceCode, :data, :savedAt)")
                    .param("applicant", applicant)
                    .param("serviceCode", serviceCode)
                    .param("data", data)
                    .param("savedAt", savedAt.atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            // a save from another tab came first; the later one wins, as one after the other would
            update(applicant, serviceCode, data, savedAt);
        }
    }

    private boolean update(String applicant, String serviceCode, String data, Instant savedAt) {
        return jdbc.sql("UPDATE application_draft SET data = :data, saved_at = :savedAt"
                        + " WHERE applicant = :applicant AND service_code = :serviceCode")
                .param("applicant", applicant)
                .param("serviceCode", serviceCode)
                .param("data", data)
                .param("savedAt", savedAt.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<StoredDraft> find(String applicant, String serviceCode) {
        return jdbc.sql("SELECT applicant, service_code, data, saved_at FROM application_draft"
                        + " WHERE applicant = :applicant AND service_code = :serviceCode")
                .param("applicant", applicant)
                .param("serviceCode", serviceCode)
                .query(DraftStore::draft)
                .optional();
    }

    /** The applicant's drafts, the latest saved first. */
    List<StoredDraft> list(String applicant) {
        return jdbc.sql("SELECT applicant, service_code, data, saved_at FROM application_draft"
                        + " WHERE applicant = :applicant ORDER BY saved_at DESC, service_code")
                .param("applicant", applicant)
                .query(DraftStore::draft)
                .list();
    }

    /** @return false when there was no such draft */
    boolean delete(String applicant, String serviceCode) {
        return jdbc.sql("DELETE FROM application_draft WHERE applicant = :applicant AND service_code = :serviceCode")
                .param("applicant", applicant)
                .param("serviceCode", serviceCode)
                .update() > 0;
    }

    private static StoredDraft draft(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredDraft(rs.getString("applicant"), rs.getString("service_code"), rs.getString("data"),
                rs.getObject("saved_at", OffsetDateTime.class).toInstant());
    }
}
