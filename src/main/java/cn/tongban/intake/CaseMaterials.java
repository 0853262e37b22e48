package cn.tongban.intake;

import cn.tongban.intake.AttachmentStore.StoredAttachment;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The materials applicants uploaded to their cases, read by receipt number for the offices that review them. It
 * checks nobody's scope: the caller decides first who may see which case (the workbench by the reviewer's tasks),
 * as an applicant sees only their own through their own pages.
 */
@Component
public class CaseMaterials {

    /**
     * An uploaded material without its bytes.
     *
     * @param contentType as read from the content when uploaded: PDF, JPEG or PNG only
     */
    public record Upload(long id, String materialCode, String fileName, String contentType, int size,
                         OffsetDateTime uploadedAt) {
    }

    /** An uploaded material with its bytes. */
    public record UploadContent(Upload upload, byte[] content) {
    }

    private final AttachmentStore attachments;
    private final ZoneId zone;

    CaseMaterials(AttachmentStore attachments, @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.attachments = attachments;
        this.zone = zone;
    }

    /** The case's uploads in the order they came in. */
    @Transactional(readOnly = true)
    public List<Upload> of(String receiptNo) {
        return attachments.list(receiptNo).stream().map(this::upload).toList();
    }

    /** One upload of the case with its bytes; empty when the case has no upload of that id. */
    @Transactional(readOnly = true)
    public Optional<UploadContent> open(String receiptNo, long id) {
        return attachments.find(receiptNo, id)
                .map(stored -> new UploadContent(upload(stored), attachments.content(stored.id())));
    }

    private Upload upload(StoredAttachment stored) {
        return new Upload(stored.id(), stored.materialCode(), stored.fileName(), stored.contentType(), stored.size(),
                stored.uploadedAt().atZone(zone).toOffsetDateTime());
    }
}
