package cn.tongban.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The benchmark harness ({@code mvn -B -Pbench verify}): Tongban side by side with a bare Camunda engine on the
 * same PostgreSQL, scenario by scenario (see docs/performance.md); prints a table and writes
 * target/bench/results.json. Sizes are system properties (see {@link BenchConfig}).
 */
public final class TongbanBench {

    private TongbanBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Results results = new Results();
        long began = System.nanoTime();
        results.condition("started", Instant.now().toString());
        results.condition("machine", Runtime.getRuntime().availableProcessors() + " processors, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.condition("sizes", config.toString());
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (BenchDatabase db = BenchDatabase.start()) {
            results.condition("database", db.describe());
            Children children = new Children(config, db, mail.getSmtp().getPort(),
                    Path.of(System.getProperty("bench.jar")), Path.of(System.getProperty("bench.testClasses")), out);
            String url = db.newDatabase("tongban_bench");
            int variables = 0;
            try (Node node = Node.start(url, db, mail.getSmtp().getPort())) {
                System.out.printf("[bench] Tongban up in the harness in %.1f s%n", node.startupSeconds());
                Scenarios scenarios = new Scenarios(config, node, db, url, results);
                if (config.runs('a')) {
                    scenarios.submission();
                    variables = scenarios.variableCount();
                }
                if (config.runs('b')) {
                    scenarios.review();
                }
                if (config.runs('c')) {
                    scenarios.taskList();
                }
                if (config.runs('d')) {
                    scenarios.dashboard();
                }
                if (config.runs('e')) {
                    new Timers(config, node, scenarios, children, url, results).run();
                }
            }
            if (config.runs('f')) {
                children.startupAndMemory(results, variables);
            }
        } finally {
            mail.stop();
        }
        results.condition("whole run", Math.round((System.nanoTime() - began) / 1e9) + " s");
        results.print();
        results.write(out);
        System.out.println("[bench] wrote " + out.resolve("results.json"));
        // the engine's and Tomcat's non-daemon threads are gone with the contexts; this ends any straggler
        System.exit(0);
    }
}
