package cn.tongban.review.workbench;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The index the task list needs beyond Camunda's own: every list is ordered by due date and counted per SLA
 * window of due dates, and Camunda's schema has no index on a task's due date. Candidate groups, assignees,
 * authorizations and the district variable are looked up through Camunda's indexes already.
 *
 * <p>Created here rather than by Flyway: our migrations run before the engine creates its tables on a new
 * database. {@code IF NOT EXISTS} makes every later start a no-op, on PostgreSQL and H2 alike.
 */
@Component
class TaskListIndexes implements ApplicationRunner {

    static final String DUE_DATE_INDEX = "tongban_idx_task_due_date";

    private final JdbcClient jdbc;

    TaskListIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + DUE_DATE_INDEX + " ON ACT_RU_TASK (DUE_DATE_)").update();
    }
}
