package cn.tongban.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;

/**
 * e: N overdue timers due at once, until every breach is recorded, on one node and on two (the second a Tongban
 * JVM of its own on the same database). Tongban's are the step-overdue timers of N open 低保 steps whose deadline
 * is moved to the past (sla_step and the timer's due date together); the baseline's are N bare timers, each
 * followed by an async step that records the lateness. A run that has not finished within the cap is stopped
 * there (its remaining timers parked a year ahead) and its time extrapolated from its rate.
 */
final class Timers {

    private final BenchConfig config;
    private final Node node;
    private final Scenarios scenarios;
    private final Children children;
    private final String databaseUrl;
    private final Results results;

    Timers(BenchConfig config, Node node, Scenarios scenarios, Children children, String databaseUrl,
           Results results) {
        this.config = config;
        this.node = node;
        this.scenarios = scenarios;
        this.children = children;
        this.databaseUrl = databaseUrl;
        this.results = results;
    }

    void run() throws Exception {
        int n = config.timers();
        try (Connection c = scenarios.connection()) {
            prepareBaseline(c, n);
            prepareTongban(c, n);
        }
        double[] bare = new double[2];
        double[] tongban = new double[2];
        bare[0] = bare(1, n);
        try (ChildApp second = children.tongban("tongban-node-2", databaseUrl)) {
            bare[1] = bare(2, n);
            tongban[1] = tongban(2, n);
        }
        tongban[0] = tongban(1, n);
        results.add(String.format(Locale.ROOT, "e. %d overdue timers until all recorded, one node", n), tongban[0],
                bare[0], "s", "tongban <= 30 s", tongban[0] <= 30);
        results.add(String.format(Locale.ROOT, "e. %d overdue timers until all recorded, two nodes", n),
                tongban[1], bare[1], "s", "tongban <= 30 s", tongban[1] <= 30);
    }

    private void prepareBaseline(Connection c, int n) throws SQLException {
        RuntimeService runtime = node.bean(RuntimeService.class);
        int seeds = 100;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            ids.add(runtime.startProcessInstanceByKey("bench-timer", "BENCH-TIMER-" + i,
                    Map.of("due", Scenarios.inDays(30))).getId());
        }
        Cloner cloner = new Cloner(c, ids);
        int copies = (int) Math.ceil(2.0 * n / seeds);
        for (int from = 1; from <= copies; from += 20) {
            cloner.copies(from, Math.min(copies, from + 19));
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_timer_batch (process_instance_id VARCHAR(64), job_id VARCHAR(64), run INT)");
            s.execute("INSERT INTO bench_timer_batch SELECT process_instance_id_, id_,"
                    + " 1 + (ROW_NUMBER() OVER (ORDER BY id_) - 1) / " + n + " FROM act_ru_job"
                    + " WHERE process_def_key_ = 'bench-timer' AND type_ = 'timer' AND id_ LIKE '%-c%'"
                    + " ORDER BY id_ LIMIT " + 2 * n);
            s.execute("ANALYZE");
        }
        c.commit();
        check(c, "SELECT COUNT(*) FROM bench_timer_batch", 2 * n, "bare timers");
    }

    private void prepareTongban(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_breach_batch (task_id VARCHAR(64), job_id VARCHAR(64), run INT)");
            s.execute("INSERT INTO bench_breach_batch SELECT task_id, job_id, 1 + (ROW_NUMBER() OVER (ORDER BY"
                    + " task_id) - 1) / " + n + " FROM (SELECT s.task_id, j.id_ AS job_id FROM sla_step s"
                    + " JOIN act_ru_job j ON j.execution_id_ = s.execution_id AND j.handler_type_ = 'timer-task-listener'"
                    + " AND j.handler_cfg_ LIKE '%Overdue%'"
                    + " WHERE s.task_id LIKE '%-c%' AND s.closed_at IS NULL AND s.limit_basis = 'WORKING_DAYS'"
                    + " ORDER BY s.task_id LIMIT " + 2 * n + ") chosen");
        }
        c.commit();
        check(c, "SELECT COUNT(*) FROM bench_breach_batch", 2 * n, "Tongban step-overdue timers");
        check(c, "SELECT COUNT(DISTINCT task_id) FROM bench_breach_batch", 2 * n, "distinct steps");
    }

    private double bare(int run, int n) throws SQLException {
        try (Connection c = scenarios.connection()) {
            Scenarios.update(c, "UPDATE act_ru_job SET duedate_ = now() - interval '1 second'"
                    + " WHERE id_ IN (SELECT job_id FROM bench_timer_batch WHERE run = ?)", run);
            c.commit();
            long began = System.nanoTime();
            String done = "SELECT COUNT(*), COUNT(DISTINCT proc_inst_id_) FROM act_ru_variable WHERE name_ = 'overdue'"
                    + " AND proc_inst_id_ IN (SELECT process_instance_id FROM bench_timer_batch WHERE run = " + run + ")";
            double seconds = await(c, done, n, began, "baseline run " + run);
            Scenarios.update(c, "UPDATE act_ru_job SET duedate_ = now() + interval '365 days'"
                    + " WHERE process_instance_id_ IN (SELECT process_instance_id FROM bench_timer_batch WHERE run = ?)"
                    + " AND type_ = 'timer'", run);
            c.commit();
            return seconds;
        }
    }

    private double tongban(int run, int n) throws SQLException {
        try (Connection c = scenarios.connection()) {
            Scenarios.update(c, "UPDATE sla_step SET deadline = now() - interval '1 second',"
                    + " due_soon_from = LEAST(due_soon_from, now() - interval '1 second')"
                    + " WHERE task_id IN (SELECT task_id FROM bench_breach_batch WHERE run = ?)", run);
            Scenarios.update(c, "UPDATE act_ru_job SET duedate_ = now() - interval '1 second'"
                    + " WHERE id_ IN (SELECT job_id FROM bench_breach_batch WHERE run = ?)", run);
            c.commit();
            long began = System.nanoTime();
            String done = "SELECT COUNT(*), COUNT(DISTINCT task_id) FROM sla_breach"
                    + " WHERE task_id IN (SELECT task_id FROM bench_breach_batch WHERE run = " + run + ")";
            double seconds = await(c, done, n, began, "Tongban run " + run);
            // what is left of the batch's timers finds its breach recorded and does nothing: park it, so that it
            // does not slow the next run
            Scenarios.update(c, "UPDATE act_ru_job SET duedate_ = now() + interval '365 days'"
                    + " WHERE id_ IN (SELECT job_id FROM bench_breach_batch WHERE run = ?)", run);
            c.commit();
            return seconds;
        }
    }

    /** Seconds until {@code query} counts n rows, each once; past the cap, extrapolated from the rate so far. */
    private double await(Connection c, String query, int n, long began, String what) throws SQLException {
        long cap = began + config.timerCapSeconds() * 1_000_000_000L;
        while (true) {
            long rows;
            long distinct;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                rs.next();
                rows = rs.getLong(1);
                distinct = rs.getLong(2);
            }
            c.commit();
            double seconds = (System.nanoTime() - began) / 1e9;
            if (rows != distinct) {
                throw new IllegalStateException(what + ": " + rows + " records for " + distinct + " timers");
            }
            if (rows >= n) {
                System.out.printf(Locale.ROOT, "[bench] %s: %d recorded, each once, in %.1f s%n", what, rows, seconds);
                results.condition("e. " + what, rows + " recorded once each in " + Math.round(seconds) + " s");
                return seconds;
            }
            if (System.nanoTime() > cap) {
                double extrapolated = rows == 0 ? Double.POSITIVE_INFINITY : seconds * n / rows;
                System.out.printf(Locale.ROOT, "[bench] %s: %d of %d after %.0f s, extrapolated %.0f s%n", what, rows,
                        n, seconds, extrapolated);
                results.condition("e. " + what, rows + " of " + n + " recorded (once each) in the cap of "
                        + Math.round(seconds) + " s; time extrapolated from that rate");
                return extrapolated;
            }
            ChildApp.sleep(250);
        }
    }

    private static void check(Connection c, String sql, int expected, String what) throws SQLException {
        int found = Scenarios.count(c, sql);
        if (found != expected) {
            throw new IllegalStateException("scenario e needs " + expected + " " + what + ", found " + found);
        }
    }
}
