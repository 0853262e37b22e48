package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The applicant's pages in a browser-like client over real HTTP: the guide, the apply flow with its errors beside
 * the fields, the receipt, my applications, uploading a material and withdrawing with a confirmation step.
 */
@TongbanIntegrationTest
class ApplicantPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern KEY = Pattern.compile("name=\"_idempotencyKey\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("/applications/(DB-\\d{8}-\\d{4})/receipt");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    TestBrowser browser;

    @BeforeEach
    void signIn() {
        browser = new TestBrowser(port);
        assertThat(browser.login("zhangsan", "demo").statusCode()).isEqualTo(302);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theServiceGuideIsOpenToEveryone() {
        TestBrowser anonymous = new TestBrowser(port);

        HttpResponse<String> guide = anonymous.get("/services/" + DIBAO, "Accept", HTML);

        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.body()).contains("最低生活保障", "户口簿", "视情况提供", "必须提供", "30 个工作日", "入户调查",
                "href=\"/apply/" + DIBAO + "\"");
        assertThat(anonymous.get("/services", "Accept", HTML).body()).contains("残疾人两项补贴", "婚姻登记跨省通办");
        assertThat(anonymous.get("/services/passport", "Accept", HTML).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/services/" + DIBAO + "?lang=en", "Accept", HTML).body())
                .contains("Minimum living allowance", "Household register", "within 30 working days");
    }

    @Test
    void anApplicationWithAMistakeShowsItBesideTheFieldKeepsTheValuesAndThenGivesAReceipt() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        HttpResponse<String> form = browser.get("/apply/" + DIBAO, "Accept", HTML);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("申请：最低生活保障", "name=\"applicantIdNumber\"", "value=\"张三\"");
        String key = find(KEY, form.body());

        Map<String, String> post = filledIn(TestBrowser.csrfToken(form.body()), key);
        post.put("applicantIdNumber", "410105198808081239");
        HttpResponse<String> refused = browser.postForm("/apply/" + DIBAO, post, "Accept", HTML);

        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(errorBeside(body, "applicantIdNumber")).contains("校验码不符");
        assertThat(body).contains("value=\"410105198808081239\"", "value=\"文化路街道\"", "is-invalid");
        assertThat(errorBeside(body, "townshipOffice")).isNull();

        post.put("applicantIdNumber", "410105198808081238");
        post.put("_csrf", TestBrowser.csrfToken(body));
        HttpResponse<String> accepted = browser.postForm("/apply/" + DIBAO, post, "Accept", HTML);

        assertThat(accepted.statusCode()).isEqualTo(302);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String receiptNo = find(RECEIPT, location);
        HttpResponse<String> receipt = browser.get(path(location), "Accept", HTML);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains("受理回执", receiptNo, "2023-03-08 17:30", "zhangsan@example.com");

        HttpResponse<String> doubleClick = browser.postForm("/apply/" + DIBAO, post, "Accept", HTML);
        assertThat(doubleClick.headers().firstValue("Location")).hasValueSatisfying(again ->
                assertThat(path(again)).isEqualTo(path(location)));

        assertThat(browser.get("/applications", "Accept", HTML).body()).contains(receiptNo, "已提交", "正常");
        HttpResponse<String> detail = browser.get("/applications/" + receiptNo, "Accept", HTML);
        assertThat(detail.body()).contains("办理进程", "在线提交申请", "撤回申请");
        assertThat(browser.get("/applications/" + receiptNo + "?lang=en", "Accept", HTML).body())
                .contains("Progress", "Submitted", "Withdraw the application");
    }

    @Test
    void aMaterialIsUploadedFromTheApplicationsPageAndTheApplicationIsWithdrawnAfterConfirming() {
        String receiptNo = applyThroughThePage();
        String page = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        Matcher action = Pattern.compile("action=\"(/applications/" + receiptNo + "/attachments\\?_csrf=[^\"]+)\"")
                .matcher(page);
        assertThat(action.find()).isTrue();

        HttpResponse<String> uploaded = upload(HtmlUtils.htmlUnescape(action.group(1)), "income-proof", "income.pdf",
                CaseLifecycleApiTest.PDF);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body())
                .contains("材料已上传", "income.pdf", "家庭成员收入证明");

        HttpResponse<String> confirm = browser.get("/applications/" + receiptNo + "/withdrawal", "Accept", HTML);
        assertThat(confirm.body()).contains("确定撤回", receiptNo);
        Map<String, String> post = Map.of("_csrf", TestBrowser.csrfToken(confirm.body()));
        HttpResponse<String> withdrawn = browser.postForm("/applications/" + receiptNo + "/withdrawal", post);
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body())
                .contains("申请已撤回", "已撤回").doesNotContain("href=\"/applications/" + receiptNo + "/withdrawal\"");

        HttpResponse<String> again = browser.postForm("/applications/" + receiptNo + "/withdrawal", post);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body()).contains("不能撤回");
    }

    @Test
    void aCorrectionNoticeIsAnsweredFromTheApplicationsPage() {
        String receiptNo = applyThroughThePage();
        ReviewSteps reviewers = new ReviewSteps(engine);
        String id = reviewers.processInstanceOf(receiptNo);
        reviewers.requestCorrection(id, "户口簿\n家庭成员收入证明");

        String page = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(page).contains("一次性告知", "<li>户口簿</li>", "<li>家庭成员收入证明</li>", "待补正");
        Map<String, String> empty = Map.of("_csrf", TestBrowser.csrfToken(page), "answer", " ");
        browser.postForm("/applications/" + receiptNo + "/corrections", empty);
        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body()).contains("请填写补正说明");

        Map<String, String> answer = Map.of("_csrf", TestBrowser.csrfToken(page), "answer", "已补交户口簿和收入证明");
        assertThat(browser.postForm("/applications/" + receiptNo + "/corrections", answer).statusCode()).isEqualTo(302);

        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body())
                .contains("补正已提交", "审核中").doesNotContain("id=\"correction-notice\"");
        assertThat(runtime.getVariable(id, "correctionAnswer")).isEqualTo("已补交户口簿和收入证明");
    }

    @Test
    void anotherApplicantsApplicationIsNotFound() {
        String receiptNo = applyThroughThePage();
        TestBrowser lisi = new TestBrowser(port);
        lisi.login("lisi", "demo");

        assertThat(lisi.get("/applications/" + receiptNo, "Accept", HTML).statusCode()).isEqualTo(404);
        assertThat(lisi.get("/applications/" + receiptNo + "/receipt", "Accept", HTML).statusCode()).isEqualTo(404);
        assertThat(lisi.get("/applications", "Accept", HTML).body()).doesNotContain(receiptNo);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        Map<String, String> post = filledIn("not-the-token", UUID.randomUUID().toString());
        assertThat(browser.postForm("/apply/" + DIBAO, post, "Accept", HTML).statusCode()).isEqualTo(403);
    }

    // ---- helpers

    private String applyThroughThePage() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String form = browser.get("/apply/" + DIBAO, "Accept", HTML).body();
        HttpResponse<String> accepted = browser.postForm("/apply/" + DIBAO,
                filledIn(TestBrowser.csrfToken(form), find(KEY, form)), "Accept", HTML);
        assertThat(accepted.statusCode()).isEqualTo(302);
        return find(RECEIPT, accepted.headers().firstValue("Location").orElseThrow());
    }

    /** What a browser posts for the 低保 form filled in as in {@link ApplicationData#dibao()}. */
    private static Map<String, String> filledIn(String csrfToken, String idempotencyKey) {
        Map<String, String> post = new LinkedHashMap<>();
        post.put("_csrf", csrfToken);
        post.put("_idempotencyKey", idempotencyKey);
        ApplicationData.dibao().forEach((name, value) -> {
            if (value instanceof Boolean ticked) {
                if (ticked) {
                    post.put(name, "true");
                }
            } else {
                post.put(name, String.valueOf(value));
            }
        });
        return post;
    }

    /** The error text shown at a field of the 低保 form, or null when it shows none. */
    private static String errorBeside(String page, String field) {
        Matcher error = Pattern.compile("id=\"f-dibao-application-" + field + "-error\">(.*?)</div>", Pattern.DOTALL)
                .matcher(page);
        return error.find() ? error.group(1) : null;
    }

    private HttpResponse<String> upload(String action, String materialCode, String fileName, byte[] content) {
        String boundary = "----tongban" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n"
                + materialCode + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(browser.request(action)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text.length() > 300 ? "the page" : text).isTrue();
        return matcher.group(1);
    }
}
