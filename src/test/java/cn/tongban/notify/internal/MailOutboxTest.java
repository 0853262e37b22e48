package cn.tongban.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.notify.MailOutbox;
import cn.tongban.notify.Notifications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on PostgreSQL with a real SMTP server (GreenMail) and one that is down (a closed port). */
@TongbanIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxTest {

    private static final Map<String, Object> MODEL = Map.of("receiptNo", "DB-20230120-0009", "applicantName", "张三");

    @Autowired
    Notifications notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MeterRegistry metrics;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void nothingElseQueued() {
        // other tests in this shared context may have left mail for GreenMail; it must not meet a dead server here
        TestInfrastructure.deliverQueuedMail();
    }

    @Test
    void aRolledBackTransactionQueuesNoMail() {
        String kept = address();
        String dropped = address();

        transactions.executeWithoutResult(status -> {
            notifications.send(dropped, "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status ->
                notifications.send(kept, "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE));

        assertThat(queuedFor(dropped)).isZero();
        assertThat(queuedFor(kept)).isEqualTo(1);
    }

    @Test
    void aProcessStepQueuesItsMailInTheJobTransaction() {
        String to = address();
        // deployed for this test only and removed again: the shared context's models are checked elsewhere
        String deployment = engine.getRepositoryService().createDeployment().name("mail-outbox-test")
                .addModelInstance("mail-outbox-test.bpmn", mailingProcess()).deploy().getId();
        try {
            mailsOnceTheJobCommits(to);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private void mailsOnceTheJobCommits(String to) {
        String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey("mailOutboxTest",
                "MO-" + UUID.randomUUID(), Map.of("applicantEmail", to, "applicantName", "张三", "fail", true))
                .getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).singleResult();

        // the step after the mail fails in the same job: the engine's rollback takes the queued mail with it
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("noSuchBean");
        assertThat(queuedFor(to)).isZero();

        engine.getRuntimeService().setVariable(processInstanceId, "fail", false);
        engine.getManagementService().executeJob(job.getId());
        assertThat(queuedFor(to)).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count())
                .as("the case moved on before any mail went out").isEqualTo(1);

        outbox.deliverDue();
        assertThat(TestInfrastructure.greenMail().getReceivedMessagesForDomain(to)).hasSize(1);
    }

    @Test
    void whileSmtpIsDownTheMailIsTriedAgainWithGrowingPausesThenDeliveredOnce() throws Exception {
        String to = address();
        notifications.send(to, "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);
        // the pauses count from the time the mail was queued, as stored (a clock read afterwards and cut to
        // milliseconds could fall before it)
        Instant start = mailTo(to).nextAttemptAt();
        JavaMailSender down = smtp(closedPort());

        assertThat(sender(down, start).deliverDue()).isZero();
        OutboxMail first = mailTo(to);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isNotBlank();
        assertThat(Duration.between(start, first.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));

        // not due yet: nobody tries
        assertThat(sender(down, start.plusSeconds(29)).deliverDue()).isZero();
        assertThat(mailTo(to).attempts()).isEqualTo(1);

        Instant later = start.plusSeconds(31);
        assertThat(sender(down, later).deliverDue()).isZero();
        OutboxMail second = mailTo(to);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(later, second.nextAttemptAt())).isEqualTo(Duration.ofMinutes(1));

        JavaMailSender up = smtp(TestInfrastructure.greenMail().getSmtp().getPort());
        assertThat(sender(up, later.plusSeconds(59)).deliverDue()).isZero();
        assertThat(sender(up, later.plusSeconds(61)).deliverDue()).isEqualTo(1);
        assertThat(sender(up, later.plusSeconds(3600)).deliverDue()).isZero();

        assertThat(TestInfrastructure.greenMail().getReceivedMessagesForDomain(to)).hasSize(1);
        assertThat(mailTo(to).sentAt()).isNotNull();
        assertThat(mailTo(to).attempts()).isEqualTo(3);
    }

    @Test
    void twoSendersAtOnceDeliverEachMailOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            addresses.add(address());
            notifications.send(addresses.get(i), "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);
        }
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> node = () -> {
            go.await();
            return outbox.deliverDue();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(nodes.submit(node), nodes.submit(node));
            go.countDown();
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(60);
        } finally {
            nodes.shutdown();
        }
        for (String address : addresses) {
            assertThat(TestInfrastructure.greenMail().getReceivedMessagesForDomain(address)).as(address).hasSize(1);
        }
    }

    @Test
    void aRunPastItsTimeLimitLeavesTheRestOfTheBacklogToTheNextRun() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            addresses.add(address());
            notifications.send(addresses.get(i), "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);
        }
        OutboxSender sender = sender(smtp(TestInfrastructure.greenMail().getSmtp().getPort()),
                Instant.now().plusSeconds(1));

        // the sender's clock stands still, so a limit of zero has passed after the first batch of 20
        assertThat(sender.deliverDue(Duration.ZERO)).isEqualTo(20);
        assertThat(addresses.stream().filter(to -> mailTo(to).sentAt() == null)).hasSize(25);
        assertThat(sender.deliverDue(Duration.ZERO)).isEqualTo(20);
        assertThat(sender.deliverDue(Duration.ZERO)).isEqualTo(5);
        assertThat(sender.deliverDue(Duration.ZERO)).isZero();
        for (String address : addresses) {
            assertThat(TestInfrastructure.greenMail().getReceivedMessagesForDomain(address)).as(address).hasSize(1);
        }
    }

    @Test
    void withoutAMailServerTheMailIsLoggedAndCountsAsSent(CapturedOutput output) {
        String to = address();
        notifications.send(to, "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);

        assertThat(sender(null, Instant.now()).deliverDue()).isEqualTo(1);

        assertThat(output.getAll()).contains("Mail (no SMTP server configured) to " + to + ": 申请已受理（受理编号 DB-20230120-0009）");
        assertThat(mailTo(to).sentAt()).isNotNull();
        assertThat(TestInfrastructure.greenMail().getReceivedMessagesForDomain(to)).isEmpty();
    }

    @Test
    void anUndeliverableMailIsListedAsFailedForAdministratorsAndCanBeRetried() throws Exception {
        notifications.send("not an address", "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);
        outbox.deliverDue();
        long id = jdbc.queryForObject("SELECT MAX(id) FROM mail_outbox WHERE recipient = 'not an address'",
                Long.class);
        TestBrowser browser = new TestBrowser(port);
        String admin = TestBrowser.basic("admin", "demo");

        HttpResponse<String> failed = browser.get("/api/admin/mail-outbox?state=failed", "Authorization", admin);
        assertThat(failed.statusCode()).isEqualTo(200);
        JsonNode listed = find(json.readTree(failed.body()), id);
        assertThat(listed.path("recipient").asText()).isEqualTo("not an address");
        assertThat(listed.path("attempts").asInt()).isEqualTo(48);
        assertThat(listed.path("lastError").asText()).isNotBlank();
        assertThat(listed.has("htmlBody")).as("bodies carry personal data").isFalse();
        assertThat(OffsetDateTime.parse(listed.path("createdAt").asText())).isNotNull();
        assertThat(metrics.get("tongban.mail.outbox.failed").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("tongban.mail.outbox.pending").gauge().value()).isZero();

        for (String user : List.of("reviewer.jinshui", "supervisor", "zhangsan")) {
            String other = TestBrowser.basic(user, "demo");
            assertThat(browser.get("/api/admin/mail-outbox?state=failed", "Authorization", other).statusCode())
                    .as(user).isEqualTo(403);
            assertThat(retry(browser, id, other).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(browser.get("/api/admin/mail-outbox?state=failed").statusCode()).isEqualTo(401);

        HttpResponse<String> retried = retry(browser, id, admin);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).path("attempts").asInt()).isZero();
        HttpResponse<String> pending = browser.get("/api/admin/mail-outbox?state=pending", "Authorization", admin);
        assertThat(find(json.readTree(pending.body()), id)).isNotNull();
        // still undeliverable: failed again at once, not retried for a day
        outbox.deliverDue();
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(48);

        HttpResponse<String> bad = browser.get("/api/admin/mail-outbox?state=lost", "Authorization", admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).at("/errors/0/field").asText()).isEqualTo("state");
        assertThat(retry(browser, Long.MAX_VALUE, admin).statusCode()).isEqualTo(404);
        assertThat(retry(browser, mailTo(sentMail()).id(), admin).statusCode()).isEqualTo(409);
    }

    private String sentMail() {
        String to = address();
        notifications.send(to, "case-accepted", MODEL, Locale.SIMPLIFIED_CHINESE);
        outbox.deliverDue();
        return to;
    }

    private static HttpResponse<String> retry(TestBrowser browser, long id, String authorization) {
        return browser.send(browser.request("/api/admin/mail-outbox/" + id + "/retry")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode find(JsonNode mails, long id) {
        for (JsonNode mail : mails) {
            if (mail.path("id").asLong() == id) {
                return mail;
            }
        }
        throw new AssertionError("mail " + id + " not listed in " + mails);
    }

    private OutboxSender sender(JavaMailSender smtp, Instant now) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (smtp != null) {
            beans.addBean("mailSender", smtp);
        }
        MailProperties properties = new MailProperties("tongban@example.cn", new MailProperties.Outbox(false,
                Duration.ofSeconds(5), 20, 48, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(10)));
        return new OutboxSender(store, transactions, beans.getBeanProvider(JavaMailSender.class), properties,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JavaMailSender smtp(int port) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return smtp;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static BpmnModelInstance mailingProcess() {
        return Bpmn.createExecutableProcess("mailOutboxTest").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("acceptedMail").camundaAsyncBefore().camundaDelegateExpression("${applicantMail}")
                .camundaInputParameter("mailTemplate", "case-accepted")
                .serviceTask("afterMail").camundaExpression("${fail ? noSuchBean.call() : null}")
                .userTask("acceptance")
                .endEvent()
                .done();
    }

    private OutboxMail mailTo(String to) {
        return jdbc.query("SELECT id FROM mail_outbox WHERE recipient = ?", (rs, row) -> rs.getLong(1), to).stream()
                .map(id -> store.find(id).orElseThrow()).findFirst().orElseThrow();
    }

    private int queuedFor(String to) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, to);
    }

    private static String address() {
        return "outbox-" + UUID.randomUUID() + "@example.cn";
    }
}
