package cn.tongban.review.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.review.TaskFilter;
import cn.tongban.sla.SlaState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task list's filters and page, carried into a task and back, and the row of page links. */
class ListStateTest {

    @Test
    void theListsStateTravelsThroughATaskAndBack() {
        ListState state = ListState.from(Map.of("_service", new String[] {"minimum-living-allowance"},
                "_slaState", new String[] {"OVERDUE"}, "_page", new String[] {"2"}, "_size", new String[] {"50"},
                "_sort", new String[] {"RECEIVED"}, "step", new String[] {"ignored"}), "_");

        assertThat(state).isEqualTo(new ListState("minimum-living-allowance", null, SlaState.OVERDUE,
                TaskFilter.Sort.RECEIVED, 2, 50));
        assertThat(state.listUrl())
                .isEqualTo("/tasks?service=minimum-living-allowance&slaState=OVERDUE&sort=RECEIVED&page=2&size=50");
        assertThat(state.taskUrl("t-1")).startsWith("/tasks/t-1?service=");
        assertThat(state.hiddenFields()).containsEntry("_page", "2").doesNotContainKey("_step");
        assertThat(state.withSlaState(SlaState.ON_TRACK).listUrl())
                .isEqualTo("/tasks?service=minimum-living-allowance&slaState=ON_TRACK&sort=RECEIVED&size=50");
        assertThat(ListState.from(Map.of("page", new String[] {"-1"}, "size", new String[] {"9999"},
                "slaState", new String[] {"LATE"}, "sort", new String[] {"NAME"}), ""))
                .isEqualTo(new ListState(null, null, null, null, 0, 20));
        assertThat(new ListState(null, null, null, TaskFilter.Sort.DEADLINE, 0, 20).listUrl()).isEqualTo("/tasks");
    }

    @Test
    void longListsShowPageLinksNearTheCurrentPageOnly() {
        assertThat(TaskPagesController.pageNumbers(0, 1)).containsExactly(0);
        assertThat(TaskPagesController.pageNumbers(10, 40)).containsExactly(0, 7, 8, 9, 10, 11, 12, 13, 39);
        assertThat(TaskPagesController.pageNumbers(0, 0)).isEmpty();
    }
}
