package db.migration;

import java.util.List;

/**
 * The reviewers' lists count a user's own steps outside their groups (assigned to them, candidate groups none of
 * theirs) from the assignee index of the open steps; it lacked the candidate groups, so that test needed the row,
 * and PostgreSQL preferred reading every open step of the district (120 ms a list at 100,000 open steps). With
 * the groups carried in the index the count is read from the index alone. The H2 demo database keeps its index.
 */
public class V1_18__Open_step_assignee_index_with_groups extends PostgreSqlOnlyMigration {

    @Override
    protected List<String> statements() {
        return List.of("DROP INDEX sla_step_open_assignee",
                "CREATE INDEX sla_step_open_assignee ON sla_step (assignee, district, due_date, started_at, task_id)"
                        + " INCLUDE (candidate_groups) WHERE closed_at IS NULL");
    }
}
