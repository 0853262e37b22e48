package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.identity.UserDirectory;
import cn.tongban.review.WorkbenchCases.Case;
import cn.tongban.testsupport.TongbanIntegrationTest;
import cn.tongban.testsupport.Together;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two reviewers acting on one task at the same moment, over HTTP: one wins, the other is told 409, and the case
 * moves on exactly once.
 */
@TongbanIntegrationTest
class ReviewerWorkbenchRaceTest {

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
    }

    @RepeatedTest(3)
    void twoReviewersClaimingTheSameTaskOneWinsTheOtherGetsAConflict() throws Exception {
        Case c = cases.allowance("jinshui");
        String path = "/api/tasks/" + cases.openTask(c).getId() + "/claim";

        List<ResponseEntity<JsonNode>> answers = Together.run(
                () -> cases.post("reviewer.jinshui", path, null),
                () -> cases.post(WorkbenchCases.COLLEAGUE, path, null));

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> won = answers.get(0).getStatusCode() == HttpStatus.OK ? answers.get(0)
                : answers.get(1);
        ResponseEntity<JsonNode> lost = won == answers.get(0) ? answers.get(1) : answers.get(0);
        String winner = won.getBody().get("assignee").asText();
        assertThat(winner).isIn("reviewer.jinshui", WorkbenchCases.COLLEAGUE);
        assertThat(cases.openTask(c).getAssignee()).isEqualTo(winner);
        assertThat(lost.getBody().get("status").asInt()).isEqualTo(409);
        assertThat(lost.getBody().get("reason").asText()).isIn("CLAIMED", "CHANGED");
    }

    @RepeatedTest(3)
    void completingTheSameTaskTwiceAtOnceCompletesItOnce() throws Exception {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        assertThat(cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String path = "/api/tasks/" + taskId + "/complete";
        Map<String, Object> accept = Map.of("variables", Map.of("acceptanceDecision", "ACCEPT"));

        List<ResponseEntity<JsonNode>> answers = Together.run(
                () -> cases.post("reviewer.jinshui", path, accept),
                () -> cases.post("reviewer.jinshui", path, accept));

        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(c.id()).list())
                .extracting(task -> task.getTaskDefinitionKey()).containsExactly("homeInvestigation");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(c.id())
                .activityId("acceptance").count()).isEqualTo(1);
    }

    @RepeatedTest(2)
    void aReviewerCannotCompleteATaskAColleagueHolds() throws Exception {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        cases.post(WorkbenchCases.COLLEAGUE, "/api/tasks/" + taskId + "/claim", null);

        ResponseEntity<JsonNode> answer = cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/complete",
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("reason").asText()).isEqualTo("CLAIMED");
        assertThat(answer.getBody().get("detail").asText()).contains(WorkbenchCases.COLLEAGUE);
        assertThat(cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/unclaim", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(cases.openTask(c).getAssignee()).isEqualTo(WorkbenchCases.COLLEAGUE);
    }
}
