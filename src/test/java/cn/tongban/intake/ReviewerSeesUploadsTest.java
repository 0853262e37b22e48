package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The materials an applicant uploaded, on the reviewer's task page and opened from there: listed with name, file
 * and size, served inline as what they are and never sniffed, logged as a view of the case, and closed to reviewers
 * of other districts and to applicants.
 */
@TongbanIntegrationTest
class ReviewerSeesUploadsTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theReviewerOfTheCaseSeesAndOpensTheUploadsAndNobodyElseDoes() {
        ApplicantClient zhangsan = new ApplicantClient(http, "zhangsan");
        String receiptNo = submit(zhangsan);
        String other = submit(zhangsan);
        ResponseEntity<JsonNode> stored = zhangsan.upload(receiptNo, "income-proof", "收入证明.pdf",
                "application/pdf", CaseLifecycleApiTest.PDF);
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long uploadId = stored.getBody().path("id").asLong();
        long otherUpload = zhangsan.upload(other, "income-proof", "other.pdf", "application/pdf",
                CaseLifecycleApiTest.PDF).getBody().path("id").asLong();
        String taskId = acceptanceTask(receiptNo);
        TestBrowser reviewer = signedIn("reviewer.jinshui");

        String page = reviewer.get("/tasks/" + taskId, "Accept", HTML).body();
        String uploads = page.substring(page.indexOf("id=\"uploads\""), page.indexOf("id=\"materials\""));
        String link = "/tasks/" + taskId + "/materials/" + uploadId;
        assertThat(uploads).contains("收入证明.pdf", "href=\"" + link + "\"",
                CaseLifecycleApiTest.PDF.length + " 字节");
        assertThat(uploads).containsPattern("<td>[^<]*收入[^<]*</td>");

        HttpResponse<String> opened = reviewer.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;")
                .contains("filename*=UTF-8''%E6%94%B6%E5%85%A5%E8%AF%81%E6%98%8E.pdf");
        assertThat(opened.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(opened.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(CaseLifecycleApiTest.PDF);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_case_view WHERE username = 'reviewer.jinshui'"
                        + " AND receipt_no = ? AND task_id = ? AND view_kind = 'MATERIAL'")
                .params(receiptNo, taskId).query(Integer.class).single()).isEqualTo(1);

        // another case's upload is not reached through this task
        assertThat(reviewer.get("/tasks/" + taskId + "/materials/" + otherUpload).statusCode()).isEqualTo(404);
        // a reviewer of another district, and the applicant, are refused
        assertThat(signedIn("reviewer.erqi").get(link).statusCode()).isEqualTo(403);
        assertThat(signedIn("zhangsan").get(link).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_case_view WHERE receipt_no = ? AND view_kind = 'MATERIAL'")
                .param(receiptNo).query(Integer.class).single()).isEqualTo(1);
    }

    private static String submit(ApplicantClient applicant) {
        ResponseEntity<JsonNode> response = applicant.submit(DIBAO, ApplicationData.dibao());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("receiptNo").asText();
    }

    private String acceptanceTask(String receiptNo) {
        String id = runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).singleResult().getId();
        EngineTime.executeDueJobs(management, id);
        return tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("acceptance").singleResult().getId();
    }

    private TestBrowser signedIn(String username) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.login(username, "demo").statusCode()).isEqualTo(302);
        return browser;
    }
}
