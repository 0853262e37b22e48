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
import java.util.LinkedHashMap;
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

    /** The columns of {@link #cases} groups. */
    static final List<String> CASE_KEY = List.of("service_code", "district");
    /** The columns of {@link #steps} groups and of {@link #breaches} counts. */
    static final List<String> STEP_KEY = List.of("service_code", "district", "step_id");

    private final JdbcClient jdbc;
    private final ClosedDays closedDays;

    SlaReports(JdbcClient jdbc, ClosedDays closedDays) {
        this.jdbc = jdbc;
        this.closedDays = closedDays;
    }

    /** Figures of cases per service and district; {@link #rollUp} sums them to coarser groups. */
    List<Group> cases(Filter filter, Instant now) {
        return figures("CASE", "sla_case", filter, now, CASE_KEY, true);
    }

    /** Figures of steps per service, district and step. */
    List<Group> steps(Filter filter, Instant now) {
        return figures("STEP", "sla_step", filter, now, STEP_KEY, false);
    }

    /** Breaches detected in the period per service, district and step ('case' for the whole case). */
    Map<Map<String, String>, Long> breaches(Filter filter) {
        Where where = where(filter, "detected_at");
        String columns = String.join(", ", STEP_KEY);
        Map<Map<String, String>, Long> counts = new HashMap<>();
        where.bind(jdbc.sql("SELECT " + columns + ", COUNT(*) AS breaches FROM sla_breach" + where.sql()
                + " GROUP BY " + columns)).query((rs, row) -> {
                    counts.put(key(rs, STEP_KEY), rs.getLong("breaches"));
                    return null;
                }).list();
        return counts;
    }

    /** Counts summed to the given columns (a subset of their keys; none: one entry of everything). */
    static Map<Map<String, String>, Long> rollUp(Map<Map<String, String>, Long> counts, List<String> groupBy) {
        Map<Map<String, String>, Long> rolled = new HashMap<>();
        counts.forEach((key, count) -> rolled.merge(project(key, groupBy), count, Long::sum));
        return rolled;
    }

    /**
     * Groups summed to the given columns (a subset of their keys), rates recomputed; with no columns, one group
     * of everything even when there are none.
     */
    static List<Group> rollUp(List<Group> groups, List<String> groupBy) {
        Map<Map<String, String>, Figures> rolled = new LinkedHashMap<>();
        if (groupBy.isEmpty()) {
            rolled.put(Map.of(), new Figures(0, 0, null, new OpenCounts(0, 0, 0, 0, 0), 0));
        }
        for (Group group : groups) {
            rolled.merge(project(group.key(), groupBy), group.figures(), SlaReports::sum);
        }
        return rolled.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> project(Map<String, String> key, List<String> columns) {
        Map<String, String> projected = new HashMap<>();
        for (String column : columns) {
            projected.put(column, key.get(column));
        }
        return projected;
    }

    private static Figures sum(Figures a, Figures b) {
        long closed = a.closed() + b.closed();
        long onTime = a.closedOnTime() + b.closedOnTime();
        OpenCounts x = a.open();
        OpenCounts y = b.open();
        return new Figures(closed, onTime, rate(onTime, closed), new OpenCounts(x.total() + y.total(),
                x.onTrack() + y.onTrack(), x.dueSoon() + y.dueSoon(), x.overdue() + y.overdue(),
                x.clockStopped() + y.clockStopped()), a.breaches() + b.breaches());
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

    /**
     * Figures per group: the open rows (through the indexes leading with closed_at), and what closed in the period,
     * summed from sla_closed_day when the period is whole days of its zone, else counted from the rows. A group is
     * there when it has a row open now or closed in the period, whatever its outcome.
     */
    private List<Group> figures(String kind, String table, Filter filter, Instant now, List<String> groupBy,
                                boolean cases) {
        Map<Map<String, String>, long[]> closed = wholeDays(filter) ? closedDays(kind, filter, groupBy)
                : closedRows(table, filter, groupBy);
        Map<Map<String, String>, OpenCounts> open = open(table, filter, now, groupBy, cases);
        Map<Map<String, String>, Group> groups = new LinkedHashMap<>();
        for (Map<String, String> key : union(open.keySet(), closed.keySet())) {
            long[] c = closed.getOrDefault(key, new long[3]);
            groups.put(key, new Group(key, new Figures(c[1], c[2], rate(c[2], c[1]),
                    open.getOrDefault(key, new OpenCounts(0, 0, 0, 0, 0)), 0)));
        }
        return List.copyOf(groups.values());
    }

    private static List<Map<String, String>> union(Set<Map<String, String>> a, Set<Map<String, String>> b) {
        List<Map<String, String>> keys = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(keys::add);
        return keys;
    }

    private Map<Map<String, String>, OpenCounts> open(String table, Filter filter, Instant now, List<String> groupBy,
                                                      boolean cases) {
        Where where = where(filter, null);
        where.and("closed_at IS NULL", null, null);
        String sql = openCountsSql(table, where.sql(), groupBy, cases);
        Map<Map<String, String>, OpenCounts> open = new HashMap<>();
        where.bind(jdbc.sql(sql)).param("now", SlaRecords.utc(now)).query((rs, row) -> open.put(key(rs, groupBy),
                new OpenCounts(rs.getLong("open_total"), rs.getLong("on_track"), rs.getLong("due_soon"),
                        rs.getLong("overdue"), rs.getLong("clock_stopped")))).list();
        return open;
    }

    /**
     * Open rows per group by state at {@code :now}; on PostgreSQL one index-only scan of sla_step_open_summary or
     * sla_case_open_summary, in the grouping's order.
     *
     * @param where a WHERE clause that includes {@code closed_at IS NULL}
     */
    static String openCountsSql(String table, String where, List<String> groupBy, boolean cases) {
        // a stopped clock holds the state the case had when the notice went out
        String stopped = cases ? "stopped_since" : "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        String at = "COALESCE(" + stopped + ", :now)";
        String columns = String.join(", ", groupBy);
        return "SELECT " + columns + ", COUNT(*) AS open_total,"
                + " SUM(CASE WHEN " + at + " > deadline THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN " + stopped + " IS NOT NULL AND " + at + " <= deadline"
                + " THEN 1 ELSE 0 END) AS clock_stopped,"
                + " SUM(CASE WHEN " + stopped + " IS NULL AND :now <= deadline"
                + " AND :now >= due_soon_from THEN 1 ELSE 0 END) AS due_soon,"
                + " SUM(CASE WHEN " + stopped + " IS NULL AND :now < due_soon_from"
                + " THEN 1 ELSE 0 END) AS on_track"
                + " FROM " + table + where + " GROUP BY " + columns;
    }

    /** Closed in the period: {all, completed, completed on time} per group, counted from the rows. */
    private Map<Map<String, String>, long[]> closedRows(String table, Filter filter, List<String> groupBy) {
        Where where = where(filter, "closed_at");
        where.and("closed_at IS NOT NULL", null, null);
        String columns = String.join(", ", groupBy);
        return closedCounts(where, "SELECT " + columns + ", COUNT(*) AS closed,"
                + " SUM(CASE WHEN outcome = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,"
                + " SUM(CASE WHEN outcome = 'COMPLETED' AND on_time THEN 1 ELSE 0 END) AS completed_on_time"
                + " FROM " + table + where.sql() + " GROUP BY " + columns, groupBy);
    }

    /** Closed in the period of whole days, from the sums per day ('' is a NULL district there). */
    private Map<Map<String, String>, long[]> closedDays(String kind, Filter filter, List<String> groupBy) {
        Where where = where(new Filter(filter.service(), filter.districts(), null, null), null);
        where.and("kind = :kind", "kind", kind);
        if (filter.from() != null) {
            where.and("closed_on >= :fromDay", "fromDay", filter.from().atZone(closedDays.zone()).toLocalDate());
        }
        if (filter.to() != null) {
            where.and("closed_on < :toDay", "toDay", filter.to().atZone(closedDays.zone()).toLocalDate());
        }
        String columns = String.join(", ", groupBy);
        Map<Map<String, String>, long[]> counts = closedCounts(where, "SELECT " + columns + ", SUM(closed) AS closed,"
                + " SUM(completed) AS completed, SUM(completed_on_time) AS completed_on_time FROM sla_closed_day"
                + where.sql() + " GROUP BY " + columns, groupBy);
        Map<Map<String, String>, long[]> withNulls = new HashMap<>();
        counts.forEach((key, value) -> {
            Map<String, String> k = new HashMap<>(key);
            k.replaceAll((column, v) -> "district".equals(column) && "".equals(v) ? null : v);
            withNulls.put(k, value);
        });
        return withNulls;
    }

    private Map<Map<String, String>, long[]> closedCounts(Where where, String sql, List<String> groupBy) {
        Map<Map<String, String>, long[]> counts = new HashMap<>();
        where.bind(jdbc.sql(sql)).query((rs, row) -> counts.put(key(rs, groupBy), new long[] {rs.getLong("closed"),
                rs.getLong("completed"), rs.getLong("completed_on_time")})).list();
        return counts;
    }

    /** Whether the period's bounds are starts of days in the zone sla_closed_day counts in. */
    private boolean wholeDays(Filter filter) {
        return startOfDay(filter.from()) && startOfDay(filter.to());
    }

    private boolean startOfDay(Instant instant) {
        ZoneId zone = closedDays.zone();
        return instant == null || instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().equals(instant);
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
