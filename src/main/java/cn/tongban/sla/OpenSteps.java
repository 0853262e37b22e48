package cn.tongban.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open steps (待办) a user may work on, read from the SLA module's own record of every open user task
 * (sla_step) rather than from the engine: one indexed query for a page ordered by due date and one for the counts
 * per SLA state, where the engine needs an authorized query with a join on the district variable per figure.
 * The due date is the task's, as the engine has it (the step's deadline unless someone moved it), so a list
 * shows and sorts as Tasklist would.
 * A step is the user's when it is assigned to them or one of its candidate groups is theirs (claimed by a
 * colleague or not), and, for a user of a district, when its case belongs to that district.
 */
@org.springframework.stereotype.Service
public class OpenSteps {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final boolean postgreSql;

    OpenSteps(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        try (Connection connection = dataSource.getConnection()) {
            this.postgreSql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * Whose steps, and which of them.
     *
     * @param district the user's district, null for a city-wide user
     * @param service  a service code, or null for any
     * @param step     a step id, or null for any
     */
    public record Scope(String username, Collection<String> groups, String district, String service, String step) {

        public Scope {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Task ids of one page, earliest due date first and steps without one last, ties by start and task id so
     * pages neither repeat nor skip.
     *
     * @param state only steps in this state at {@code now}, or null for all
     */
    public List<String> page(Scope scope, SlaState state, Instant now, ZoneId zone, int first, int size) {
        // each part read in the order of its index up to the page's last row, then the parts merged
        String order = " ORDER BY due_date NULLS LAST, started_at, task_id";
        String window = state == null ? "" : " AND " + switch (state) {
            case OVERDUE -> "due_date < :now";
            case DUE_SOON -> "due_date >= :now AND due_date <= :tomorrow";
            case ON_TRACK -> "due_date > :tomorrow";
        };
        StringBuilder sql = new StringBuilder("SELECT task_id FROM (");
        List<String> parts = parts(scope);
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT task_id, due_date, started_at FROM sla_step WHERE ");
            common(scope, sql);
            sql.append(parts.get(i)).append(window).append(order).append(" LIMIT :last)");
        }
        sql.append(") parts").append(order).append(" LIMIT :size OFFSET :first");
        StatementSpec statement = bind(scope, jdbc.sql(sql.toString()));
        if (state != null) {
            statement = window(statement, now, zone);
        }
        return statement.param("last", first + size).param("size", size).param("first", first)
                .query(String.class).list();
    }

    /**
     * The steps per state at {@code now}, every state present, and those without a due date: overdue is due
     * before now, due soon from now up to the start of tomorrow (a deadline at the end of business today or at
     * midnight tonight), on track later.
     */
    public Counts counts(Scope scope, Instant now, ZoneId zone) {
        // counts of index ranges rather than a test of every row's due date: all of a part, then the (usually
        // few) overdue, due soon and undated ones; on track is the rest
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("total", "");
        measures.put("overdue", " AND due_date < :now");
        measures.put("due_soon", " AND due_date >= :now AND due_date <= :tomorrow");
        measures.put("undated", " AND due_date IS NULL");
        StringBuilder sql = new StringBuilder();
        for (String part : parts(scope)) {
            measures.forEach((measure, range) -> {
                sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(measure)
                        .append("' AS measure, COUNT(*) AS steps FROM sla_step WHERE ");
                common(scope, sql);
                sql.append(part).append(range);
            });
        }
        Map<String, Long> counted = new HashMap<>();
        readOnly.executeWithoutResult(status -> {
            if (postgreSql) {
                // many small index counts: PostgreSQL would start parallel workers for the large ones, which on a
                // busy server costs a list more than it saves (36 against 50 ms a list at 100,000 open steps on
                // PostgreSQL 15)
                jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
            }
            window(bind(scope, jdbc.sql(sql.toString())), now, zone).query((rs, row) -> counted.merge(
                    rs.getString("measure").strip(), rs.getLong("steps"), Long::sum)).list();
        });
        long overdue = counted.getOrDefault("overdue", 0L);
        long dueSoon = counted.getOrDefault("due_soon", 0L);
        long undated = counted.getOrDefault("undated", 0L);
        Map<SlaState, Long> byState = new EnumMap<>(SlaState.class);
        byState.put(SlaState.ON_TRACK, counted.getOrDefault("total", 0L) - overdue - dueSoon - undated);
        byState.put(SlaState.DUE_SOON, dueSoon);
        byState.put(SlaState.OVERDUE, overdue);
        return new Counts(Map.copyOf(byState), undated);
    }

    /**
     * The receipt numbers (受理编号) of the cases the SLA module tracks among {@code processInstanceIds}, by process
     * instance id; a case it does not track is left out. One indexed read, where the engine's process instance
     * query for a page of fifty cases costs a list more in building its statement than in running it.
     */
    public Map<String, String> receiptNos(Collection<String> processInstanceIds) {
        Map<String, String> receiptNos = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return receiptNos;
        }
        jdbc.sql("SELECT process_instance_id, receipt_no FROM sla_case WHERE process_instance_id IN (:ids)")
                .param("ids", List.copyOf(processInstanceIds))
                .query((rs, row) -> receiptNos.put(rs.getString(1), rs.getString(2))).list();
        return receiptNos;
    }

    /**
     * Open steps per SLA state, and those without a due date (in no state).
     *
     * @param byState every state, none left out
     */
    public record Counts(Map<SlaState, Long> byState, long undated) {

        /** All of them, with or without a due date. */
        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum() + undated;
        }
    }

    private static StatementSpec window(StatementSpec statement, Instant now, ZoneId zone) {
        Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return statement.param("now", now.atOffset(ZoneOffset.UTC))
                .param("tomorrow", tomorrow.atOffset(ZoneOffset.UTC));
    }

    /**
     * The user's steps as disjoint parts, each an index's equality rather than a test of every open step of the
     * district (sla_step_open_group, sla_step_open_assignee, sla_step_open_shared): the steps of each of the
     * user's candidate groups, the user's own steps of no group of theirs, and the steps of several candidate
     * groups (kept as a sorted comma list), one of them the user's as a whole item, assigned to someone else or
     * no one.
     */
    private static List<String> parts(Scope scope) {
        List<String> parts = new ArrayList<>();
        List<String> groups = List.copyOf(scope.groups());
        for (int i = 0; i < groups.size(); i++) {
            parts.add(" AND candidate_groups = :equal" + i);
        }
        if (groups.isEmpty()) {
            parts.add(" AND assignee = :username");
            return parts;
        }
        parts.add(" AND assignee = :username AND (candidate_groups IS NULL OR candidate_groups NOT IN (:groups))");
        StringBuilder shared = new StringBuilder(" AND candidate_groups LIKE '%,%'"
                + " AND (assignee IS NULL OR assignee <> :username) AND (");
        for (int i = 0; i < groups.size(); i++) {
            shared.append(i == 0 ? "" : " OR ").append("(',' || candidate_groups || ',') LIKE :item").append(i)
                    .append(" ESCAPE '!'");
        }
        parts.add(shared.append(')').toString());
        return parts;
    }

    /** Open steps of the scope's district, service and step, whoever's they are. */
    private static void common(Scope scope, StringBuilder sql) {
        sql.append("closed_at IS NULL");
        if (scope.district() != null) {
            sql.append(" AND district = :district");
        }
        if (scope.service() != null) {
            sql.append(" AND service_code = :service");
        }
        if (scope.step() != null) {
            sql.append(" AND step_id = :step");
        }
    }

    private static StatementSpec bind(Scope scope, StatementSpec statement) {
        statement = statement.param("username", scope.username());
        if (scope.district() != null) {
            statement = statement.param("district", scope.district());
        }
        if (scope.service() != null) {
            statement = statement.param("service", scope.service());
        }
        if (scope.step() != null) {
            statement = statement.param("step", scope.step());
        }
        List<String> groups = List.copyOf(scope.groups());
        if (!groups.isEmpty()) {
            statement = statement.param("groups", groups);
        }
        for (int i = 0; i < groups.size(); i++) {
            String literal = groups.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            statement = statement.param("equal" + i, groups.get(i)).param("item" + i, "%," + literal + ",%");
        }
        return statement;
    }
}
