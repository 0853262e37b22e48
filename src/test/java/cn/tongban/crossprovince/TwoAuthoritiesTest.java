package cn.tongban.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.TongbanApplication;
import cn.tongban.crossprovince.internal.Signatures;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.notify.MailOutbox;
import cn.tongban.testsupport.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Tongban deployments in one run, partners of each other: Zhengzhou (Henan, the defaults) and Haikou (Hainan),
 * each on its own port and its own PostgreSQL database. A case applied for in Zhengzhou by an applicant whose hukou
 * is in Hainan is pushed to Haikou, decided there and told to the applicant in Zhengzhou; Haikou is down during the
 * push and takes the case once when it is back. Messages that must be refused are refused, and leave nothing.
 * Job executors are off in both: the test runs each job by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoAuthoritiesTest {

    static final String SECRET = "zhengzhou-haikou-shared-secret-0123456789";
    static final String ZHENGZHOU = "410100";
    static final String HAIKOU = "460100";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    Authority zhengzhou;
    Authority haikou;

    @BeforeAll
    void startBoth() throws IOException {
        int zhengzhouPort = freePort();
        int haikouPort = freePort();
        Map<String, Object> zz = new HashMap<>();
        zz.put("tongban.crossprovince.partners[0].id", HAIKOU);
        zz.put("tongban.crossprovince.partners[0].name", "海口市民政局");
        zz.put("tongban.crossprovince.partners[0].province", "460000");
        zz.put("tongban.crossprovince.partners[0].base-url", "http://localhost:" + haikouPort);
        zz.put("tongban.crossprovince.partners[0].secret", SECRET);
        // a partner whose secret we got wrong: whatever we send it is refused for good
        zz.put("tongban.crossprovince.partners[1].id", "440100");
        zz.put("tongban.crossprovince.partners[1].name", "广州市民政局");
        zz.put("tongban.crossprovince.partners[1].province", "440000");
        zz.put("tongban.crossprovince.partners[1].base-url", "http://localhost:" + haikouPort);
        zz.put("tongban.crossprovince.partners[1].secret", "not-the-secret-haikou-has-for-us-0123456789");
        zhengzhou = new Authority("zhengzhou", zhengzhouPort, TestInfrastructure.newDatabase(), zz);

        Map<String, Object> hk = new HashMap<>();
        hk.put("tongban.authority.code", HAIKOU);
        hk.put("tongban.authority.name", "海口市民政局");
        hk.put("tongban.authority.province", "460000");
        hk.put("tongban.authority.districts", "jinshui");
        hk.put("tongban.authority.inbound-district", "jinshui");
        hk.put("tongban.crossprovince.max-message-size", "1MB");
        hk.put("tongban.crossprovince.partners[0].id", ZHENGZHOU);
        hk.put("tongban.crossprovince.partners[0].name", "郑州市民政局");
        hk.put("tongban.crossprovince.partners[0].province", "410000");
        hk.put("tongban.crossprovince.partners[0].base-url", "http://localhost:" + zhengzhouPort);
        hk.put("tongban.crossprovince.partners[0].secret", SECRET);
        haikou = new Authority("haikou", haikouPort, TestInfrastructure.newDatabase(), hk);
        zhengzhou.start();
        haikou.start();
    }

    @AfterAll
    void stopBoth() {
        haikou.stop();
        zhengzhou.stop();
    }

    @Test
    void aCaseAppliedForInZhengzhouIsDecidedInHaikouOnceThoughHaikouWasDownAndTheApplicantSeesTheDecision()
            throws Exception {
        Map<String, Object> data = SampleApplications.disabilitySubsidies();
        // the intake checks the ID number's check digit (ISO 7064 MOD 11-2)
        data.put("applicantIdNumber", "410105198001011239");
        data.put("disabilityCertificateNo", "41010519800101123941");
        data.put("hukouLocal", false);
        data.put("hukouProvince", "460000");
        data.put("hukouPlace", "海南省海口市龙华区");
        String email = (String) data.get("applicantEmail");
        JsonNode receipt = zhengzhou.asUser("zhangsan", "POST", "/api/applications",
                Map.of("serviceCode", "disability-subsidies", "data", data), 201);
        String receiptNo = receipt.path("receiptNo").asText();
        assertThat(zhengzhou.upload("zhangsan", receiptNo, "disability-certificate", "残疾人证.pdf", PDF).statusCode())
                .isEqualTo(201);

        String zz = zhengzhou.processOf(receiptNo);
        zhengzhou.runJobs(zz);
        zhengzhou.complete(zz, "acceptance", Map.of("acceptanceOutcome", "accept", "hukouLocal", false,
                "hukouProvince", "460000", "hukouPlace", "海南省海口市龙华区"));
        zhengzhou.complete(zz, "handoffPush", Map.of("handoffNote", "案卷齐全"));
        Job push = zhengzhou.management().createJobQuery().processInstanceId(zz)
                .activityId("sendCaseToHukouAuthority").singleResult();

        // Haikou is down: the push fails, is counted, and waits for its next turn on the retry cycle
        haikou.stop();
        assertThatThrownBy(() -> zhengzhou.management().executeJob(push.getId()))
                .hasMessageContaining("not delivered to " + HAIKOU);
        Job waiting = zhengzhou.management().createJobQuery().jobId(push.getId()).singleResult();
        // the first attempt, then one retry for each of the cycle's 12 intervals
        assertThat(waiting.getRetries()).isEqualTo(12);
        assertThat(waiting.getDuedate()).isAfter(new Date());
        assertThat(zhengzhou.deliveries("PENDING")).anySatisfy(d -> {
            assertThat(d.path("receiptNo").asText()).isEqualTo(receiptNo);
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("lastError").asText()).contains("not reachable");
        });

        // back again: the retry delivers, and the case starts there once
        haikou.start();
        zhengzhou.management().executeJob(push.getId());
        assertThat(zhengzhou.runtime().getActiveActivityIds(zz)).containsExactly("hukouCaseAccepted");
        assertThat(zhengzhou.deliveries("DELIVERED")).anySatisfy(d -> {
            assertThat(d.path("receiptNo").asText()).isEqualTo(receiptNo);
            assertThat(d.path("kind").asText()).isEqualTo("CASE");
            assertThat(d.path("attempts").asInt()).isEqualTo(2);
        });
        assertThat(haikou.runtime().createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).count())
                .isOne();
        String hk = haikou.processOf(receiptNo);
        assertThat(haikou.runtime().getVariable(hk, "caseDeadline"))
                .isEqualTo(zhengzhou.runtime().getVariable(zz, "caseDeadline"));
        assertThat(haikou.runtime().getVariable(hk, "applicantName")).isEqualTo("赵建国");
        assertThat(haikou.runtime().getVariable(hk, "partnerAuthority")).isEqualTo("郑州市民政局");
        FileValue material = haikou.runtime().getVariableTyped(hk, "handoffMaterial1");
        assertThat(material.getFilename()).isEqualTo("残疾人证.pdf");
        assertThat(material.getValue().readAllBytes()).isEqualTo(PDF);
        assertThat(json.readTree((String) haikou.runtime().getVariable(hk, "handoffAcceptance"))
                .path("authorityName").asText()).isEqualTo("郑州市民政局");

        // Haikou reports that it has the case, reviews and decides, and reports the decision
        haikou.runJobs(hk);
        assertThat(zhengzhou.runtime().getActiveActivityIds(zz)).containsExactly("hukouDecisionReceived");
        assertThat(zhengzhou.runtime().getVariable(zz, "hukouAuthority")).isEqualTo("海口市民政局");
        haikou.complete(hk, "townshipReview", Map.of("townshipOpinion", "经入户核实，情况属实"));
        haikou.complete(hk, "federationReview", Map.of("holdsValidDisabilityCertificate", true,
                "disabilityGrade", 1, "disabilityCategory", "physical", "federationOpinion", "残疾人证有效"));
        haikou.complete(hk, "civilAffairsDecision", Map.of("livingSubsidyOutcome", "approved",
                "careSubsidyOutcome", "approved"));
        haikou.runJobs(hk);
        assertThat(haikou.history().createHistoricProcessInstanceQuery().processInstanceId(hk).singleResult()
                .getEndActivityId()).isEqualTo("decisionReported");

        // Zhengzhou tells the applicant
        assertThat(zhengzhou.runtime().getVariable(zz, "approved")).isEqualTo(true);
        zhengzhou.complete(zz, "resultNotice", Map.of("resultNoticeMethod", "phone"));
        zhengzhou.runJobs(zz);
        JsonNode application = zhengzhou.asUser("zhangsan", "GET", "/api/applications/" + receiptNo, null, 200);
        assertThat(application.path("status").asText()).isEqualTo("DECIDED_APPROVED");
        assertThat(subjectsTo(email)).contains("申请 " + receiptNo + "：审批结果");

        // each message acted once on each side
        assertThat(haikou.inboundMessages(receiptNo)).containsExactly("CASE");
        assertThat(zhengzhou.inboundMessages(receiptNo)).containsExactlyInAnyOrder("ACCEPTED", "DECIDED");
    }

    @Test
    void aPartnerThatRefusesTheMessageMakesAnIncidentSupervisorsSee() throws Exception {
        haikou.ensureStarted();
        String receiptNo = "CJ-REFUSED-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>(SampleApplications.disabilitySubsidies());
        variables.put("hukouLocal", false);
        variables.put("hukouProvince", "440000");
        ProcessInstance instance = zhengzhou.runtime().createProcessInstanceByKey("disability-subsidies")
                .businessKey(receiptNo).setVariables(variables).startBeforeActivity("sendCaseToHukouAuthority")
                .execute();
        Job push = zhengzhou.management().createJobQuery().processInstanceId(instance.getId())
                .activityId("sendCaseToHukouAuthority").singleResult();

        assertThatThrownBy(() -> zhengzhou.management().executeJob(push.getId())).hasMessageContaining("(401)");

        assertThat(zhengzhou.management().createJobQuery().jobId(push.getId()).singleResult().getRetries()).isZero();
        assertThat(zhengzhou.runtime().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(zhengzhou.deliveries("REFUSED")).anySatisfy(d -> {
            assertThat(d.path("receiptNo").asText()).isEqualTo(receiptNo);
            assertThat(d.path("partnerId").asText()).isEqualTo("440100");
            assertThat(d.path("lastStatus").asInt()).isEqualTo(401);
        });
        assertThat(zhengzhou.call("GET", "/api/crossprovince/deliveries", null, TestBrowser.basic("zhangsan", "demo"))
                .statusCode()).isEqualTo(403);
        assertThat(zhengzhou.call("GET", "/api/crossprovince/deliveries?state=LOST", null,
                TestBrowser.basic("supervisor", "demo")).statusCode()).isEqualTo(400);
    }

    @Test
    void replayedTamperedStaleUnknownOversizedAndInvalidMessagesAreRefusedAndLeaveNothing() throws Exception {
        haikou.ensureStarted();
        // a valid case, then the very same request again (a replay), then its id re-signed (a sender's retry)
        Message valid = new Message(caseBody("CJ-ATTACK-" + UUID.randomUUID()));
        HttpResponse<String> first = haikou.inbound("/cases", valid.headers(ZHENGZHOU, SECRET), valid.body);
        assertThat(first.statusCode()).isEqualTo(201);
        String[] sameHeaders = valid.headers(ZHENGZHOU, SECRET);
        HttpResponse<String> replay = haikou.inbound("/cases", sameHeaders, valid.body);
        assertRefused(replay, 409, "replayed");
        assertRefused(haikou.inbound("/cases", sameHeaders, valid.body), 409, "replayed");
        assertThat(haikou.runtime().createProcessInstanceQuery().processInstanceBusinessKey(valid.receiptNo).count())
                .isOne();
        // the same case under a new message id is not taken on twice either
        Message again = new Message(valid.body);
        assertRefused(haikou.inbound("/cases", again.headers(ZHENGZHOU, SECRET), again.body), 409, "duplicate-case");
        assertThat(haikou.storedMessage(again.id)).isZero();

        // tampered: signed for one body, sent with another
        Message signed = new Message(caseBody("CJ-ATTACK-" + UUID.randomUUID()));
        byte[] tampered = new String(signed.body, StandardCharsets.UTF_8).replace("赵建国", "钱多多")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(haikou.inbound("/cases", signed.headers(ZHENGZHOU, SECRET), tampered), 401, "bad-signature");
        assertNothingStored(signed);

        // signed with a secret that is not ours
        Message forged = new Message(caseBody("CJ-ATTACK-" + UUID.randomUUID()));
        assertRefused(haikou.inbound("/cases", forged.headers(ZHENGZHOU, "a-guess-at-the-secret-0123456789abcdef"),
                forged.body), 401, "bad-signature");
        assertNothingStored(forged);

        // stale and early: outside the 5-minute window, though correctly signed
        Message stale = new Message(caseBody("CJ-ATTACK-" + UUID.randomUUID()));
        assertRefused(haikou.inbound("/cases", stale.headersAt(ZHENGZHOU, SECRET, Duration.ofMinutes(-6)),
                stale.body), 401, "stale");
        assertRefused(haikou.inbound("/cases", stale.headersAt(ZHENGZHOU, SECRET, Duration.ofMinutes(6)),
                stale.body), 401, "stale");
        assertNothingStored(stale);

        // from an authority that is no partner of Haikou
        Message unknown = new Message(caseBody("CJ-ATTACK-" + UUID.randomUUID()));
        assertRefused(haikou.inbound("/cases", unknown.headers("999999", SECRET), unknown.body), 403,
                "unknown-partner");
        assertNothingStored(unknown);

        // larger than Haikou takes (1 MB): refused before it is read
        Map<String, Object> big = json.readValue(caseBody("CJ-ATTACK-" + UUID.randomUUID()), Map.class);
        big.put("materials", List.of(Map.of("materialCode", "id-card", "fileName", "big.pdf",
                "contentType", "application/pdf", "content", Base64.getEncoder().encodeToString(new byte[1_100_000]))));
        Message oversized = new Message(json.writeValueAsBytes(big));
        assertRefused(haikou.inbound("/cases", oversized.headers(ZHENGZHOU, SECRET), oversized.body), 413,
                "too-large");
        assertNothingStored(oversized);

        // signed correctly but not a valid case: every bad field named
        Map<String, Object> bad = json.readValue(caseBody("CJ-ATTACK-" + UUID.randomUUID()), Map.class);
        bad.remove("acceptedAt");
        bad.put("materials", List.of(Map.of("materialCode", "id-card", "contentType", "text/html",
                "content", "<script>")));
        Message invalid = new Message(json.writeValueAsBytes(bad));
        HttpResponse<String> refused = haikou.inbound("/cases", invalid.headers(ZHENGZHOU, SECRET), invalid.body);
        assertRefused(refused, 400, "invalid");
        assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field"))
                .contains("acceptedAt", "materials[0].contentType", "materials[0].content");
        assertNothingStored(invalid);

        // no signature headers at all
        HttpResponse<String> bare = haikou.inbound("/cases", new String[] {"Content-Type", "application/json"},
                valid.body);
        assertRefused(bare, 400, "invalid");
        assertThat(json.readTree(bare.body()).path("errors").findValuesAsText("field"))
                .containsExactly(Signatures.AUTHORITY, Signatures.MESSAGE_ID, Signatures.TIMESTAMP, Signatures.SIGNATURE);

        // a status for a case nobody here waits for: not taken, so the sender tries again later
        Message status = new Message(json.writeValueAsBytes(Map.of("receiptNo", "CJ-NOBODY-" + UUID.randomUUID(),
                "status", "DECIDED", "at", OffsetDateTime.now().toString(),
                "decision", Map.of("approved", true, "reason", "准予"))));
        assertRefused(haikou.inbound("/status", status.headers(ZHENGZHOU, SECRET), status.body), 409, "not-waiting");
        assertThat(haikou.storedMessage(status.id)).isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    byte[] caseBody(String receiptNo) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiptNo", receiptNo);
        body.put("serviceCode", "disability-subsidies");
        body.put("from", Map.of("code", ZHENGZHOU, "name", "郑州市民政局", "province", "410000"));
        Map<String, Object> application = new HashMap<>(SampleApplications.disabilitySubsidies());
        application.put("hukouLocal", false);
        body.put("application", application);
        body.put("materials", List.of(Map.of("materialCode", "disability-certificate", "fileName", "证.pdf",
                "contentType", "application/pdf", "content", Base64.getEncoder().encodeToString(PDF))));
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
        body.put("acceptedAt", now.minusDays(1).toString());
        body.put("caseDeadline", now.plusDays(20).toString());
        body.put("acceptance", Map.of("authorityCode", ZHENGZHOU, "authorityName", "郑州市民政局"));
        return json.writeValueAsBytes(body);
    }

    void assertRefused(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:tongban:crossprovince:" + type);
    }

    void assertNothingStored(Message message) {
        assertThat(haikou.storedMessage(message.id)).isZero();
        assertThat(haikou.runtime().createProcessInstanceQuery().processInstanceBusinessKey(message.receiptNo)
                .count()).isZero();
    }

    List<String> subjectsTo(String address) {
        // both deployments run the test profile, whose mail outbox delivers only when asked
        for (Authority authority : List.of(zhengzhou, haikou)) {
            if (authority.context != null && authority.context.isActive()) {
                authority.context.getBean(MailOutbox.class).deliverDue();
            }
        }
        return Arrays.stream(TestInfrastructure.greenMail().getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(TwoAuthoritiesTest::subject).toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One signed message: its id and body; headers made fresh (or at a chosen skew) on each call. */
    final class Message {

        final String id = UUID.randomUUID().toString();
        final byte[] body;
        final String receiptNo;

        Message(byte[] body) throws IOException {
            this.body = body;
            this.receiptNo = json.readTree(body).path("receiptNo").asText();
        }

        String[] headers(String authority, String secret) {
            return headersAt(authority, secret, Duration.ZERO);
        }

        String[] headersAt(String authority, String secret, Duration skew) {
            String timestamp = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plus(skew).toString();
            return new String[] {"Content-Type", "application/json", Signatures.AUTHORITY, authority,
                    Signatures.MESSAGE_ID, id, Signatures.TIMESTAMP, timestamp,
                    Signatures.SIGNATURE, Signatures.sign(secret, timestamp, id, body)};
        }
    }

    /** One Tongban deployment: its context (started and stopped at will, same port and database), its API. */
    final class Authority {

        final String name;
        final int port;
        final String database;
        final Map<String, Object> properties;
        ConfigurableApplicationContext context;

        Authority(String name, int port, String database, Map<String, Object> properties) {
            this.name = name;
            this.port = port;
            this.database = database;
            this.properties = properties;
        }

        void start() {
            Map<String, Object> all = new HashMap<>(properties);
            all.put("server.port", port);
            all.put("spring.datasource.url", database);
            all.put("spring.datasource.username", "postgres");
            all.put("spring.datasource.password", "postgres");
            all.put("spring.mail.host", "127.0.0.1");
            all.put("spring.mail.port", TestInfrastructure.greenMail().getSmtp().getPort());
            // two engines in one JVM, besides the shared test context's "default": Camunda registers them by name
            all.put("camunda.bpm.process-engine-name", name);
            all.put("spring.jmx.enabled", false);
            // as command-line arguments, so they win over the profiles' files (the demo profile's H2 above all)
            String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            context = new SpringApplicationBuilder(TongbanApplication.class).profiles("demo", "test").run(arguments);
        }

        /** After a test that failed while this deployment was down. */
        void ensureStarted() {
            if (context == null) {
                start();
            }
        }

        void stop() {
            if (context != null) {
                context.close();
                context = null;
            }
        }

        RuntimeService runtime() {
            return context.getBean(RuntimeService.class);
        }

        TaskService tasks() {
            return context.getBean(TaskService.class);
        }

        ManagementService management() {
            return context.getBean(ManagementService.class);
        }

        HistoryService history() {
            return context.getBean(HistoryService.class);
        }

        String processOf(String receiptNo) {
            return runtime().createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).singleResult().getId();
        }

        void runJobs(String processInstanceId) {
            cn.tongban.testsupport.EngineTime.executeDueJobs(management(), processInstanceId);
        }

        void complete(String processInstanceId, String activityId, Map<String, Object> variables) {
            Task task = tasks().createTaskQuery().processInstanceId(processInstanceId).singleResult();
            assertThat(task).as(name + ": the open task of " + processInstanceId).isNotNull();
            assertThat(task.getTaskDefinitionKey()).isEqualTo(activityId);
            tasks().complete(task.getId(), variables);
        }

        List<String> inboundMessages(String receiptNo) {
            return context.getBean(JdbcClient.class)
                    .sql("SELECT kind FROM crossprovince_inbound_message WHERE receipt_no = :r ORDER BY received_at")
                    .param("r", receiptNo).query(String.class).list();
        }

        int storedMessage(String messageId) {
            return context.getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM crossprovince_inbound_message WHERE message_id = :m")
                    .param("m", messageId).query(Integer.class).single();
        }

        JsonNode deliveries(String state) throws IOException {
            HttpResponse<String> response = call("GET", "/api/crossprovince/deliveries?state=" + state, null,
                    TestBrowser.basic("supervisor", "demo"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }

        HttpResponse<String> inbound(String path, String[] headers, byte[] body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/crossprovince/inbound" + path))
                    .headers(headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return send(request);
        }

        /** A JSON call as a demo user; asserts the status unless it is 0. */
        JsonNode asUser(String user, String method, String path, Object body, int status) throws IOException {
            HttpResponse<String> response = call(method, path, body == null ? null : json.writeValueAsBytes(body),
                    TestBrowser.basic(user, "demo"));
            if (status != 0) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            }
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        }

        HttpResponse<String> upload(String user, String receiptNo, String materialCode, String fileName,
                                    byte[] content) {
            String boundary = "----tongban" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n"
                    + materialCode + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] multipart = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, multipart, 0, head.length);
            System.arraycopy(content, 0, multipart, head.length, content.length);
            System.arraycopy(tail, 0, multipart, head.length + content.length, tail.length);
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications/"
                            + receiptNo + "/attachments"))
                    .header("Authorization", TestBrowser.basic(user, "demo"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build());
        }

        HttpResponse<String> call(String method, String path, byte[] body, String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", authorization).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            return send(request.build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
