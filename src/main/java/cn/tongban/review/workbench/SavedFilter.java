package cn.tongban.review.workbench;

import cn.tongban.review.TaskFilter;
import cn.tongban.sla.SlaState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A reviewer's saved filter of the task list (常用筛选); {@code null} filter values mean any. */
@Schema(name = "SavedTaskFilter", description = "保存的任务筛选 / A saved task-list filter")
record SavedFilter(
        long id,
        @Schema(example = "金水低保逾期") String name,
        @Schema(nullable = true, example = "minimum-living-allowance") String service,
        @Schema(nullable = true, example = "acceptance") String step,
        @Schema(nullable = true) SlaState slaState,
        TaskFilter.Sort sort,
        OffsetDateTime createdAt) {

    TaskFilter filter() {
        return new TaskFilter(service, step, slaState, sort);
    }
}
