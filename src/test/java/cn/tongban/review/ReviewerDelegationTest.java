package cn.tongban.review;

import static cn.tongban.review.WorkbenchCases.fields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.identity.NewUser;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import cn.tongban.review.WorkbenchCases.Case;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import cn.tongban.testsupport.Together;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Handing a task over (转办) within its office and district: to whom, what the case history shows, what the
 * colleague can then do, and a hand-over that loses a race to a claim.
 */
@TongbanIntegrationTest
class ReviewerDelegationTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    /** A third Jinshui township reviewer, for a race between a hand-over and a claim. */
    private static final String THIRD = "third.jinshui";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    UserDirectory directory;

    WorkbenchCases cases;

    @BeforeEach
    void setUp() {
        cases = new WorkbenchCases(engine, http);
        WorkbenchCases.ensureColleague(directory);
        synchronized (WorkbenchCases.class) {
            if (directory.findUser(THIRD).isEmpty()) {
                directory.createUser(new NewUser(THIRD, "韩梅梅（金水区乡镇审核）", "third.jinshui@example.com", null,
                        Role.REVIEWER, "jinshui", List.of("township-jinshui")), "demo");
            }
        }
    }

    @Test
    void aReviewerHandsATaskToAColleagueWhoThenFinishesIt() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();

        ResponseEntity<JsonNode> handed = delegate("reviewer.jinshui", taskId, WorkbenchCases.COLLEAGUE);

        assertThat(handed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(handed.getBody().get("assignee").asText()).isEqualTo(WorkbenchCases.COLLEAGUE);
        assertThat(cases.openTask(c).getAssignee()).isEqualTo(WorkbenchCases.COLLEAGUE);
        List<Comment> comments = engine.getTaskService().getProcessInstanceComments(c.id());
        assertThat(comments).extracting(Comment::getUserId).contains("reviewer.jinshui");
        assertThat(comments).extracting(Comment::getFullMessage)
                .contains("转办给 李雷（金水区乡镇审核）（" + WorkbenchCases.COLLEAGUE + "）");
        JsonNode seen = cases.get(WorkbenchCases.COLLEAGUE, "/api/tasks/" + taskId).getBody();
        List<String> history = new ArrayList<>();
        seen.get("comments").forEach(comment -> history.add(comment.get("text").asText()));
        assertThat(history).anyMatch(text -> text.startsWith("转办给 李雷"));

        assertThat(cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/complete",
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT"))).getStatusCode())
                .as("no longer theirs").isEqualTo(HttpStatus.CONFLICT);
        assertThat(cases.post(WorkbenchCases.COLLEAGUE, "/api/tasks/" + taskId + "/complete",
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
                .getAssignee()).isEqualTo(WorkbenchCases.COLLEAGUE);
    }

    @Test
    void onlyAColleagueOfTheTasksOfficesInTheCasesDistrictCanTakeItOver() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();

        for (String outsider : List.of("reviewer.erqi", "county.jinshui", "supervisor", "zhangsan", "nobody.here",
                "reviewer.jinshui", "", "x".repeat(300))) {
            ResponseEntity<JsonNode> refused = delegate("reviewer.jinshui", taskId, outsider);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(refused)).as(outsider).containsExactly("userId");
        }
        ResponseEntity<JsonNode> named = delegate("reviewer.jinshui", taskId, "reviewer.erqi");
        assertThat(named.getBody().get("errors").get(0).get("message").asText()).contains("reviewer.erqi");
        assertThat(cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/delegate", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases.openTask(c).getAssignee()).isNull();

        assertThat(delegate("reviewer.erqi", taskId, "reviewer.erqi").getStatusCode())
                .as("another district's task").isEqualTo(HttpStatus.FORBIDDEN);
        cases.post(WorkbenchCases.COLLEAGUE, "/api/tasks/" + taskId + "/claim", null);
        ResponseEntity<JsonNode> held = delegate("reviewer.jinshui", taskId, THIRD);
        assertThat(held.getStatusCode()).as("held by a colleague").isEqualTo(HttpStatus.CONFLICT);
        assertThat(held.getBody().get("reason").asText()).isEqualTo("CLAIMED");
        assertThat(cases.openTask(c).getAssignee()).isEqualTo(WorkbenchCases.COLLEAGUE);
    }

    @RepeatedTest(3)
    void aHandOverAndAClaimAtTheSameMomentOneWinsTheOtherGetsAConflict() throws Exception {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();

        List<ResponseEntity<JsonNode>> answers = Together.run(
                () -> delegate("reviewer.jinshui", taskId, THIRD),
                () -> cases.post(WorkbenchCases.COLLEAGUE, "/api/tasks/" + taskId + "/claim", null));

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        String assignee = cases.openTask(c).getAssignee();
        if (answers.get(0).getStatusCode() == HttpStatus.OK) {
            assertThat(assignee).isEqualTo(THIRD);
        } else {
            assertThat(assignee).isEqualTo(WorkbenchCases.COLLEAGUE);
            assertThat(engine.getTaskService().getProcessInstanceComments(c.id())).extracting(Comment::getFullMessage)
                    .noneMatch(text -> text.startsWith("转办给"));
        }
    }

    @Test
    void theTaskPageOffersTheColleaguesAndHandsTheTaskOver() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        TestBrowser browser = new TestBrowser(port);
        browser.login("reviewer.jinshui", "demo");
        String page = browser.get("/tasks/" + taskId + "?service=minimum-living-allowance", "Accept", HTML).body();

        assertThat(page).contains("id=\"delegate\"", "转办", "value=\"" + WorkbenchCases.COLLEAGUE + "\"",
                "value=\"" + THIRD + "\"").doesNotContain("value=\"reviewer.jinshui\"", "value=\"reviewer.erqi\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", TestBrowser.csrfToken(page));
        form.put("_service", "minimum-living-allowance");
        form.put("userId", THIRD);

        HttpResponse<String> handed = browser.postForm("/tasks/" + taskId + "/delegate", form, "Accept", HTML);

        assertThat(handed.statusCode()).isEqualTo(302);
        assertThat(handed.headers().firstValue("Location").orElseThrow())
                .endsWith("/tasks?service=minimum-living-allowance");
        assertThat(cases.openTask(c).getAssignee()).isEqualTo(THIRD);
        assertThat(browser.get("/tasks?service=minimum-living-allowance", "Accept", HTML).body())
                .contains(c.receiptNo() + " 已转办给 韩梅梅（金水区乡镇审核）。");
    }

    private ResponseEntity<JsonNode> delegate(String user, String taskId, String userId) {
        return cases.post(user, "/api/tasks/" + taskId + "/delegate", Map.of("userId", userId));
    }
}
