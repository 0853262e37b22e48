package cn.tongban.review;

import cn.tongban.sla.SlaState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * One open task as the task list shows it. The applicant is masked here; the whole case is in {@link TaskDetail}.
 *
 * @param name              the step's name as the model gives it (Chinese)
 * @param step              the step id (= user task id)
 * @param receiptNo         受理编号, the case's business key
 * @param serviceCode       the service (= process key)
 * @param assignee          who has claimed the task, or null
 * @param due               the step's deadline, or null
 * @param slaState          where the task stands against {@code due} now; null without a deadline
 * @param provisional       the case deadline reaches into a year whose holiday arrangement is not loaded yet
 * @param applicantName     first character only, e.g. {@code 张*}
 * @param applicantIdNumber first and last four characters only, e.g. {@code 4101**********1234}
 */
@Schema(name = "TaskSummary", description = "任务清单中的一项 / One entry of the task list")
public record TaskSummary(
        String id,
        @Schema(example = "受理") String name,
        @Schema(example = "acceptance") String step,
        @Schema(example = "DB-20230120-0001") String receiptNo,
        @Schema(example = "minimum-living-allowance") String serviceCode,
        @Schema(nullable = true, example = "reviewer.jinshui") String assignee,
        @Schema(nullable = true, example = "2023-03-08T17:30:00+08:00") OffsetDateTime due,
        @Schema(nullable = true) SlaState slaState,
        boolean provisional,
        @Schema(nullable = true, example = "张*") String applicantName,
        @Schema(nullable = true, example = "4101**********1234") String applicantIdNumber,
        @Schema(example = "2023-01-20T10:00:00+08:00") OffsetDateTime created) {
}
