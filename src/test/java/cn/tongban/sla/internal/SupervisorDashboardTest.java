package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.identity.NewUser;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import cn.tongban.sla.AllowanceCases;
import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisor's dashboard, case page, urge and reassign, exports and daily digest, on PostgreSQL and GreenMail:
 * three 低保 cases of 上街区 in February and March 2025 (a district no other test uses, so the figures are exact), read at
 * 2025-03-10 10:00. A closed on time; B is overdue at its home investigation, claimed by reviewer A; C waits for
 * acceptance.
 */
@TongbanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisorDashboardTest {

    private static final String DISTRICT = "shangjie";
    private static final String SUPERVISOR = "supervisor.shangjie";
    private static final String REVIEWER_A = "reviewer.shangjie.a";
    private static final String REVIEWER_B = "reviewer.shangjie.b";
    private static final String COUNTY = "county.shangjie";
    private static final String READING_TIME = "2025-03-10T10:00:00+08:00";
    /** Other tests book marriage appointments in 上街区: the figures here are of 低保 alone. */
    private static final String SERVICE = "service=minimum-living-allowance";
    private static final String PERIOD = SERVICE + "&district=" + DISTRICT + "&from=2025-03-01&to=2025-03-31";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory users;
    @Autowired
    SlaDigest digest;

    AllowanceCases cases;
    TestBrowser api;
    Case closed;
    Case overdue;
    Case waiting;

    @BeforeAll
    void threeCasesInShangjie() {
        cases = new AllowanceCases(runtime, tasks, management, jdbc);
        api = new TestBrowser(port);
        user(SUPERVISOR, "上街区督办", Role.SUPERVISOR, "supervisor-" + DISTRICT);
        user(REVIEWER_A, "上街区审核甲", Role.REVIEWER, "township-" + DISTRICT);
        user(REVIEWER_B, "上街区审核乙", Role.REVIEWER, "township-" + DISTRICT);
        user(COUNTY, "上街区民政局", Role.REVIEWER, "county-" + DISTRICT);

        closed = cases.applyAt("2025-02-28T09:00:00+08:00", DISTRICT);
        cases.accept(closed);
        cases.investigate(closed);
        cases.reviewInTownship(closed);
        overdue = cases.applyAt("2025-03-03T09:00:00+08:00", DISTRICT);
        cases.accept(overdue);
        tasks.claim(cases.task(overdue, "homeInvestigation").getId(), REVIEWER_A);
        waiting = cases.applyAt("2025-03-10T09:00:00+08:00", DISTRICT);

        EngineTime.set(READING_TIME);
        cases.runJobs(closed);
        cases.confirmInCounty(closed);
        cases.runJobs(overdue);
    }

    @AfterEach
    void keepTheClockAtTheReadingTime() {
        EngineTime.set(READING_TIME);
    }

    @AfterAll
    void resetClock() {
        EngineTime.reset();
    }

    // ---- dashboard

    @Test
    void theDashboardShowsASupervisorTheFiguresOfTheSummaryInChinese() throws Exception {
        JsonNode summary = ok(api.get("/api/sla/summary?" + PERIOD, auth(SUPERVISOR)));
        assertThat(summary.path("cases").path("closed").asInt()).isEqualTo(1);
        assertThat(summary.path("cases").path("open").path("total").asInt()).isEqualTo(2);
        assertThat(summary.path("cases").path("breaches").asInt()).isEqualTo(1);

        TestBrowser browser = signedIn(SUPERVISOR);
        // no period given: the current month of the engine's clock, March 2025
        HttpResponse<String> page = browser.get("/sla/dashboard?" + SERVICE + "&district=" + DISTRICT);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("办理时限督办看板", "按时办结率", "在办案件时限状态", "超期记录", "导出 Excel",
                "value=\"2025-03-01\"", "value=\"2025-03-31\"", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(figure(html, "kpi-on-time-rate")).isEqualTo("100.0%");
        assertThat(figure(html, "kpi-open")).isEqualTo(summary.path("cases").path("open").path("total").asText());
        assertThat(figure(html, "kpi-breaches")).isEqualTo(summary.path("cases").path("breaches").asText());
        // every case of the period is a 30-working-day one: neither 即办 nor ≤3 days
        assertThat(figure(html, "kpi-immediate")).isEqualTo("0.0%");
        assertThat(html).contains(overdue.receiptNo(), "入户调查");

        JsonNode charts = json.readTree(chartData(html));
        assertThat(charts.path("open").get(0).asInt())
                .isEqualTo(summary.path("cases").path("open").path("onTrack").asInt());
        assertThat(charts.path("byService").get(0).path("rate").asDouble()).isEqualTo(100.0);
        assertThat(charts.path("trend")).hasSize(31);
        assertThat(charts.path("trend").get(9).path("breaches").asInt()).isEqualTo(1);

        assertThat(browser.get("/sla/dashboard?district=" + DISTRICT + "&lang=en").body())
                .contains("Service deadline dashboard", "On-time rate");
        browser.get("/sla/dashboard?lang=zh_CN");
        assertThat(browser.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void badFiltersAreNamedOnThePageAndTheOthersApply() {
        HttpResponse<String> page = signedIn(SUPERVISOR).get("/sla/dashboard?" + SERVICE
                + "&district=no-such-district&from=March&page=-1");

        assertThat(page.statusCode()).isEqualTo(200);
        // the district falls back to the ones the supervisor sees: 上街区 alone
        assertThat(page.body()).contains("filter-problems", "no-such-district", "from: ", "page: ");
        assertThat(figure(page.body(), "kpi-open")).isEqualTo("2");
        // a district the supervisor does not supervise
        assertThat(signedIn(SUPERVISOR).get("/sla/dashboard?district=jinshui").statusCode()).isEqualTo(403);
    }

    @Test
    void reviewersAndApplicantsGetNoDashboard() {
        for (String user : List.of("reviewer.jinshui", "zhangsan")) {
            TestBrowser browser = signedIn(user);
            assertThat(browser.get("/sla/dashboard").statusCode()).as(user).isEqualTo(403);
            assertThat(browser.get("/sla/cases/" + overdue.receiptNo()).statusCode()).as(user).isEqualTo(403);
            assertThat(api.get("/api/sla/exports/breaches.csv", auth(user)).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(signedIn("admin").get("/sla/dashboard?district=" + DISTRICT).statusCode()).isEqualTo(200);
    }

    @Test
    void theCasePageShowsStepsBreachesAndHistory() {
        HttpResponse<String> page = signedIn(SUPERVISOR).get("/sla/cases/" + overdue.receiptNo());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("环节与期限", "入户调查", "2025-03-06 17:30", "流程历史", "受理",
                "/sla/steps/" + cases.task(overdue, "homeInvestigation").getId() + "/urge");
        assertThat(signedIn(SUPERVISOR).get("/sla/cases/DB-NO-SUCH-CASE").statusCode()).isEqualTo(404);
    }

    // ---- urge and reassign

    @Test
    void anUrgeIsRecordedOnceAndMailedToTheAssignee() throws Exception {
        String taskId = cases.task(overdue, "homeInvestigation").getId();
        String subject = "督办通知：请尽快办理申请 " + overdue.receiptNo();
        int mailsBefore = AllowanceCases.mails(REVIEWER_A + "@example.com", subject).size();

        HttpResponse<String> urged = api.send(api.request("/api/sla/steps/" + taskId + "/urge")
                .header("Authorization", TestBrowser.basic(SUPERVISOR, "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"请今天完成入户调查\"}")));

        assertThat(urged.statusCode()).isEqualTo(201);
        JsonNode action = json.readTree(urged.body());
        assertThat(action.path("kind").asText()).isEqualTo("URGE");
        assertThat(action.path("recipient").asText()).isEqualTo(REVIEWER_A);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_action WHERE task_id = ? AND kind = 'URGE'").param(taskId)
                .query(Long.class).single()).isEqualTo(1);
        List<MimeMessage> mails = AllowanceCases.mails(REVIEWER_A + "@example.com", subject);
        assertThat(mails).hasSize(mailsBefore + 1);
        assertThat(mails.get(mails.size() - 1).getContent().toString()).contains("请今天完成入户调查", "上街区督办");

        JsonNode breaches = ok(api.get("/api/sla/breaches?" + PERIOD, auth(SUPERVISOR)));
        assertThat(breaches.path("items")).singleElement().satisfies(b -> {
            assertThat(b.path("urges").asInt()).isEqualTo(1);
            assertThat(b.path("stepOpen").asBoolean()).isTrue();
        });
        assertThat(signedIn(SUPERVISOR).get("/sla/cases/" + overdue.receiptNo()).body())
                .contains("请今天完成入户调查", "督办记录");
    }

    @Test
    void anUrgeAnswersForWhatIsWrong() throws Exception {
        String open = cases.task(overdue, "homeInvestigation").getId();
        String done = jdbc.sql("SELECT task_id FROM sla_step WHERE process_instance_id = ? AND step_id = 'acceptance'")
                .param(closed.id()).query(String.class).single();
        assertThat(urge("no-such-task", SUPERVISOR, "{}").statusCode()).isEqualTo(404);
        assertThat(urge(done, SUPERVISOR, "{}").statusCode()).isEqualTo(409);
        assertThat(urge(open, "reviewer.jinshui", "{}").statusCode()).isEqualTo(403);
        user("supervisor.zhongyuan.only", "中原区督办", Role.SUPERVISOR, "supervisor-zhongyuan");
        assertThat(urge(open, "supervisor.zhongyuan.only", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = urge(open, SUPERVISOR, "{\"message\":\"" + "催".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(tooLong.body()).path("errors").get(0).path("field").asText()).isEqualTo("message");
    }

    @Test
    void aReassignmentIsCheckedThenMovesTheTask() throws Exception {
        String taskId = cases.task(waiting, "acceptance").getId();
        assertThat(field(reassign(taskId, "{}"))).isEqualTo("assignee");
        assertThat(field(reassign(taskId, "{\"assignee\":\"nobody.here\"}"))).isEqualTo("assignee");
        // a reviewer of the district, but not of the step's group
        assertThat(field(reassign(taskId, "{\"assignee\":\"" + COUNTY + "\"}"))).isEqualTo("assignee");
        assertThat(field(reassign(taskId, "{\"assignee\":\"reviewer.jinshui\"}"))).isEqualTo("assignee");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        HttpResponse<String> moved = reassign(taskId, "{\"assignee\":\"" + REVIEWER_B + "\"}");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(moved.body()).path("kind").asText()).isEqualTo("REASSIGN");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(REVIEWER_B);
        assertThat(jdbc.sql("SELECT assignee FROM sla_step WHERE task_id = ?").param(taskId).query(String.class)
                .single()).isEqualTo(REVIEWER_B);
        assertThat(jdbc.sql("SELECT recipient FROM sla_action WHERE task_id = ? AND kind = 'REASSIGN'")
                .param(taskId).query(String.class).list()).containsExactly(REVIEWER_B);
        assertThat(field(reassign(taskId, "{\"assignee\":\"" + REVIEWER_B + "\"}"))).isEqualTo("assignee");
    }

    @Test
    void theCasePageFormsNeedTheTokenAndConfirmWhatWasDone() {
        TestBrowser browser = signedIn(SUPERVISOR);
        String page = browser.get("/sla/cases/" + waiting.receiptNo()).body();
        String taskId = cases.task(waiting, "acceptance").getId();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receiptNo", waiting.receiptNo());
        form.put("message", "请尽快受理");
        assertThat(browser.postForm("/sla/steps/" + taskId + "/urge", form).statusCode()).isEqualTo(403);

        form.put("_csrf", TestBrowser.csrfToken(page));
        HttpResponse<String> posted = browser.postForm("/sla/steps/" + taskId + "/urge", form);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/sla/cases/" + waiting.receiptNo()));
        String after = browser.get("/sla/cases/" + waiting.receiptNo()).body();
        assertThat(after).contains("flash-success", "已就“受理”发出督办通知", "请尽快受理");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("receiptNo", waiting.receiptNo());
        bad.put("assignee", "nobody.here");
        bad.put("_csrf", TestBrowser.csrfToken(after));
        assertThat(browser.postForm("/sla/steps/" + taskId + "/reassign", bad).statusCode()).isEqualTo(302);
        assertThat(browser.get("/sla/cases/" + waiting.receiptNo()).body()).contains("flash-problem", "nobody.here");
    }

    // ---- exports

    @Test
    void theExportsHoldTheFiguresOfTheApi() throws Exception {
        JsonNode summary = ok(api.get("/api/sla/summary?" + PERIOD, auth(SUPERVISOR)));
        JsonNode service = summary.path("byService").get(0);

        HttpResponse<byte[]> xlsx = download("/api/sla/exports/on-time-by-service.xlsx?" + PERIOD);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("sla-on-time-by-service_2025-03-01_2025-03-31.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项代码");
            assertThat(sheet.getLastRowNum()).isEqualTo(summary.path("byService").size());
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(service.path("service").asText());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("最低生活保障");
            assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(service.path("closed").asLong());
            assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(service.path("closedOnTime").asLong());
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(service.path("onTimeRate").asDouble());
            assertThat((long) row.getCell(5).getNumericCellValue()).isEqualTo(service.path("open").path("total").asLong());
            assertThat((long) row.getCell(6).getNumericCellValue()).isEqualTo(service.path("breaches").asLong());
        }

        HttpResponse<byte[]> open = download("/api/sla/exports/open-by-state.csv?" + PERIOD);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(Arrays.copyOf(open.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csv(open.body());
        assertThat(rows.get(0)).containsExactly("区代码", "区", "在办", "正常", "即将到期", "已超期", "停止计时");
        JsonNode counts = summary.path("byDistrict").get(0).path("open");
        assertThat(rows.get(1)).containsExactly(DISTRICT, "上街区", counts.path("total").asText(),
                counts.path("onTrack").asText(), counts.path("dueSoon").asText(), counts.path("overdue").asText(),
                counts.path("clockStopped").asText());

        JsonNode breach = ok(api.get("/api/sla/breaches?" + PERIOD, auth(SUPERVISOR))).path("items").get(0);
        List<List<String>> breaches = csv(download("/api/sla/exports/breaches.csv?" + PERIOD).body());
        assertThat(breaches).hasSize(2);
        assertThat(breaches.get(1)).startsWith(overdue.receiptNo(), "最低生活保障", "homeInvestigation", "入户调查",
                "上街区", REVIEWER_A);
        assertThat(OffsetDateTime.parse(breaches.get(1).get(6)))
                .isEqualTo(OffsetDateTime.parse(breach.path("deadline").asText()));

        try (XSSFWorkbook steps = new XSSFWorkbook(new ByteArrayInputStream(
                download("/api/sla/exports/on-time-by-step.xlsx?" + PERIOD).body()))) {
            assertThat(steps.getSheetAt(0).getLastRowNum()).isEqualTo(summary.path("bySteps").size());
        }
        assertThat(download("/api/sla/exports/everything.csv").statusCode()).isEqualTo(404);
        assertThat(download("/api/sla/exports/breaches.pdf").statusCode()).isEqualTo(404);
        assertThat(download("/api/sla/exports/breaches.csv?from=March").statusCode()).isEqualTo(400);
    }

    // ---- digest

    @Test
    void theDigestGoesOutOncePerDistrictAndDayWhateverTheNodes() throws Exception {
        String subject = "督办日报：上街区 2025-03-11";
        LocalDate day = LocalDate.parse("2025-03-11");
        EngineTime.set("2025-03-11T08:30:00+08:00");
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            Callable<List<String>> run = () -> digest.send(day, OffsetDateTime.parse("2025-03-11T08:30:00+08:00")
                    .toInstant());
            List<Future<List<String>>> runs = nodes.invokeAll(List.of(run, run, run));
            long sentShangjie = 0;
            for (Future<List<String>> result : runs) {
                sentShangjie += result.get().stream().filter(DISTRICT::equals).count();
            }
            assertThat(sentShangjie).isEqualTo(1);
        } finally {
            nodes.shutdown();
        }
        assertThat(digest.send(day, OffsetDateTime.parse("2025-03-11T09:00:00+08:00").toInstant()))
                .doesNotContain(DISTRICT);

        List<MimeMessage> mails = AllowanceCases.mails(SUPERVISOR + "@example.com", subject);
        assertThat(mails).hasSize(1);
        // B's breach was recorded on the previous working day, 2025-03-10
        assertThat(mails.get(0).getContent().toString()).contains(overdue.receiptNo(), "入户调查");
        assertThat(AllowanceCases.mails("supervisor@example.com", subject)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_digest WHERE digest_date = ? AND district = ?")
                .param(day).param(DISTRICT).query(Long.class).single()).isEqualTo(1);

        // the schedule sends nothing on a weekend
        EngineTime.set("2025-03-15T08:30:00+08:00");
        digest.onSchedule();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_digest WHERE digest_date = ?").param(LocalDate.parse("2025-03-15"))
                .query(Long.class).single()).isZero();
    }

    // ---- helpers

    private void user(String username, String name, Role role, String group) {
        if (users.findUser(username).isEmpty()) {
            users.createUser(new NewUser(username, name, username + "@example.com", null, role, DISTRICT,
                    List.of(group)), "demo");
        }
    }

    private static String[] auth(String user) {
        return new String[] {"Authorization", TestBrowser.basic(user, "demo")};
    }

    private TestBrowser signedIn(String user) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.login(user, "demo").statusCode()).isEqualTo(302);
        return browser;
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> urge(String taskId, String user, String body) {
        return api.send(api.request("/api/sla/steps/" + taskId + "/urge")
                .header("Authorization", TestBrowser.basic(user, "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> reassign(String taskId, String body) {
        return api.send(api.request("/api/sla/steps/" + taskId + "/reassign")
                .header("Authorization", TestBrowser.basic(SUPERVISOR, "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String field(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json.readTree(response.body()).path("errors").get(0).path("field").asText();
    }

    private HttpResponse<byte[]> download(String path) {
        try {
            return HttpClient.newHttpClient().send(api.request(path)
                    .header("Authorization", TestBrowser.basic(SUPERVISOR, "demo")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String figure(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }

    private static String chartData(String html) {
        Matcher m = Pattern.compile("<script id=\"sla-chart-data\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** An RFC 4180 reader for the test: quoted fields with doubled quotes, CRLF between records, BOM skipped. */
    static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
