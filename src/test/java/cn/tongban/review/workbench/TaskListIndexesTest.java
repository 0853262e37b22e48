package cn.tongban.review.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The task list's due-date index on Camunda's task table exists on PostgreSQL and serves the list's query. */
@TongbanIntegrationTest
class TaskListIndexesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TaskListIndexes indexes;

    @Test
    void theDueDateIndexIsThereOnceAndServesOrderingAndWindowsByDueDate() {
        indexes.run(null);

        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = :name")
                .param("name", TaskListIndexes.DUE_DATE_INDEX).query(String.class).list())
                .singleElement().asString().containsIgnoringCase("act_ru_task").containsIgnoringCase("due_date_");
        List<String> plan = transaction.execute(status -> {
            // a test database is small enough to scan; forbidding scans shows whether the index can serve
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN SELECT id_ FROM act_ru_task WHERE due_date_ > now() AND due_date_ < now()"
                    + " + interval '1 day' ORDER BY due_date_ LIMIT 20").query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains(TaskListIndexes.DUE_DATE_INDEX);
    }
}
