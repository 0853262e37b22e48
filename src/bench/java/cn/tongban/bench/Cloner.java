package cn.tongban.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies running process instances row for row in the engine's runtime tables and the SLA tables, to reach
 * 100,000 open tasks in a minute instead of an hour of process starts. A copy is what the engine would hold for
 * another instance in the same state: its executions, task, candidate-group links, authorizations, variables
 * (with their byte arrays), message subscriptions and timers, and its sla_case and sla_step rows. Ids get the
 * suffix {@code -c<n>}; deadlines (task due date, SLA deadlines, timer due dates) move together by a spread of
 * 0-20 days so that sorting by deadline has work to do. Not copied: history (no list reads it), the intake's
 * application row, async jobs that were still queued (there are none in a seed).
 */
final class Cloner {

    private static final String SHIFT = "make_interval(mins => ((g * 7919) % 28800)::int)";

    private record Table(String name, String where, Set<String> suffixed, Set<String> shifted, Set<String> nulled) {
    }

    private static final String SEEDS = "(SELECT id FROM bench_seed)";
    private static final String SEED_TASKS = "(SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN " + SEEDS + ")";

    /** In the order foreign keys need. */
    private static final List<Table> TABLES = List.of(
            new Table("act_ge_bytearray", "id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ IN "
                    + SEEDS + ")", Set.of("id_", "root_proc_inst_id_"), Set.of(), Set.of()),
            new Table("act_ru_execution", "proc_inst_id_ IN " + SEEDS,
                    Set.of("id_", "root_proc_inst_id_", "proc_inst_id_", "business_key_", "parent_id_", "super_exec_"),
                    Set.of(), Set.of()),
            new Table("act_ru_task", "proc_inst_id_ IN " + SEEDS,
                    Set.of("id_", "execution_id_", "proc_inst_id_", "parent_task_id_"), Set.of("due_date_"), Set.of()),
            new Table("act_ru_identitylink", "task_id_ IN " + SEED_TASKS, Set.of("id_", "task_id_"), Set.of(),
                    Set.of()),
            new Table("act_ru_authorization", "resource_id_ IN " + SEED_TASKS + " OR resource_id_ IN " + SEEDS,
                    Set.of("id_", "resource_id_", "root_proc_inst_id_"), Set.of(), Set.of()),
            new Table("act_ru_variable", "proc_inst_id_ IN " + SEEDS,
                    Set.of("id_", "execution_id_", "proc_inst_id_", "task_id_", "var_scope_", "bytearray_id_",
                            "root_proc_inst_id_"), Set.of(), Set.of()),
            new Table("act_ru_event_subscr", "proc_inst_id_ IN " + SEEDS,
                    Set.of("id_", "execution_id_", "proc_inst_id_"), Set.of(), Set.of()),
            new Table("act_ru_job", "process_instance_id_ IN " + SEEDS + " AND type_ = 'timer'",
                    Set.of("id_", "execution_id_", "process_instance_id_", "root_proc_inst_id_"), Set.of("duedate_"),
                    Set.of("lock_owner_", "lock_exp_time_", "exception_stack_id_")),
            new Table("sla_case", "process_instance_id IN " + SEEDS, Set.of("process_instance_id", "receipt_no"),
                    Set.of("deadline", "due_soon_from"), Set.of()),
            new Table("sla_step", "process_instance_id IN " + SEEDS,
                    Set.of("task_id", "process_instance_id", "execution_id"),
                    Set.of("deadline", "due_soon_from", "due_date"),
                    Set.of()));

    private final Connection connection;
    private final Map<String, String> statements = new LinkedHashMap<>();

    Cloner(Connection connection, List<String> seedInstances) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_seed (id VARCHAR(64) PRIMARY KEY)");
            s.execute("TRUNCATE bench_seed");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_seed (id) VALUES (?)")) {
            for (String id : seedInstances) {
                insert.setString(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (Table table : TABLES) {
            statements.put(table.name(), statement(table));
        }
        connection.commit();
    }

    /** Adds copies number {@code from} to {@code to} of every seed, in one transaction. */
    void copies(int from, int to) throws SQLException {
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            try (PreparedStatement insert = connection.prepareStatement(statement.getValue())) {
                insert.setInt(1, from);
                insert.setInt(2, to);
                insert.executeUpdate();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("copying " + statement.getKey() + ": " + e.getMessage(), e);
            }
        }
        connection.commit();
    }

    private String statement(Table table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            q.setString(1, table.name());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table.name());
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (table.suffixed().contains(column)) {
                values.add("CASE WHEN " + column + " IS NULL THEN NULL ELSE " + column + " || '-c' || g END");
            } else if (table.shifted().contains(column)) {
                values.add(column + " + " + SHIFT);
            } else if (table.nulled().contains(column)) {
                values.add("NULL");
            } else {
                values.add(column);
            }
        }
        return "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + table.name() + " CROSS JOIN generate_series(?, ?) AS g"
                + " WHERE " + table.where();
    }
}
