package cn.tongban.reliability;

import static cn.tongban.reliability.Infrastructure.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.SampleApplications;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The packaged application as a separate JVM on PostgreSQL, killed with SIGKILL while applications pour in, then
 * started again. Every application acknowledged with 201 must be there whole (row, case, deadline); none may be
 * half there; a client retrying with its Idempotency-Key gets one case; timers that came due while the JVM was
 * down fire once after the restart, at the latest once the job locks the killed JVM left behind have expired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private String jdbcUrl;
    private JdbcTemplate db;
    private Process app;
    private int appPort;

    @BeforeAll
    void startInfrastructure() throws IOException {
        postgres = Infrastructure.postgres(Files.createTempDirectory("tongban-crash-pg"), Infrastructure.freePort());
        jdbcUrl = Infrastructure.database(postgres);
        smtp = Infrastructure.smtp(Infrastructure.freePort());
        db = new JdbcTemplate(new SingleConnectionDataSource(jdbcUrl, "postgres", "postgres", true));
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        smtp.stop();
        postgres.close();
    }

    @Test
    void noAcknowledgedApplicationIsLostAndNoneIsHalfThereAfterSigkill() throws Exception {
        startApp();
        db.update("INSERT INTO users (username, password_hash, display_name, email, phone, role, district_code,"
                        + " enabled, created_at) VALUES (?, ?, '申请人', 'applicant.one@example.cn', NULL, 'APPLICANT',"
                        + " 'jinshui', TRUE, now())",
                Node.APPLICANT, new BCryptPasswordEncoder().encode(Node.PASSWORD));

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> pending = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        String base = "http://localhost:" + appPort;
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    String key = "crash-" + UUID.randomUUID();
                    Map<String, Object> data = SampleApplications.disabilitySubsidies();
                    pending.put(key, data);
                    try {
                        Http.Answer answer = Http.apply(base, Node.APPLICANT, data, key);
                        if (answer.status() == 201) {
                            acknowledged.put(key, answer.json().get("receiptNo").asText());
                            pending.remove(key);
                        }
                    } catch (IOException connectionLost) {
                        return null;
                    }
                }
                return null;
            });
        }
        await(ACKNOWLEDGED_BEFORE_KILL + " applications acknowledged", Duration.ofMinutes(3),
                () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
        app.destroyForcibly();
        app.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
        int acknowledgedAtKill = acknowledged.size();

        // Timers that fall due while no JVM runs: the step timers of the acknowledged cases are given a due date
        // inside the downtime, as if their deadline had passed while the application was down.
        Instant downSince = Instant.now();
        int lockedByTheKilledJvm = db.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL",
                Integer.class);
        List<String> dueTimers = db.queryForList("SELECT j.id_ FROM act_ru_job j JOIN application a"
                + " ON a.process_instance_id = j.process_instance_id_ WHERE j.type_ = 'timer'", String.class);
        db.update("UPDATE act_ru_job SET duedate_ = ? WHERE type_ = 'timer' AND process_instance_id_ IN"
                + " (SELECT process_instance_id FROM application)", Timestamp.from(downSince));

        startApp();
        Instant restartedAt = Instant.now();
        String restarted = "http://localhost:" + appPort;

        // what a client does with a request it got no answer to: send it again, with the same key
        Map<String, String> retried = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> request : pending.entrySet()) {
            Http.Answer answer = Http.apply(restarted, Node.APPLICANT, request.getValue(), request.getKey());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            retried.put(request.getKey(), answer.json().get("receiptNo").asText());
        }

        int found = 0;
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            Map<String, Object> row = db.queryForMap("SELECT a.receipt_no, a.process_instance_id, a.deadline,"
                    + " (SELECT COUNT(*) FROM act_hi_procinst p WHERE p.id_ = a.process_instance_id"
                    + "   AND p.business_key_ = a.receipt_no) AS cases,"
                    + " (SELECT COUNT(*) FROM sla_case s WHERE s.process_instance_id = a.process_instance_id) AS sla"
                    + " FROM application a WHERE a.idempotency_key = ?", ack.getKey());
            assertThat(row.get("receipt_no")).isEqualTo(ack.getValue());
            assertThat(row.get("deadline")).as("deadline of %s", ack.getValue()).isNotNull();
            assertThat(((Number) row.get("cases")).intValue()).as("case of %s", ack.getValue()).isEqualTo(1);
            assertThat(((Number) row.get("sla")).intValue()).as("SLA record of %s", ack.getValue()).isEqualTo(1);
            found++;
        }
        int rowsWithoutCase = db.queryForObject("SELECT COUNT(*) FROM application a WHERE a.process_instance_id IS"
                + " NULL OR NOT EXISTS (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = a.process_instance_id)",
                Integer.class);
        int casesWithoutRow = db.queryForObject("SELECT COUNT(*) FROM act_hi_procinst p WHERE NOT EXISTS"
                + " (SELECT 1 FROM application a WHERE a.receipt_no = p.business_key_)", Integer.class);
        int duplicateKeys = db.queryForObject("SELECT COUNT(*) FROM (SELECT idempotency_key FROM application"
                + " GROUP BY idempotency_key HAVING COUNT(*) > 1) d", Integer.class);

        String stillThere = "SELECT id_, handler_type_, handler_cfg_, duedate_, lock_owner_, lock_exp_time_, retries_,"
                + " exception_msg_ FROM act_ru_job WHERE id_ IN (" + quoted(dueTimers) + ")";
        try {
            // a case with a job the killed JVM had locked waits for that lock to expire (application.yaml: 2 minutes)
            await("timers due during the downtime fired", Duration.ofMinutes(4),
                    () -> db.queryForList(stillThere).isEmpty());
        } catch (AssertionError notFired) {
            throw new AssertionError(notFired.getMessage() + "; still there: " + db.queryForList(stillThere), notFired);
        }
        Map<String, Integer> runs = new HashMap<>();
        db.query("SELECT job_id_, COUNT(*) AS runs FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN ("
                + quoted(dueTimers) + ") GROUP BY job_id_", row -> {
                    runs.put(row.getString("job_id_"), row.getInt("runs"));
                });
        Duration firedWithin = Duration.between(restartedAt, Instant.now());
        long firedOnce = dueTimers.stream().filter(id -> runs.getOrDefault(id, 0) == 1).count();
        int rows = db.queryForObject("SELECT COUNT(*) FROM application", Integer.class);

        System.out.printf("[crash] acknowledged before SIGKILL %d, found whole after restart %d;"
                        + " unanswered requests retried with their key %d (all 201); application rows %d;"
                        + " rows without case %d, cases without row %d, duplicate keys %d;"
                        + " jobs left locked by the killed JVM %d; timers due during the downtime %d,"
                        + " fired once after restart %d, all within %d s of the restart%n",
                acknowledgedAtKill, found, retried.size(), rows, rowsWithoutCase, casesWithoutRow, duplicateKeys,
                lockedByTheKilledJvm, dueTimers.size(), firedOnce, firedWithin.toSeconds());

        assertThat(found).isEqualTo(acknowledged.size());
        assertThat(rowsWithoutCase).isZero();
        assertThat(casesWithoutRow).isZero();
        assertThat(duplicateKeys).isZero();
        assertThat(rows).isEqualTo(Set.copyOf(acknowledged.values()).size() + Set.copyOf(retried.values()).size());
        assertThat(dueTimers).isNotEmpty();
        assertThat(firedOnce).isEqualTo(dueTimers.size());
    }

    private void startApp() throws IOException {
        String jar = System.getProperty("tongban.jar");
        assertThat(jar).as("system property tongban.jar (set by the reliability profile)").isNotNull();
        assertThat(new File(jar)).exists();
        appPort = Infrastructure.freePort();
        Path log = Files.createTempFile("tongban-crash-app", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        app = new ProcessBuilder(java, "-Xmx512m", "-jar", jar,
                "--spring.profiles.active=postgres",
                "--server.port=" + appPort,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String base = "http://localhost:" + appPort;
        // generous: on a loaded build machine a start takes minutes
        await("the application up (log " + log + ")", Duration.ofMinutes(8), () -> {
            assertThat(app.isAlive()).as("application JVM alive, see " + log).isTrue();
            try {
                return Http.get(base, "/actuator/health/readiness", null).status() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static String quoted(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
