package cn.tongban.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tongban and the bare Camunda application as JVMs of their own, from the repackaged jar extracted (its classes
 * and its libraries, no nested jars): Tongban with all of them, the bare application with the engine's share only.
 */
final class Children {

    /** Libraries of Tongban that a bare Camunda Spring Boot application does not have. */
    private static final List<String> NOT_BARE = List.of("thymeleaf", "flyway", "modulith", "springdoc",
            "swagger", "spring-security", "starter-security", "webjars", "bootstrap", "prometheus", "jmolecules",
            "mail", "h2-");

    private final BenchConfig config;
    private final BenchDatabase db;
    private final int smtpPort;
    private final Path out;
    private final Path app;
    private final String bareClasspath;

    Children(BenchConfig config, BenchDatabase db, int smtpPort, Path jar, Path benchClasses, Path out)
            throws IOException, InterruptedException {
        this.config = config;
        this.db = db;
        this.smtpPort = smtpPort;
        this.out = out;
        this.app = out.resolve("app");
        extract(jar, app);
        try (Stream<Path> libs = Files.list(app.resolve("lib"))) {
            List<String> entries = new ArrayList<>(libs.map(Path::toString)
                    .filter(lib -> NOT_BARE.stream().noneMatch(Path.of(lib).getFileName().toString()::contains))
                    .sorted().toList());
            entries.add(benchClasses.toString());
            this.bareClasspath = String.join(File.pathSeparator, entries);
        }
    }

    private static void extract(Path jar, Path into) throws IOException, InterruptedException {
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        List<String> command = ChildApp.java("-Djarmode=tools");
        command.addAll(List.of("-jar", jar.toString(), "extract", "--destination", into.toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("could not extract " + jar);
        }
    }

    /** Tongban on the given database, job executor on, demo users present, mail to the run's SMTP sink. */
    ChildApp tongban(String name, String databaseUrl) throws IOException {
        int port = ChildApp.freePort();
        Path jar;
        try (Stream<Path> files = Files.list(app)) {
            jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        List<String> command = ChildApp.java(config.childJvmArgs());
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--server.port=" + port,
                "--tongban.demo-data=true",
                "--logging.level.root=WARN"));
        return ChildApp.start(name, command, port, out.resolve("logs").resolve(name + ".log"));
    }

    ChildApp bare(String name, String databaseUrl) throws IOException {
        int port = ChildApp.freePort();
        List<String> command = ChildApp.java(config.childJvmArgs());
        command.addAll(List.of("-cp", bareClasspath, "cn.tongban.bench.bare.BareEngineApplication",
                "--spring.config.location=classpath:bare-engine.yaml",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=" + port));
        return ChildApp.start(name, command, port, out.resolve("logs").resolve(name + ".log"));
    }

    /**
     * f: start-up time of each, the median of {@code bench.startups} restarts on its database (as a restart in
     * production: the first start, not counted, creates the schemas), and resident memory after start-up and after
     * a submission load like scenario a.
     */
    void startupAndMemory(Results results, int variableCount) throws Exception {
        String tongbanDb = db.newDatabase("tongban_f");
        String bareDb = db.newDatabase("bare_f");
        try (ChildApp first = tongban("tongban-first-start", tongbanDb)) {
            System.out.println("[bench] Tongban schema created on its first start");
        }
        try (ChildApp first = bare("bare-first-start", bareDb)) {
            System.out.println("[bench] bare engine schema created on its first start");
        }
        // restarts alternating in order, so that a drift of the machine falls on both; the median of each counts
        List<Double> tongbanStarts = new ArrayList<>();
        List<Double> bareStarts = new ArrayList<>();
        for (int round = 1; round < config.startups(); round++) {
            for (boolean tongbanFirst : round % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                try (ChildApp child = tongbanFirst ? tongban("tongban-start-" + round, tongbanDb)
                        : bare("bare-start-" + round, bareDb)) {
                    (tongbanFirst ? tongbanStarts : bareStarts).add(child.startupSeconds());
                }
            }
        }
        double[] tongban;
        double[] bare;
        try (ChildApp child = tongban("tongban", tongbanDb)) {
            double rssStart = child.residentMegabytes();
            List<WebSession> sessions = sessions(child.port(), Workload.APPLICANT, config.threads());
            Load.run(config.threads(), config.childSubmissions(), t -> i -> WebSession.expect(201,
                    sessions.get(t).postJson("/api/applications", Workload.dibaoApplication(),
                            "Idempotency-Key", "f-" + i + "-" + System.nanoTime())), null);
            tongbanStarts.add(child.startupSeconds());
            tongban = new double[] {Samples.percentile(tongbanStarts, 50), rssStart, child.residentMegabytes()};
        }
        try (ChildApp child = bare("bare", bareDb)) {
            double rssStart = child.residentMegabytes();
            HttpClient http = HttpClient.newHttpClient();
            URI start = URI.create("http://localhost:" + child.port()
                    + "/engine-rest/process-definition/key/bench-one-task/start");
            Load.run(config.threads(), config.childSubmissions(), t -> i -> {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(start)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Workload.restStart(variableCount, i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("bare start answered " + answer.statusCode() + ": "
                            + answer.body());
                }
            }, null);
            bareStarts.add(child.startupSeconds());
            bare = new double[] {Samples.percentile(bareStarts, 50), rssStart, child.residentMegabytes()};
        }
        results.add("f. start-up (restart, until health UP), median of " + config.startups(), tongban[0], bare[0], "s",
                "ratio <= 1.5", tongban[0] / bare[0] <= 1.5);
        results.condition("f. start-up seconds, each restart", "Tongban " + tongbanStarts + ", bare " + bareStarts);
        results.add("f. resident memory after start-up", tongban[1], bare[1], "MB", null, null);
        results.add(String.format(Locale.ROOT, "f. resident memory after %d submissions", config.childSubmissions()),
                tongban[2], bare[2], "MB", "tongban <= 768 MB", tongban[2] <= 768);
        results.condition("child JVM options", config.childJvmArgs());
    }

    static List<WebSession> sessions(int port, String user, int count) {
        return Stream.generate(() -> WebSession.signIn(port, user, Workload.PASSWORD)).limit(count)
                .collect(Collectors.toList());
    }
}
