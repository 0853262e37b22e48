package cn.tongban.review;

import cn.tongban.sla.SlaState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One page of a reviewer's tasks, earliest deadline first (tasks without a deadline last).
 *
 * @param page   0-based
 * @param total  tasks matching the filter, all pages together
 * @param counts tasks per SLA state for the service and step filter, whatever the state filter
 */
@Schema(name = "TaskList", description = "任务清单的一页 / One page of the task list")
public record TaskList(List<TaskSummary> items, int page, int size, long total, Map<SlaState, Long> counts) {

    public int pages() {
        return size == 0 ? 0 : (int) Math.max(1, (total + size - 1) / size);
    }
}
