package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationData.MARRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drafts of applications over real HTTP: saved without the required fields but not with foreign names or beyond
 * the limits, replaced on the next save, resumed into the form, deleted, gone once the application is submitted,
 * and seen by their applicant only.
 */
@TongbanIntegrationTest
class DraftsTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String DRAFT = "/api/applications/drafts/";
    private static final Pattern KEY = Pattern.compile("name=\"_idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    TestRestTemplate zhangsan;
    TestRestTemplate lisi;

    @BeforeEach
    void clean() {
        zhangsan = http.withBasicAuth("zhangsan", "demo");
        lisi = http.withBasicAuth("lisi", "demo");
        jdbc.sql("DELETE FROM application_draft WHERE applicant IN ('zhangsan', 'lisi')").update();
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aDraftIsSavedWithoutTheRequiredFieldsReadBackReplacedAndDeleted() {
        ResponseEntity<JsonNode> saved = put(zhangsan, DIBAO, Map.of("applicantName", "张三", "householdMembers", 3));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().get("serviceName").asText()).isEqualTo("最低生活保障");
        assertThat(saved.getBody().get("savedAt").asText()).matches(".*[+-]\\d{2}:\\d{2}$");
        JsonNode read = zhangsan.getForEntity(DRAFT + DIBAO, JsonNode.class).getBody();
        assertThat(read.get("data").get("applicantName").asText()).isEqualTo("张三");
        assertThat(read.get("data").get("householdMembers").asInt()).isEqualTo(3);

        put(zhangsan, DIBAO, Map.of("townshipOffice", "文化路街道"));
        JsonNode replaced = zhangsan.getForEntity(DRAFT + DIBAO, JsonNode.class).getBody();
        assertThat(replaced.get("data").has("applicantName")).isFalse();
        assertThat(replaced.get("data").get("townshipOffice").asText()).isEqualTo("文化路街道");
        assertThat(zhangsan.getForEntity("/api/applications/drafts", JsonNode.class).getBody()).hasSize(1);

        assertThat(zhangsan.exchange(DRAFT + DIBAO, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(zhangsan.getForEntity(DRAFT + DIBAO, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(zhangsan.exchange(DRAFT + DIBAO, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDraftHoldsOnlyTheFormsFieldsWithinTheirLimits() {
        ResponseEntity<JsonNode> foreign = put(zhangsan, DIBAO, Map.of("applicantName", "张三", "salary", 1));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody().get("errors").findValuesAsText("field")).containsExactly("data.salary");

        ResponseEntity<JsonNode> wrongType = put(zhangsan, DIBAO, Map.of("householdMembers", "three"));
        assertThat(wrongType.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("data.householdMembers");

        ResponseEntity<JsonNode> control = put(zhangsan, DIBAO, Map.of("applicantName", "张\u0007三"));
        assertThat(control.getBody().get("errors").findValuesAsText("field")).containsExactly("data.applicantName");

        ResponseEntity<JsonNode> tooLong = put(zhangsan, DIBAO, Map.of("applicantName", "张".repeat(5000)));
        assertThat(tooLong.getBody().get("errors").findValuesAsText("field")).containsExactly("data.applicantName");

        ResponseEntity<JsonNode> noData = put(zhangsan, DIBAO, null);
        assertThat(noData.getBody().get("errors").findValuesAsText("field")).containsExactly("data");

        assertThat(put(zhangsan, "passport", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application_draft WHERE applicant = 'zhangsan'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherApplicantNeitherSeesNorDeletesTheDraft() {
        put(zhangsan, DIBAO, Map.of("applicantName", "张三"));

        assertThat(lisi.getForEntity(DRAFT + DIBAO, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lisi.exchange(DRAFT + DIBAO, HttpMethod.DELETE, null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lisi.getForEntity("/api/applications/drafts", JsonNode.class).getBody()).isEmpty();
        assertThat(zhangsan.getForEntity(DRAFT + DIBAO, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void submittingTheApplicationDeletesTheDraftButARefusedSubmissionKeepsIt() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        put(zhangsan, DIBAO, Map.of("applicantName", "张三"));
        put(zhangsan, MARRIAGE, Map.of("partnerName", "陈静"));

        Map<String, Object> invalid = ApplicationData.dibao();
        invalid.put("applicantIdNumber", "410105198808081239");
        ResponseEntity<JsonNode> refused = submit(invalid);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(zhangsan.getForEntity(DRAFT + DIBAO, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(submit(ApplicationData.dibao()).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(zhangsan.getForEntity(DRAFT + DIBAO, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(zhangsan.getForEntity(DRAFT + MARRIAGE, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onThePageADraftIsSavedResumedListedAndGoneAfterSubmitting() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        TestBrowser browser = new TestBrowser(port);
        browser.login("zhangsan", "demo");
        String form = browser.get("/apply/" + DIBAO, "Accept", HTML).body();
        assertThat(form).contains("name=\"_draft\"", "保存草稿");
        Map<String, String> partial = new LinkedHashMap<>();
        partial.put("_csrf", TestBrowser.csrfToken(form));
        partial.put("_idempotencyKey", find(KEY, form));
        partial.put("_draft", "save");
        partial.put("applicantName", "张三丰");
        partial.put("townshipOffice", "文化路街道");

        HttpResponse<String> saved = browser.postForm("/apply/" + DIBAO, partial, "Accept", HTML);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/apply/" + DIBAO);
        String resumed = browser.get("/apply/" + DIBAO, "Accept", HTML).body();
        assertThat(resumed).contains("草稿已保存", "正在继续填写", "value=\"张三丰\"", "value=\"文化路街道\"")
                .doesNotContain("is-invalid");
        String list = browser.get("/applications", "Accept", HTML).body();
        assertThat(list).contains("草稿", "最低生活保障", "href=\"/apply/" + DIBAO + "\"", "继续填写");

        Map<String, String> foreign = new LinkedHashMap<>(partial);
        foreign.put("_csrf", TestBrowser.csrfToken(resumed));
        foreign.put("householdMembers", "many");
        HttpResponse<String> refused = browser.postForm("/apply/" + DIBAO, foreign, "Accept", HTML);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("is-invalid", "value=\"many\"");

        Map<String, String> complete = new LinkedHashMap<>();
        complete.put("_csrf", TestBrowser.csrfToken(resumed));
        complete.put("_idempotencyKey", find(KEY, resumed));
        ApplicationData.dibao().forEach((name, value) -> {
            if (!(value instanceof Boolean)) {
                complete.put(name, String.valueOf(value));
            }
        });
        HttpResponse<String> submitted = browser.postForm("/apply/" + DIBAO, complete, "Accept", HTML);
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/applications", "Accept", HTML).body()).doesNotContain("继续填写");
        assertThat(browser.get("/apply/" + DIBAO, "Accept", HTML).body()).doesNotContain("正在继续填写");
    }

    @Test
    void aDraftIsDeletedFromMyApplications() {
        put(zhangsan, DIBAO, Map.of("applicantName", "张三"));
        TestBrowser browser = new TestBrowser(port);
        browser.login("zhangsan", "demo");
        String list = browser.get("/applications", "Accept", HTML).body();
        assertThat(list).contains("action=\"/applications/drafts/" + DIBAO + "/delete\"");

        HttpResponse<String> deleted = browser.postForm("/applications/drafts/" + DIBAO + "/delete",
                Map.of("_csrf", TestBrowser.csrfToken(list)), "Accept", HTML);

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/applications", "Accept", HTML).body()).contains("草稿已删除")
                .doesNotContain("继续填写");
        assertThat(browser.postForm("/applications/drafts/" + DIBAO + "/delete",
                Map.of("_csrf", TestBrowser.csrfToken(list)), "Accept", HTML).statusCode()).isEqualTo(404);
    }

    // ---- helpers

    private static ResponseEntity<JsonNode> put(TestRestTemplate as, String serviceCode, Map<String, Object> data) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        return as.exchange(DRAFT + serviceCode, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> submit(Map<String, Object> data) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return zhangsan.exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(Map.of("serviceCode", DIBAO, "data", data), headers), JsonNode.class);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s on the page", pattern).isTrue();
        return matcher.group(1);
    }
}
