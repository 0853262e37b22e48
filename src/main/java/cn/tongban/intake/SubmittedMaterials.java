package cn.tongban.intake;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The materials (材料) an applicant uploaded for a case, bytes included, for handing the whole case to another
 * authority. Read-only.
 */
@Component
public class SubmittedMaterials {

    /** One uploaded file; {@code contentType} was decided from the bytes when it was uploaded. */
    public record Material(String materialCode, String fileName, String contentType, byte[] content) {
    }

    private final AttachmentStore attachments;

    SubmittedMaterials(AttachmentStore attachments) {
        this.attachments = attachments;
    }

    /** The case's materials in upload order; empty for a receipt without materials or without an application. */
    public List<Material> of(String receiptNo) {
        return attachments.list(receiptNo).stream()
                .map(a -> new Material(a.materialCode(), a.fileName(), a.contentType(), attachments.content(a.id())))
                .toList();
    }
}
