package db.migration;

import java.util.List;

/**
 * The reviewers' lists count all open steps of each of the user's candidate groups in the district (for the
 * total and the on-track figure). Read from the list's own index, that count walked every entry with its due date,
 * start and task id: about 1,400 index pages and 30 ms at 100,000 open steps of one group. This index holds only
 * what the count asks about; its equal keys are stored once per page (PostgreSQL's B-tree deduplication), so the
 * same count reads about 90 pages.
 */
public class V1_19__Open_step_count_index extends PostgreSqlOnlyMigration {

    @Override
    protected List<String> statements() {
        return List.of("CREATE INDEX sla_step_open_count ON sla_step (district, candidate_groups, service_code,"
                + " step_id) WHERE closed_at IS NULL");
    }
}
