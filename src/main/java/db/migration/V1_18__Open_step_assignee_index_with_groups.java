package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The reviewers' lists count a user's own steps outside their groups (assigned to them, candidate groups none of
 * theirs) from the assignee index of the open steps; it lacked the candidate groups, so that test needed the row,
 * and PostgreSQL preferred reading every open step of the district (120 ms a list at 100,000 open steps). With
 * the groups carried in the index the count is read from the index alone. PostgreSQL only: the H2 demo database
 * keeps its index, and INCLUDE is PostgreSQL's.
 */
public class V1_18__Open_step_assignee_index_with_groups extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP INDEX sla_step_open_assignee");
            sql.execute("CREATE INDEX sla_step_open_assignee ON sla_step (assignee, district, due_date, started_at,"
                    + " task_id) INCLUDE (candidate_groups) WHERE closed_at IS NULL");
        }
    }
}
