package cn.tongban.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The materials uploaded for applications (table application_attachment), bytes included. */
@Repository
class AttachmentStore {

    private static final String COLUMNS = "id, receipt_no, material_code, file_name, content_type, size_bytes,"
            + " sha256, uploaded_at";

    /** An attachment without its bytes. */
    record StoredAttachment(long id, String receiptNo, String materialCode, String fileName, String contentType,
                            int size, String sha256, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String receiptNo, String materialCode, UploadedFile file, Instant uploadedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO application_attachment (receipt_no, material_code, file_name, content_type,"
                        + " size_bytes, sha256, content, uploaded_at) VALUES (:receiptNo, :materialCode, :fileName,"
                        + " :contentType, :size, :sha256, :content, :uploadedAt)")
                .param("receiptNo", receiptNo)
                .param("materialCode", materialCode)
                .param("fileName", file.fileName())
                .param("contentType", file.type().mediaType())
                .param("size", file.content().length)
                .param("sha256", file.sha256())
                .param("content", file.content())
                .param("uploadedAt", uploadedAt.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<StoredAttachment> list(String receiptNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application_attachment WHERE receipt_no = :receiptNo ORDER BY id")
                .param("receiptNo", receiptNo)
                .query(AttachmentStore::attachment)
                .list();
    }

    int count(String receiptNo) {
        return jdbc.sql("SELECT COUNT(*) FROM application_attachment WHERE receipt_no = :receiptNo")
                .param("receiptNo", receiptNo)
                .query(Integer.class)
                .single();
    }

    Optional<StoredAttachment> find(String receiptNo, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application_attachment WHERE receipt_no = :receiptNo AND id = :id")
                .param("receiptNo", receiptNo)
                .param("id", id)
                .query(AttachmentStore::attachment)
                .optional();
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM application_attachment WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> rs.getBytes("content"))
                .single();
    }

    private static StoredAttachment attachment(ResultSet rs, int row) throws SQLException {
        return new StoredAttachment(rs.getLong("id"), rs.getString("receipt_no"), rs.getString("material_code"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                rs.getString("sha256"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
