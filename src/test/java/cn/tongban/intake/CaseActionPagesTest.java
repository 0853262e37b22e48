package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationData.DISABILITY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Actions on the case page refused for their input show the error beside the field with what was typed kept, and
 * confirm on screen once they are done.
 */
@TongbanIntegrationTest
class CaseActionPagesTest {

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

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aRefusedCorrectionAnswerIsShownBesideTheFieldWithTheTextKept() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String receiptNo = submit(DIBAO, ApplicationData.dibao());
        String id = processInstanceOf(receiptNo);
        EngineTime.executeDueJobs(management, id);
        complete(id, "acceptance", Map.of("acceptanceDecision", "REQUEST_CORRECTION",
                "correctionItems", "1. 户口簿\n2. 租房合同"));
        EngineTime.executeDueJobs(management, id);
        TestBrowser browser = signedIn();
        String page = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        // items a reviewer numbered by hand are numbered once, by the list
        assertThat(page).containsPattern("<ol>\\s*<li>户口簿</li>\\s*<li>租房合同</li>\\s*</ol>");

        browser.postForm("/applications/" + receiptNo + "/corrections",
                Map.of("_csrf", TestBrowser.csrfToken(page), "answer", "已补交户口簿\u0007"));

        String refused = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(errorBeside(refused, "answer")).contains("控制字符");
        assertThat(refused).contains(">已补交户口簿\u0007</textarea>");

        browser.postForm("/applications/" + receiptNo + "/corrections",
                Map.of("_csrf", TestBrowser.csrfToken(page), "answer", "已补交户口簿"));
        String answered = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(answered).contains("补正已提交");
        assertThat(errorBeside(answered, "answer")).isNull();
    }

    @Test
    void aRefusedRatingKeepsTheGradeAndTheCommentAndAGoodOneIsConfirmed() {
        EngineTime.set("2025-09-30T10:00:00+08:00");
        String receiptNo = submit(DISABILITY, ApplicationData.disability());
        decide(processInstanceOf(receiptNo));
        TestBrowser browser = signedIn();
        String page = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        String comment = "办理很快".repeat(130);

        browser.postForm("/applications/" + receiptNo + "/rating",
                Map.of("_csrf", TestBrowser.csrfToken(page), "grade", "4", "comment", comment));

        String refused = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(errorBeside(refused, "comment")).contains("500");
        assertThat(refused).contains(">" + comment + "</textarea>");
        assertThat(refused).containsPattern("value=\"4\"[^>]*id=\"grade-4\"[^>]*checked");

        browser.postForm("/applications/" + receiptNo + "/rating",
                Map.of("_csrf", TestBrowser.csrfToken(page), "grade", "4", "comment", "办理很快"));
        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body()).contains("感谢您的评价");
    }

    private TestBrowser signedIn() {
        TestBrowser browser = new TestBrowser(port);
        browser.login("zhangsan", "demo");
        return browser;
    }

    private String submit(String service, Map<String, Object> data) {
        ResponseEntity<JsonNode> response = new ApplicantClient(http, "zhangsan").submit(service, data);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("receiptNo").asText();
    }

    private void decide(String id) {
        EngineTime.executeDueJobs(management, id);
        complete(id, "acceptance", Map.of("acceptanceOutcome", "accept"));
        complete(id, "townshipReview", Map.of("townshipOpinion", "经入户核实，情况属实"));
        Map<String, Object> federation = new HashMap<>();
        federation.put("holdsValidDisabilityCertificate", true);
        federation.put("disabilityGrade", 1);
        federation.put("disabilityCategory", "physical");
        federation.put("federationOpinion", "残疾人证有效，等级核验无误");
        complete(id, "federationReview", federation);
        complete(id, "civilAffairsDecision", Map.of("livingSubsidyOutcome", "approved",
                "careSubsidyOutcome", "approved"));
        EngineTime.executeDueJobs(management, id);
    }

    private void complete(String processInstanceId, String step, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }

    private String processInstanceOf(String receiptNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).singleResult().getId();
    }

    private static String errorBeside(String page, String field) {
        Matcher error = Pattern.compile("id=\"" + field + "-error\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(page);
        return error.find() ? error.group(1) : null;
    }
}
