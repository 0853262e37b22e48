package cn.tongban.sla.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, from the SLA records alone: on-time rates of what closed in a period (办结 within the
 * commitment: closed_at ≤ deadline), open cases and steps by SLA state at an instant, breaches detected in a period.
 */
@Repository
class SlaReports {

    /** The filters of a report; null means "any". {@code districts} null means every district. */
    record Filter(String service, Set<String> districts, Instant from, Instant to) {
    }

    /** Open ones by SLA state. A case whose clock is stopped by a correction notice is neither due soon nor late. */
    record OpenCounts(long total, long onTrack, long dueSoon, long overdue, long clockStopped) {
    }

    /**
     * What closed in the period and how much of it on time, what is open now, what was breached in the period.
     *
     * @param onTimeRate closedOnTime / closed, 4 decimals; null when nothing closed
     */
    record Figures(long closed, long closedOnTime, BigDecimal onTimeRate, OpenCounts open, long breaches) {
    }

    /** One group of a report: its key columns (service_code, district or step_id) and its figures. */
    record Group(Map<String, String> key, Figures figures) {
    }

    private final JdbcClient jdbc;

    SlaReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures of cases, grouped by the given columns of sla_case (none: one group of everything). */
    List<Group> cases(Filter filter, Instant now, List<String> groupBy) {
        return figures("sla_case", filter, now, groupBy, true);
    }

    /** Figures of steps, grouped by the given columns of sla_step. */
    List<Group> steps(Filter filter, Instant now, List<String> groupBy) {
        return figures("sla_step", filter, now, groupBy, false);
    }

    /** Breaches detected in the period, counted by the given columns of sla_breach. */
    Map<Map<String, String>, Long> breaches(Filter filter, List<String> groupBy) {
        Where where = where(filter, "detected_at");
        String columns = groupBy.isEmpty() ? "" : String.join(", ", groupBy) + ", ";
        String sql = "SELECT " + columns + "COUNT(*) AS breaches FROM sla_breach" + where.sql()
                + (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy));
        Map<Map<String, String>, Long> counts = new HashMap<>();
        where.bind(jdbc.sql(sql)).query((rs, row) -> {
            counts.put(key(rs, groupBy), rs.getLong("breaches"));
            return null;
        }).list();
        return counts;
    }

    long breachCount(Filter filter) {
        Where where = where(filter, "detected_at");
        return where.bind(jdbc.sql("SELECT COUNT(*) FROM sla_breach" + where.sql())).query(Long.class).single();
    }

    /**
     * A breach as the dashboard lists it.
     *
     * @param urges 督办 notices sent about its step
     * @param open  whether its step (its case, for a case breach) is still open
     */
    record ListedBreach(BreachRecord breach, long urges, boolean open) {
    }

    /** A page of breaches detected in the period, latest first. */
    List<ListedBreach> breachPage(Filter filter, int page, int size) {
        Where where = where(filter, "detected_at");
        // the subqueries run for the rows of the page only, by primary key or the action index
        return where.bind(jdbc.sql("SELECT id, process_instance_id, receipt_no, service_code, district, step_id,"
                        + " task_id, assignee, deadline, detected_at,"
                        + " (SELECT COUNT(*) FROM sla_action a WHERE a.task_id = b.task_id AND a.kind = 'URGE')"
                        + " AS urges,"
                        + " CASE WHEN b.step_id = '" + SlaRecords.CASE_STEP + "' THEN (SELECT COUNT(*) FROM sla_case c"
                        + " WHERE c.process_instance_id = b.process_instance_id AND c.closed_at IS NULL)"
                        + " ELSE (SELECT COUNT(*) FROM sla_step s WHERE s.task_id = b.task_id AND s.closed_at IS NULL)"
                        + " END AS open_count"
                        + " FROM sla_breach b" + where.sql()
                        + " ORDER BY detected_at DESC, id DESC LIMIT :size OFFSET :offset"))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new ListedBreach(new BreachRecord(rs.getLong("id"),
                        rs.getString("process_instance_id"), rs.getString("receipt_no"), rs.getString("service_code"),
                        rs.getString("district"), rs.getString("step_id"), rs.getString("task_id"),
                        rs.getString("assignee"), SlaRecords.instant(rs, "deadline"),
                        SlaRecords.instant(rs, "detected_at")), rs.getLong("urges"), rs.getLong("open_count") > 0))
                .list();
    }

    /**
     * Breaches detected in the period per day in {@code zone} (the day a breach was recorded, 超期趋势).
     *
     * @param zone a zone id from the configuration, written into the SQL as a literal
     */
    Map<LocalDate, Long> breachesPerDay(Filter filter, ZoneId zone) {
        Where where = where(filter, "detected_at");
        String day = "CAST(detected_at AT TIME ZONE '" + zone.getId() + "' AS DATE)";
        Map<LocalDate, Long> perDay = new TreeMap<>();
        where.bind(jdbc.sql("SELECT " + day + " AS breach_day, COUNT(*) AS breaches FROM sla_breach" + where.sql()
                        + " GROUP BY " + day))
                .query((rs, row) -> perDay.put(rs.getObject("breach_day", LocalDate.class), rs.getLong("breaches")))
                .list();
        return perDay;
    }

    /**
     * Cases received in the period: how many, how many 即办 (a commitment of 0 working days) and how many with a
     * commitment of at most {@code shortLimit} working days.
     */
    record Intake(long cases, long immediate, long shortLimit) {
    }

    Intake intake(Filter filter, int shortLimit) {
        Where where = where(filter, "accepted_at");
        return where.bind(jdbc.sql("SELECT COUNT(*) AS cases,"
                        + " SUM(CASE WHEN committed_working_days = 0 THEN 1 ELSE 0 END) AS immediate,"
                        + " SUM(CASE WHEN committed_working_days <= :shortLimit THEN 1 ELSE 0 END) AS short_limit"
                        + " FROM sla_case" + where.sql()))
                .param("shortLimit", shortLimit)
                .query((rs, row) -> new Intake(rs.getLong("cases"), rs.getLong("immediate"), rs.getLong("short_limit")))
                .single();
    }

    /**
     * The name a step was shown with (the greatest, should it have changed), for steps that are not in the
     * catalogue (approval tasks); one index lookup (sla_step_name), however many steps the service has had.
     */
    Optional<String> stepName(String service, String step) {
        return jdbc.sql("SELECT MAX(step_name) FROM sla_step WHERE service_code = :service AND step_id = :step")
                .param("service", service)
                .param("step", step)
                .query(String.class)
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    private List<Group> figures(String table, Filter filter, Instant now, List<String> groupBy, boolean cases) {
        Where where = where(filter, null);
        if (filter.from() != null || filter.to() != null) {
            // only what is open now or closed in the period counts: the rest is left to the indexes
            where.and("(closed_at IS NULL OR (closed_at IS NOT NULL"
                    + (filter.from() == null ? "" : " AND closed_at >= :from")
                    + (filter.to() == null ? "" : " AND closed_at < :to") + "))", null, null);
        }
        String closedInPeriod = "closed_at IS NOT NULL AND outcome = 'COMPLETED'"
                + (filter.from() == null ? "" : " AND closed_at >= :from")
                + (filter.to() == null ? "" : " AND closed_at < :to");
        // a stopped clock holds the state the case had when the notice went out
        String stopped = cases ? "stopped_since" : "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        String at = "COALESCE(" + stopped + ", :now)";
        String columns = groupBy.isEmpty() ? "" : String.join(", ", groupBy) + ", ";
        String sql = "SELECT " + columns
                + "SUM(CASE WHEN " + closedInPeriod + " THEN 1 ELSE 0 END) AS closed,"
                + " SUM(CASE WHEN " + closedInPeriod + " AND on_time THEN 1 ELSE 0 END) AS closed_on_time,"
                + " SUM(CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END) AS open_total,"
                + " SUM(CASE WHEN closed_at IS NULL AND " + at + " > deadline THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN closed_at IS NULL AND " + stopped + " IS NOT NULL AND " + at + " <= deadline"
                + " THEN 1 ELSE 0 END) AS clock_stopped,"
                + " SUM(CASE WHEN closed_at IS NULL AND " + stopped + " IS NULL AND :now <= deadline"
                + " AND :now >= due_soon_from THEN 1 ELSE 0 END) AS due_soon,"
                + " SUM(CASE WHEN closed_at IS NULL AND " + stopped + " IS NULL AND :now < due_soon_from"
                + " THEN 1 ELSE 0 END) AS on_track"
                + " FROM " + table + where.sql()
                + (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy));
        return where.bind(jdbc.sql(sql))
                .param("now", SlaRecords.utc(now))
                .query((rs, row) -> {
                    long closed = rs.getLong("closed");
                    long onTime = rs.getLong("closed_on_time");
                    OpenCounts open = new OpenCounts(rs.getLong("open_total"), rs.getLong("on_track"),
                            rs.getLong("due_soon"), rs.getLong("overdue"), rs.getLong("clock_stopped"));
                    return new Group(key(rs, groupBy), new Figures(closed, onTime, rate(onTime, closed), open, 0));
                })
                .list();
    }

    static BigDecimal rate(long onTime, long closed) {
        return closed == 0 ? null : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(closed), 4,
                RoundingMode.HALF_UP);
    }

    private static Map<String, String> key(ResultSet rs, List<String> columns) throws SQLException {
        Map<String, String> key = new HashMap<>();
        for (String column : columns) {
            key.put(column, rs.getString(column));
        }
        return key;
    }

    /** The filter as SQL; the period bounds {@code periodColumn} when given (else the caller uses :from/:to). */
    private static Where where(Filter filter, String periodColumn) {
        Where where = new Where();
        if (filter.service() != null) {
            where.and("service_code = :service", "service", filter.service());
        }
        if (filter.districts() != null) {
            if (filter.districts().isEmpty()) {
                where.and("1 = 0", null, null);
            } else {
                where.and("district IN (:districts)", "districts", List.copyOf(filter.districts()));
            }
        }
        if (filter.from() != null) {
            where.param("from", SlaRecords.utc(filter.from()));
            if (periodColumn != null) {
                where.and(periodColumn + " >= :from", null, null);
            }
        }
        if (filter.to() != null) {
            where.param("to", SlaRecords.utc(filter.to()));
            if (periodColumn != null) {
                where.and(periodColumn + " < :to", null, null);
            }
        }
        return where;
    }

    /** A WHERE clause and its named parameters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        void and(String condition, String name, Object value) {
            conditions.add(condition);
            if (name != null) {
                params.put(name, value);
            }
        }

        void param(String name, Object value) {
            params.put(name, value);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.params(params);
        }
    }
}
