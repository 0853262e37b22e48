package cn.tongban.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A task with its whole case, as a reviewer works on it. Reading one is recorded in the case-view log.
 *
 * @param formId                    the Camunda Form of the task ({@code camunda:formRef}), or null
 * @param data                      the case's values of the variables the form shows, unmasked
 * @param history                   the case's steps so far, oldest first
 * @param comments                  remarks on the case, oldest first
 * @param materials                 the materials the service asks for (the catalogue's list)
 * @param uploads                   what the applicant uploaded to the case, in the order it came in
 * @param correctionNoticeAvailable whether a one-time correction notice (一次性告知) can be issued at this step
 */
@Schema(name = "TaskDetail", description = "任务及其案卷 / A task with its case")
public record TaskDetail(TaskSummary task, String formId, Map<String, Object> data, List<HistoryEntry> history,
                         List<CaseComment> comments, List<MaterialEntry> materials, List<UploadedMaterial> uploads,
                         boolean correctionNoticeAvailable) {

    /** One step of the case: who worked on it and when; {@code end} is null while it is open. */
    @Schema(name = "CaseHistoryEntry")
    public record HistoryEntry(String activityId, String name, String type, String assignee,
                               OffsetDateTime start, OffsetDateTime end) {
    }

    /** A remark on the case by a reviewer. */
    @Schema(name = "CaseComment")
    public record CaseComment(String id, String author, OffsetDateTime time, String text) {
    }

    /**
     * A file the applicant uploaded, viewable at {@code /tasks/{taskId}/materials/{id}}.
     *
     * @param materialCode the catalogue's material it was uploaded as
     * @param contentType  PDF, JPEG or PNG, as read from the content
     * @param size         in bytes
     */
    @Schema(name = "UploadedMaterial")
    public record UploadedMaterial(long id, String materialCode, String fileName, String contentType, int size,
                                   OffsetDateTime uploadedAt) {
    }

    /** A material of the service's catalogue entry. */
    @Schema(name = "CaseMaterial")
    public record MaterialEntry(String code, String name, String nameEn, boolean optional) {
    }
}
