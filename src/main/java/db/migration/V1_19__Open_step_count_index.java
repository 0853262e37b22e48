package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The reviewers' lists count all open steps of each of the user's candidate groups in the district (for the
 * total and the on-track figure). Read from the list's own index, that count walked every entry with its due date,
 * start and task id: about 1,400 index pages and 30 ms at 100,000 open steps of one group. This index holds only
 * what the count asks about; its equal keys are stored once per page (PostgreSQL's B-tree deduplication), so the
 * same count reads about 90 pages. PostgreSQL only, like the other partial indexes of the open steps.
 */
public class V1_19__Open_step_count_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE INDEX sla_step_open_count ON sla_step (district, candidate_groups, service_code,"
                    + " step_id) WHERE closed_at IS NULL");
        }
    }
}
