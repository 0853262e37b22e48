package cn.tongban.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Scenarios a-e on one Tongban node and its engine, Tongban and its bare-engine baseline side by side in
 * alternating rounds (A B, then B A, ...) so that drift of the machine falls on both alike.
 */
final class Scenarios {

    private final BenchConfig config;
    private final Node node;
    private final BenchDatabase db;
    private final String databaseUrl;
    private final Results results;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Queue<String> bareInstances = new ConcurrentLinkedQueue<>();
    private int variableCount;

    Scenarios(BenchConfig config, Node node, BenchDatabase db, String databaseUrl, Results results) {
        this.config = config;
        this.node = node;
        this.db = db;
        this.databaseUrl = databaseUrl;
        this.results = results;
        this.runtime = node.bean(RuntimeService.class);
        this.tasks = node.bean(TaskService.class);
        node.bean(RepositoryService.class).createDeployment().name("bench")
                .addClasspathResource("bench/bench-one-task.bpmn")
                .addClasspathResource("bench/bench-timer.bpmn")
                .deploy();
    }

    int variableCount() {
        return variableCount;
    }

    // ---- a. submission

    void submission() {
        List<WebSession> applicants = Children.sessions(node.port(), Workload.APPLICANT, config.threads());
        Load.Client[] tongban = new Load.Client[config.threads()];
        for (int t = 0; t < tongban.length; t++) {
            WebSession session = applicants.get(t);
            tongban[t] = i -> WebSession.expect(201, session.postJson("/api/applications",
                    Workload.dibaoApplication(), "Idempotency-Key", UUID.randomUUID().toString()));
        }
        Load.run(config.threads(), config.warmup(), t -> tongban[t], null);
        String someCase = runtime.createProcessInstanceQuery().processDefinitionKey(Workload.DIBAO).list().get(0)
                .getId();
        variableCount = (int) runtime.createVariableInstanceQuery().processInstanceIdIn(someCase).count();
        results.condition("variables of a new 低保 case (and of each baseline start)", variableCount);
        Load.Client bare = i -> bareInstances.add(runtime.startProcessInstanceByKey("bench-one-task",
                "BENCH-" + UUID.randomUUID(), Workload.baselineVariables(variableCount, i)).getId());
        Load.run(config.threads(), config.warmup(), t -> bare, null);

        Samples[] latencies = {new Samples(), new Samples()};
        double[] seconds = alternate(config.submitPerRound(), t -> tongban[t], t -> bare, latencies);
        double ops = (double) config.rounds() * config.submitPerRound();
        double tongbanRate = ops / seconds[0];
        double bareRate = ops / seconds[1];
        results.add("a. submission: POST /api/applications vs bare start", tongbanRate, bareRate, "1/s",
                "ratio >= 1.0", tongbanRate >= bareRate);
        // each request's time under the same 8-client load, as an applicant waits for it
        String under = " (" + config.threads() + " clients)";
        results.add("a. submission latency" + under + ", median", latencies[0].median(), latencies[1].median(), "ms",
                null, null);
        results.add("a. submission latency" + under + ", p95", latencies[0].p95(), latencies[1].p95(), "ms", null,
                null);
    }

    // ---- b. review

    void review() {
        Queue<String> open = new ConcurrentLinkedQueue<>();
        tasks.createTaskQuery().processDefinitionKey(Workload.DIBAO).taskDefinitionKey("acceptance").taskUnassigned()
                .taskCandidateGroup(Workload.REVIEWER_GROUP).list().forEach(task -> open.add(task.getId()));
        int needed = config.warmup() + config.rounds() * config.reviewPerRound();
        if (open.size() < needed || bareInstances.size() < needed) {
            throw new IllegalStateException("scenario b needs " + needed + " open tasks of each kind; a left "
                    + open.size() + " and " + bareInstances.size());
        }
        List<WebSession> reviewers = Children.sessions(node.port(), Workload.REVIEWER, config.threads());
        String decision = Workload.acceptDecision();
        Load.Client[] tongban = new Load.Client[config.threads()];
        for (int t = 0; t < tongban.length; t++) {
            WebSession session = reviewers.get(t);
            tongban[t] = i -> {
                String id = open.remove();
                WebSession.expect(200, session.postJson("/api/tasks/" + id + "/claim", "{}"));
                WebSession.expect(200, session.postJson("/api/tasks/" + id + "/complete", decision));
            };
        }
        Load.Client bare = i -> {
            Task task = tasks.createTaskQuery().processInstanceId(bareInstances.remove()).singleResult();
            tasks.complete(task.getId(), Map.of("decision", "ACCEPT"));
        };
        Load.run(config.threads(), config.warmup(), t -> tongban[t], null);
        Load.run(config.threads(), config.warmup(), t -> bare, null);
        double[] seconds = alternate(config.reviewPerRound(), t -> tongban[t], t -> bare, null);
        double ops = (double) config.rounds() * config.reviewPerRound();
        double tongbanRate = ops / seconds[0];
        double bareRate = ops / seconds[1];
        results.add("b. review: claim + complete via /api/tasks vs bare query + complete", tongbanRate, bareRate,
                "1/s", "ratio >= 1.0", tongbanRate >= bareRate);
    }

    /**
     * Rounds of {@code perRound} operations, Tongban and baseline alternating; returns the seconds of each.
     *
     * @param latencies Tongban's and the baseline's samples of each operation's time, or null
     */
    private double[] alternate(int perRound, java.util.function.IntFunction<Load.Client> tongban,
                               java.util.function.IntFunction<Load.Client> bare, Samples[] latencies) {
        double[] seconds = new double[2];
        for (int round = 0; round < config.rounds(); round++) {
            for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                double s = Load.run(config.threads(), perRound, side == 0 ? tongban : bare,
                        latencies == null ? null : latencies[side]);
                seconds[side] += s;
                System.out.printf(Locale.ROOT, "[bench]   round %d %s: %.1f/s%n", round,
                        side == 0 ? "tongban" : "baseline", perRound / s);
            }
        }
        return seconds;
    }

    // ---- c. task list

    void taskList() throws SQLException {
        long began = System.nanoTime();
        int open;
        try (Connection c = connection()) {
            List<String> seeds = strings(c, "SELECT DISTINCT t.proc_inst_id_ FROM act_ru_task t"
                    + " JOIN sla_step s ON s.task_id = t.id_ AND s.limit_basis = 'WORKING_DAYS'"
                    + " WHERE t.proc_def_id_ LIKE '" + Workload.DIBAO + ":%'"
                    + " AND NOT EXISTS (SELECT 1 FROM act_ru_job j WHERE j.process_instance_id_ = t.proc_inst_id_"
                    + " AND j.type_ <> 'timer')");
            open = count(c, "SELECT COUNT(*) FROM act_ru_task");
            if (seeds.isEmpty()) {
                throw new IllegalStateException("no seed cases at a step with a limit of its own");
            }
            int copies = (int) Math.ceil(Math.max(0, config.openTasks() - open) / (double) seeds.size());
            Cloner cloner = new Cloner(c, seeds);
            int batch = Math.max(1, 5000 / seeds.size());
            for (int from = 1; from <= copies; from += batch) {
                cloner.copies(from, Math.min(copies, from + batch - 1));
            }
            c.commit();
            // what autovacuum does to a table grown by inserts: statistics, and the visibility map without which
            // an index-only scan still visits every row's page
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            c.setAutoCommit(false);
            open = count(c, "SELECT COUNT(*) FROM act_ru_task");
            results.condition("c. open tasks", open + " (" + seeds.size() + " 低保 cases at a step with a limit,"
                    + " copied " + copies + " times in SQL, in " + Math.round((System.nanoTime() - began) / 1e9)
                    + " s)");
        }
        WebSession reviewer = WebSession.signIn(node.port(), Workload.REVIEWER, Workload.PASSWORD);
        Samples tongban = new Samples();
        Samples bare = new Samples();
        java.time.Duration timeout = java.time.Duration.ofSeconds(config.latencyBudgetSeconds());
        boolean[] timedOut = {false};
        Runnable tongbanList = () -> {
            if (timedOut[0]) {
                return;
            }
            java.util.Optional<java.net.http.HttpResponse<String>> answer =
                    reviewer.get("/api/tasks?page=0&size=50", timeout);
            if (answer.isEmpty()) {
                // one call longer than the whole budget: note it and stop the query, so later scenarios run alone
                timedOut[0] = true;
                cancelQueries();
            } else {
                WebSession.expect(200, answer.get());
            }
        };
        Runnable bareList = () -> tasks.createTaskQuery().taskCandidateGroup(Workload.REVIEWER_GROUP)
                .orderByDueDate().asc().listPage(0, 50);
        for (int i = 0; i < 2; i++) {
            tongbanList.run();
            bareList.run();
        }
        long budget = System.nanoTime() + config.latencyBudgetSeconds() * 1_000_000_000L;
        for (int i = 0; i < config.listSamples() && (i < 3 || System.nanoTime() < budget); i++) {
            if (i % 2 == 0) {
                timeUnlessStopped(tongbanList, tongban, timedOut);
                time(bareList, bare);
            } else {
                time(bareList, bare);
                timeUnlessStopped(tongbanList, tongban, timedOut);
            }
        }
        if (timedOut[0]) {
            tongban.add(timeout.toNanos());
            results.condition("c. Tongban's list", "a call took longer than " + timeout.toSeconds()
                    + " s and was stopped; its figure is that limit, a lower bound");
        }
        results.condition("c. samples", tongban.size() + " of Tongban's list and " + bare.size()
                + " of the bare query, one client at a time, alternating");
        results.add("c. task list at " + open + " open tasks, median", tongban.median(), bare.median(), "ms",
                null, null);
        results.add("c. task list at " + open + " open tasks, p95", tongban.p95(), bare.p95(), "ms",
                "tongban p95 <= 50 ms", tongban.p95() <= 50);
    }

    // ---- d. dashboard

    void dashboard() throws SQLException {
        long began = System.nanoTime();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            String districts = "(ARRAY['zhongyuan','erqi','guancheng','jinshui','huiji','shangjie','zhengdong'])";
            String services = "(ARRAY['minimum-living-allowance','disability-subsidies','marriage-registration'])";
            // cases received over the last year, each closed within 0-40 days of a 30 working-day commitment
            s.execute("INSERT INTO sla_case (process_instance_id, receipt_no, service_code, district, accepted_at,"
                    + " committed_working_days, extended, deadline_fixed, deadline, due_soon_from, provisional,"
                    + " closed_at, outcome, on_time)"
                    + " SELECT 'hist-case-' || g, 'HIST-' || g, " + services + "[1 + g % 3], " + districts
                    + "[1 + g % 7], a, 30, false, false, a + interval '42 days', a + interval '41 days', false,"
                    + " a + make_interval(days => (g * 13) % 45), 'COMPLETED', (g * 13) % 45 <= 42"
                    + " FROM (SELECT g, now() - interval '400 days' + make_interval(mins => (g * 5)"
                    + " % (365 * 1440)) AS a FROM generate_series(1, " + config.historicCases() + ") g) cases");
            // their steps: 10 per case, each with a limit of a few working days, one in twenty late
            s.execute("INSERT INTO sla_step (task_id, process_instance_id, execution_id, service_code, step_id,"
                    + " step_name, district, candidate_groups, assignee, started_at, limit_basis, limit_from,"
                    + " limit_days, deadline, due_soon_from, provisional, closed_at, outcome, on_time)"
                    + " SELECT 'hist-step-' || g, 'hist-case-' || (1 + g % " + config.historicCases() + "),"
                    + " 'hist-exec-' || g, " + services + "[1 + (1 + g % " + config.historicCases() + ") % 3],"
                    + " (ARRAY['acceptance','homeInvestigation','townshipReview','countyConfirmation',"
                    + "'federationReview'])[1 + g % 5], 'step', " + districts + "[1 + (1 + g % "
                    + config.historicCases() + ") % 7], 'township-x', 'reviewer.x', st, 'WORKING_DAYS', st, 3,"
                    + " st + interval '5 days', st + interval '4 days', false,"
                    + " st + CASE WHEN g % 20 = 0 THEN interval '6 days' ELSE interval '2 days' END, 'COMPLETED',"
                    + " g % 20 <> 0"
                    + " FROM (SELECT g, now() - interval '400 days' + make_interval(mins => (g * 7) % (365 * 1440))"
                    + " AS st FROM generate_series(1, " + config.historicSteps() + ") g) steps");
            s.execute("INSERT INTO sla_breach (process_instance_id, receipt_no, service_code, district, step_id,"
                    + " task_id, assignee, deadline, detected_at)"
                    + " SELECT process_instance_id, NULL, service_code, district, step_id, task_id, assignee,"
                    + " deadline, deadline + interval '1 minute' FROM sla_step"
                    + " WHERE task_id LIKE 'hist-step-%' AND on_time = false");
            // the sums per day the application keeps as it closes cases and steps (sla_closed_day)
            for (String[] kind : new String[][] {{"CASE", "sla_case", "''", "process_instance_id"},
                    {"STEP", "sla_step", "step_id", "task_id"}}) {
                String day = "CAST(closed_at AT TIME ZONE 'Asia/Shanghai' AS DATE)";
                s.execute("INSERT INTO sla_closed_day (kind, closed_on, service_code, district, step_id, closed,"
                        + " completed, completed_on_time) SELECT '" + kind[0] + "', " + day + ", service_code,"
                        + " COALESCE(district, ''), " + kind[2] + ", COUNT(*),"
                        + " SUM(CASE WHEN outcome = 'COMPLETED' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN outcome = 'COMPLETED' AND on_time THEN 1 ELSE 0 END)"
                        + " FROM " + kind[1] + " WHERE " + kind[3] + " LIKE 'hist-%' GROUP BY " + day
                        + ", service_code, COALESCE(district, '')" + ("''".equals(kind[2]) ? "" : ", " + kind[2])
                        + " ON CONFLICT (kind, closed_on, service_code, district, step_id) DO UPDATE SET"
                        + " closed = sla_closed_day.closed + EXCLUDED.closed,"
                        + " completed = sla_closed_day.completed + EXCLUDED.completed,"
                        + " completed_on_time = sla_closed_day.completed_on_time + EXCLUDED.completed_on_time");
            }
            s.execute("ANALYZE sla_case");
            s.execute("ANALYZE sla_step");
            s.execute("ANALYZE sla_breach");
            s.execute("ANALYZE sla_closed_day");
            c.commit();
            results.condition("d. historic SLA rows", config.historicCases() + " cases, " + config.historicSteps()
                    + " steps, " + count(c, "SELECT COUNT(*) FROM sla_breach") + " breaches (bulk SQL in "
                    + Math.round((System.nanoTime() - began) / 1e9) + " s)");
        }
        WebSession supervisor = WebSession.signIn(node.port(), Workload.SUPERVISOR, Workload.PASSWORD);
        // the current month (the API's default) and the twelve months up to today, which hold most of the rows
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String year = "from=" + today.minusYears(1).plusDays(1) + "&to=" + today;
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("d. GET /api/sla/summary", "/api/sla/summary");
        calls.put("d. GET /api/sla/summary, last 12 months", "/api/sla/summary?" + year);
        calls.put("d. GET /api/sla/breaches first page", "/api/sla/breaches?page=0&size=20");
        calls.put("d. GET /api/sla/breaches first page, last 12 months", "/api/sla/breaches?page=0&size=20&" + year);
        Map<String, Samples> samples = new LinkedHashMap<>();
        calls.keySet().forEach(name -> samples.put(name, new Samples()));
        for (int i = 0; i < 3; i++) {
            calls.values().forEach(path -> WebSession.expect(200, supervisor.get(path)));
        }
        long budget = System.nanoTime() + config.latencyBudgetSeconds() * 1_000_000_000L;
        for (int i = 0; i < config.dashboardSamples() && (i < 3 || System.nanoTime() < budget); i++) {
            calls.forEach((name, path) -> time(() -> WebSession.expect(200, supervisor.get(path)), samples.get(name)));
        }
        results.condition("d. samples", samples.values().iterator().next().size()
                + " of each call, one client at a time");
        String at = " (" + config.historicCases() / 1000 + "k cases, " + config.historicSteps() / 1000 + "k steps)";
        samples.forEach((name, sample) -> {
            results.add(name + at + ", median", sample.median(), null, "ms", null, null);
            results.add(name + at + ", p95", sample.p95(), null, "ms", "p95 <= 200 ms", sample.p95() <= 200);
        });
    }

    // ---- helpers

    Connection connection() throws SQLException {
        Connection c = db.connect(databaseUrl);
        c.setAutoCommit(false);
        return c;
    }

    static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }

    private static void time(Runnable call, Samples samples) {
        long began = System.nanoTime();
        call.run();
        samples.add(System.nanoTime() - began);
    }

    private static void timeUnlessStopped(Runnable call, Samples samples, boolean[] stopped) {
        if (stopped[0]) {
            return;
        }
        long began = System.nanoTime();
        call.run();
        if (!stopped[0]) {
            samples.add(System.nanoTime() - began);
        }
    }

    /** Cancels what the application is still running on the bench database, other than this connection. */
    private void cancelQueries() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND state = 'active'");
            c.commit();
        } catch (SQLException e) {
            System.out.println("[bench] could not cancel the list's queries: " + e.getMessage());
        }
    }

    static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
}
