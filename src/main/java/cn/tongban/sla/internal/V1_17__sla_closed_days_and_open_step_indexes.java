package cn.tongban.sla.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneId;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The closed cases and steps per day (办结日汇总) the dashboard sums over a period instead of every closed row, and
 * the indexes of the reviewers' lists of open steps. A Spring bean that Flyway runs (not found by its classpath scan) because the
 * day a row closed on is a day of the calendar's zone, which is configuration: the rows closed before this
 * migration are summed into the table here, later ones by {@link ClosedDays} in the transaction that closes them.
 */
@Component
class V1_17__sla_closed_days_and_open_step_indexes extends BaseJavaMigration {

    private final ZoneId zone;

    V1_17__sla_closed_days_and_open_step_indexes(@Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            // kind CASE or STEP; step_id '' for a case, district '' for none, so the key has no NULL
            sql.execute("""
                    CREATE TABLE sla_closed_day (
                        kind           VARCHAR(8)  NOT NULL,
                        closed_on      DATE        NOT NULL,
                        service_code   VARCHAR(64) NOT NULL,
                        district       VARCHAR(32) NOT NULL,
                        step_id        VARCHAR(64) NOT NULL,
                        closed         BIGINT      NOT NULL,
                        completed      BIGINT      NOT NULL,
                        completed_on_time BIGINT   NOT NULL,
                        CONSTRAINT pk_sla_closed_day PRIMARY KEY (kind, closed_on, service_code, district, step_id)
                    )""");
            sql.execute(backfill("CASE", "sla_case", "''", zone));
            sql.execute(backfill("STEP", "sla_step", "step_id", zone));
            // the reviewers' lists (OpenSteps): the steps of one candidate group, a user's own steps, the few of
            // several groups, each in the order of the list, so a page is read from the front of an index and the
            // counts from an index alone; on PostgreSQL of the open steps only (an IS NULL key column would not
            // give the order), elsewhere with closed_at as a key column
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                sql.execute("CREATE INDEX sla_step_open_group ON sla_step"
                        + " (district, candidate_groups, due_date, started_at, task_id) WHERE closed_at IS NULL");
                sql.execute("CREATE INDEX sla_step_open_assignee ON sla_step"
                        + " (assignee, district, due_date, started_at, task_id) WHERE closed_at IS NULL");
                sql.execute("CREATE INDEX sla_step_open_shared ON sla_step (district, due_date, started_at, task_id)"
                        + " WHERE closed_at IS NULL AND candidate_groups LIKE '%,%'");
            } else {
                sql.execute("CREATE INDEX sla_step_open_group ON sla_step"
                        + " (district, closed_at, candidate_groups, due_date, started_at, task_id)");
                sql.execute("CREATE INDEX sla_step_open_assignee ON sla_step"
                        + " (assignee, closed_at, district, due_date, started_at, task_id)");
            }
        }
    }

    /** Sums the closed rows of a table per day in {@code zone}; the bench generator sums its rows likewise. */
    static String backfill(String kind, String table, String step, ZoneId zone) {
        String day = "CAST(closed_at AT TIME ZONE '" + zone.getId() + "' AS DATE)";
        return "INSERT INTO sla_closed_day (kind, closed_on, service_code, district, step_id, closed, completed,"
                + " completed_on_time) SELECT '" + kind + "', " + day + ", service_code, COALESCE(district, ''), "
                + step + ", COUNT(*), SUM(CASE WHEN outcome = 'COMPLETED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'COMPLETED' AND on_time THEN 1 ELSE 0 END)"
                + " FROM " + table + " WHERE closed_at IS NOT NULL GROUP BY " + day + ", service_code,"
                + " COALESCE(district, '')" + ("''".equals(step) ? "" : ", " + step);
    }
}
