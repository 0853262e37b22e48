package cn.tongban.review;

import static cn.tongban.review.WorkbenchCases.fields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.review.WorkbenchCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workbench's HTTP API on the real engine and database, as the reviewers of the demo use it: who sees which
 * task, the order and SLA state of the list, completing against the task's form, the model's own checks, the
 * one-time correction notice, the case-view log.
 */
@TongbanIntegrationTest
class ReviewerWorkbenchApiTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Set<String> COUNTY_STEPS = Set.of("countyConfirmation", "civilAffairsDecision");

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    WorkbenchCases cases;

    @BeforeEach
    void cases() {
        cases = new WorkbenchCases(engine, http);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aReviewerSeesTheTasksOfTheirDistrictAndRoleAndNoOthers() {
        Case jinshui = cases.allowance("jinshui");
        Case erqi = cases.allowance("erqi");
        String jinshuiTask = cases.openTask(jinshui).getId();

        List<String> seenInJinshui = receiptNos(cases.allTasks("reviewer.jinshui", ""));
        assertThat(seenInJinshui).contains(jinshui.receiptNo()).doesNotContain(erqi.receiptNo());
        List<JsonNode> seenInErqi = cases.allTasks("reviewer.erqi", "");
        assertThat(receiptNos(seenInErqi)).contains(erqi.receiptNo()).doesNotContain(jinshui.receiptNo());
        for (JsonNode task : seenInErqi) {
            assertThat(districtOf(task.get("receiptNo").asText())).as(task.toString()).isEqualTo("erqi");
        }

        assertThat(cases.post("reviewer.erqi", "/api/tasks/" + jinshuiTask + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> complete = cases.post("reviewer.erqi", "/api/tasks/" + jinshuiTask + "/complete",
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT")));
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(cases.get("reviewer.erqi", "/api/tasks/" + jinshuiTask).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.post("reviewer.erqi", "/api/tasks/" + jinshuiTask + "/correction-notice",
                Map.of("items", List.of(Map.of("materialCode", "id-card")))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.openTask(jinshui).getAssignee()).isNull();

        // the county office of the same district sees none of the township's steps
        assertThat(receiptNos(cases.allTasks("county.jinshui", ""))).doesNotContain(jinshui.receiptNo());
        assertThat(cases.post("county.jinshui", "/api/tasks/" + jinshuiTask + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // applicants have no workbench at all
        assertThat(cases.get("zhangsan", "/api/tasks").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCountySeesOnlyCountyStepsAndDecidesWithTheCaseDataItsFormShows() {
        Case c = cases.disability("care");
        cases.toCivilAffairsDecision(c);
        Task decision = cases.task(c, "civilAffairsDecision");

        List<JsonNode> countyTasks = cases.allTasks("county.jinshui", "");
        assertThat(receiptNos(countyTasks)).contains(c.receiptNo());
        assertThat(countyTasks).allSatisfy(task -> assertThat(task.get("step").asText()).isIn(COUNTY_STEPS));
        assertThat(receiptNos(cases.allTasks("reviewer.jinshui", ""))).doesNotContain(c.receiptNo());
        assertThat(cases.get("reviewer.jinshui", "/api/tasks/" + decision.getId()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // only the care subsidy is claimed: the form hides the living subsidy by the case's subsidiesClaimed
        ResponseEntity<JsonNode> done = cases.post("county.jinshui", "/api/tasks/" + decision.getId() + "/complete",
                Map.of("variables", Map.of("careSubsidyOutcome", "approved")));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody().get("completedBy").asText()).isEqualTo("county.jinshui");
        assertThat(done.getBody().get("receiptNo").asText()).isEqualTo(c.receiptNo());
        cases.runJobs(c.id());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(c.id())
                .singleResult().getEndTime()).isNotNull();
        assertThat(historicAssignee(c, "civilAffairsDecision")).isEqualTo("county.jinshui");
    }

    @Test
    void theListIsSortedByDeadlineWithItsSlaStateAndCountsPerState() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case overdue = cases.allowance("jinshui");
        EngineTime.set("2023-02-06T10:00:00+08:00");
        Case dueSoon = cases.allowance("jinshui");
        EngineTime.set("2023-02-20T10:00:00+08:00");
        Case onTrack = cases.allowance("jinshui");
        Instant dueSoonDeadline = cases.openTask(dueSoon).getDueDate().toInstant();
        // the morning of the second case's last day
        EngineTime.set(dueSoonDeadline.atZone(BEIJING).toLocalDate().atTime(9, 0).atZone(BEIJING)
                .toOffsetDateTime().toString());

        String query = "service=minimum-living-allowance&step=acceptance";
        List<JsonNode> all = cases.allTasks("reviewer.jinshui", query);

        List<OffsetDateTime> dues = all.stream().filter(task -> !task.get("due").isNull())
                .map(task -> OffsetDateTime.parse(task.get("due").asText())).toList();
        assertThat(dues).isSortedAccordingTo((a, b) -> a.toInstant().compareTo(b.toInstant()));
        assertThat(all.subList(dues.size(), all.size())).allSatisfy(task -> assertThat(task.get("due").isNull())
                .isTrue());
        List<String> receiptNos = receiptNos(all);
        assertThat(receiptNos.indexOf(overdue.receiptNo())).isLessThan(receiptNos.indexOf(dueSoon.receiptNo()));
        assertThat(receiptNos.indexOf(dueSoon.receiptNo())).isLessThan(receiptNos.indexOf(onTrack.receiptNo()));

        assertThat(item(all, overdue).get("slaState").asText()).isEqualTo("OVERDUE");
        JsonNode soon = item(all, dueSoon);
        assertThat(soon.get("slaState").asText()).isEqualTo("DUE_SOON");
        assertThat(OffsetDateTime.parse(soon.get("due").asText()).toInstant()).isEqualTo(dueSoonDeadline);
        assertThat(soon.get("due").asText()).endsWith("+08:00");
        assertThat(soon.get("provisional").asBoolean()).isFalse();
        assertThat(soon.get("applicantName").asText()).isEqualTo("张*");
        assertThat(soon.get("applicantIdNumber").asText()).isEqualTo("4101**********1025");
        assertThat(soon.get("serviceCode").asText()).isEqualTo("minimum-living-allowance");
        assertThat(soon.get("name").asText()).isEqualTo("受理");
        assertThat(soon.get("assignee").isNull()).isTrue();
        assertThat(item(all, onTrack).get("slaState").asText()).isEqualTo("ON_TRACK");

        JsonNode firstPage = cases.get("reviewer.jinshui", "/api/tasks?size=100&" + query).getBody();
        assertThat(firstPage.get("total").asLong()).isEqualTo(all.size());
        for (String state : List.of("ON_TRACK", "DUE_SOON", "OVERDUE")) {
            long listed = all.stream().filter(task -> state.equals(task.get("slaState").asText())).count();
            assertThat(firstPage.get("counts").get(state).asLong()).as(state).isEqualTo(listed);
        }
        List<JsonNode> soonOnly = cases.allTasks("reviewer.jinshui", query + "&slaState=DUE_SOON");
        assertThat(receiptNos(soonOnly)).contains(dueSoon.receiptNo())
                .doesNotContain(overdue.receiptNo(), onTrack.receiptNo());
        assertThat(soonOnly).allSatisfy(task -> assertThat(task.get("slaState").asText()).isEqualTo("DUE_SOON"));
    }

    @Test
    void aTaskWithoutADeadlineComesAfterAllOthersOnWhicheverPageTheyMeet() {
        Case c = cases.allowance("jinshui");
        Task undated = cases.openTask(c);
        undated.setDueDate(null);
        engine.getTaskService().saveTask(undated);
        String query = "service=minimum-living-allowance&step=acceptance";

        List<JsonNode> all = cases.allTasks("reviewer.jinshui", query);

        JsonNode listed = item(all, c);
        assertThat(listed.get("due").isNull()).isTrue();
        assertThat(listed.get("slaState").isNull()).isTrue();
        int dated = (int) all.stream().filter(task -> !task.get("due").isNull()).count();
        assertThat(all.subList(dated, all.size())).allSatisfy(task -> assertThat(task.get("due").isNull()).isTrue());
        JsonNode counts = cases.get("reviewer.jinshui", "/api/tasks?" + query).getBody().get("counts");
        assertThat(counts.get("ON_TRACK").asLong() + counts.get("DUE_SOON").asLong() + counts.get("OVERDUE").asLong())
                .isEqualTo(dated);
        // a page that holds the last task with a deadline and the first without: one that does not start there
        int size = 2;
        while (dated % size == 0) {
            size++;
        }
        int page = (dated - 1) / size;
        JsonNode boundary = cases.get("reviewer.jinshui", "/api/tasks?size=" + size + "&page=" + page + "&" + query)
                .getBody();
        List<JsonNode> expected = all.subList(page * size, Math.min(all.size(), page * size + size));
        assertThat(receiptNos(iterable(boundary.get("items")))).isEqualTo(receiptNos(expected))
                .contains(c.receiptNo());

        cases.complete(c, "acceptance", Map.of("acceptanceDecision", "ACCEPT"));
    }

    @Test
    void aDeadlineInAYearWithoutItsHolidayArrangementIsMarkedProvisional() {
        EngineTime.set("2026-12-14T10:00:00+08:00");
        Case c = cases.allowance("jinshui");

        JsonNode task = item(cases.allTasks("reviewer.jinshui", "service=minimum-living-allowance&step=acceptance"),
                c);

        assertThat(task.get("provisional").asBoolean()).isTrue();
    }

    @Test
    void badFiltersAreNamed() {
        ResponseEntity<JsonNode> answer = cases.get("reviewer.jinshui",
                "/api/tasks?service=no-such-service&step=noSuchStep&slaState=LATE&size=1000");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(answer)).contains("slaState");
        assertThat(fields(cases.get("reviewer.jinshui", "/api/tasks?service=no-such-service&step=noSuchStep")))
                .containsExactlyInAnyOrder("service", "step");
        assertThat(fields(cases.get("reviewer.jinshui", "/api/tasks?size=1000"))).containsExactly("size");
        assertThat(cases.get("reviewer.jinshui", "/api/tasks/no-such-task").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(cases.get("reviewer.jinshui", "/api/tasks/bad%20id!").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void completingChecksTheVariablesAgainstTheTasksForm() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        String path = "/api/tasks/" + taskId + "/complete";

        ResponseEntity<JsonNode> missing = cases.post("reviewer.jinshui", path, Map.of("variables", Map.of()));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(fields(missing)).containsExactly("acceptanceDecision");
        ResponseEntity<JsonNode> wrong = cases.post("reviewer.jinshui", path, Map.of("variables",
                Map.of("acceptanceDecision", "REQUEST_CORRECTION", "acceptanceOpinion", 12, "approved", true)));
        assertThat(fields(wrong)).containsExactlyInAnyOrder("correctionItems", "acceptanceOpinion", "approved");
        Task stillOpen = cases.openTask(c);
        assertThat(stillOpen.getId()).isEqualTo(taskId);
        assertThat(stillOpen.getAssignee()).as("the claim went with the failed completion").isNull();

        ResponseEntity<JsonNode> done = cases.post("reviewer.jinshui", path,
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT", "acceptanceOpinion", "材料齐全")));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cases.openTask(c).getTaskDefinitionKey()).isEqualTo("homeInvestigation");
        assertThat(historicAssignee(c, "acceptance")).isEqualTo("reviewer.jinshui");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
                .getAssignee()).isEqualTo("reviewer.jinshui");
        ResponseEntity<JsonNode> again = cases.post("reviewer.jinshui", path,
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT")));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("reason").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aRejectionByTheModelIsABadRequestNamingTheFieldAndLeavesTheTaskOpen() {
        Case c = cases.marriageAtVerification("2024-09-02T10:00:00+08:00", "2024-09-03");
        Task verification = cases.task(c, "onSiteVerification");
        String path = "/api/tasks/" + verification.getId() + "/complete";

        // the form lets this through; the registrar's task listener does not
        ResponseEntity<JsonNode> rejected = cases.post("registrar.jinshui", path, Map.of("variables",
                Map.of("onSiteDecision", "PASS", "identityVerified", true, "declarationSigned", false)));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(rejected)).containsExactly("declarationSigned");
        assertThat(rejected.getBody().get("errors").get(0).get("message").asText()).contains("声明");
        assertThat(cases.task(c, "onSiteVerification").getAssignee()).isNull();

        ResponseEntity<JsonNode> noNotice = cases.post("registrar.jinshui",
                "/api/tasks/" + verification.getId() + "/correction-notice",
                Map.of("items", List.of(Map.of("materialCode", "id-card"))));
        assertThat(noNotice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noNotice)).containsExactly("step");

        ResponseEntity<JsonNode> passed = cases.post("registrar.jinshui", path, Map.of("variables",
                Map.of("onSiteDecision", "PASS", "identityVerified", true, "declarationSigned", true)));
        assertThat(passed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cases.task(c, "registration")).isNotNull();
    }

    @Test
    void aCorrectionNoticeListsTheMaterialsByNameAndTheCaseWaitsForTheAnswer() throws Exception {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        String path = "/api/tasks/" + taskId + "/correction-notice";

        assertThat(fields(cases.post("reviewer.jinshui", path, Map.of("items", List.of()))))
                .containsExactly("items");
        List<Map<String, String>> wrongItems = new ArrayList<>();
        wrongItems.add(Map.of("materialCode", "marriage-certificate"));
        wrongItems.add(Map.of("text", " "));
        wrongItems.add(Map.of("materialCode", "id-card"));
        wrongItems.add(Map.of("materialCode", "id-card"));
        assertThat(fields(cases.post("reviewer.jinshui", path, Map.of("items", wrongItems))))
                .containsExactly("items[0].materialCode", "items[1].text", "items[3].materialCode");
        assertThat(cases.openTask(c).getId()).isEqualTo(taskId);

        Map<String, Object> notice = new HashMap<>();
        notice.put("items", List.of(Map.of("materialCode", "household-register"),
                Map.of("materialCode", "income-proof", "text", "2023年全年"),
                Map.of("text", "村委会出具的居住证明")));
        notice.put("note", "请于30日内补正");
        ResponseEntity<JsonNode> issued = cases.post("reviewer.jinshui", path, notice);

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        cases.runJobs(c.id());
        assertThat(engine.getRuntimeService().getActiveActivityIds(c.id())).containsExactly("correctionAnswered");
        Map<String, Object> variables = engine.getRuntimeService().getVariables(c.id());
        assertThat(variables).containsEntry("acceptanceDecision", "REQUEST_CORRECTION")
                .containsEntry("acceptanceOpinion", "请于30日内补正")
                .containsEntry("correctionItems", "户口簿\n家庭成员收入证明：2023年全年\n村委会出具的居住证明");
        assertThat(historicAssignee(c, "acceptance")).isEqualTo("reviewer.jinshui");
        MimeMessage mail = Arrays.stream(TestInfrastructure.receivedMails())
                .filter(m -> recipient(m).equals(c.email()) && subject(m).contains("一次性告知")).findFirst()
                .orElseThrow();
        assertThat(mail.getContent().toString()).contains("户口簿", "家庭成员收入证明：2023年全年", "村委会出具的居住证明");
    }

    @Test
    void theDisabilityAcceptanceTakesTheNoticeWithItsOwnDecisionVariable() {
        Case c = cases.disability("both");
        String taskId = cases.task(c, "acceptance").getId();

        ResponseEntity<JsonNode> issued = cases.post("reviewer.jinshui", "/api/tasks/" + taskId
                + "/correction-notice", Map.of("items", List.of(Map.of("materialCode", "long-term-care-certificate"))));

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        cases.runJobs(c.id());
        Map<String, Object> variables = engine.getRuntimeService().getVariables(c.id());
        assertThat(variables).containsEntry("acceptanceOutcome", "correction")
                .containsEntry("correctionNoticeCount", 1L);
        assertThat(variables).containsEntry("correctionItems", "长期护理证明");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(c.id())
                .eventName("CorrectionAnswered").count()).isEqualTo(1);
    }

    @Test
    void viewingATaskShowsTheWholeCaseAndIsLogged() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        ResponseEntity<JsonNode> comment = cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/comments",
                Map.of("text", "已电话联系申请人，材料周一补交"));
        assertThat(comment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fields(cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/comments", Map.of("text", " "))))
                .containsExactly("text");

        ResponseEntity<JsonNode> answer = cases.get("reviewer.jinshui", "/api/tasks/" + taskId);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode detail = answer.getBody();
        assertThat(detail.get("formId").asText()).isEqualTo("dibao-acceptance");
        assertThat(detail.get("task").get("applicantName").asText()).isEqualTo("张*");
        assertThat(detail.get("data").get("applicantName").asText()).isEqualTo("张三");
        assertThat(detail.get("data").get("applicantIdNumber").asText()).isEqualTo("410105196503121025");
        assertThat(detail.get("data").get("correctionNotices").asInt()).isZero();
        assertThat(detail.get("correctionNoticeAvailable").asBoolean()).isTrue();
        List<String> steps = new ArrayList<>();
        detail.get("history").forEach(step -> steps.add(step.get("activityId").asText()));
        assertThat(steps).containsSubsequence("applicationSubmitted", "mailCaseAccepted", "acceptance");
        assertThat(detail.get("history").get(steps.indexOf("acceptance")).get("end").isNull()).isTrue();
        assertThat(detail.get("comments").get(0).get("author").asText()).isEqualTo("reviewer.jinshui");
        assertThat(detail.get("comments").get(0).get("text").asText()).isEqualTo("已电话联系申请人，材料周一补交");
        List<String> materials = new ArrayList<>();
        detail.get("materials").forEach(m -> materials.add(m.get("name").asText()));
        assertThat(materials).contains("户口簿", "家庭成员收入证明");

        cases.get("reviewer.erqi", "/api/tasks/" + taskId);
        List<Map<String, Object>> views = jdbc.sql("SELECT username, receipt_no, process_instance_id, view_kind,"
                + " viewed_at FROM review_case_view WHERE task_id = :taskId").param("taskId", taskId).query()
                .listOfRows();
        assertThat(views).hasSize(1);
        assertThat(views.get(0)).containsEntry("username", "reviewer.jinshui")
                .containsEntry("receipt_no", c.receiptNo()).containsEntry("process_instance_id", c.id())
                .containsEntry("view_kind", "TASK_API");
        assertThat(views.get(0).get("viewed_at")).isNotNull();
    }

    @Test
    void claimingAndUnclaimingGoBetweenTheGroupAndOneReviewer() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();

        ResponseEntity<JsonNode> claimed = cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/claim", null);
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(claimed.getBody().get("assignee").asText()).isEqualTo("reviewer.jinshui");
        assertThat(cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/claim", null).getStatusCode())
                .as("claiming one's own task again changes nothing").isEqualTo(HttpStatus.OK);
        // still in the list, now as the reviewer's own task
        JsonNode listed = item(cases.allTasks("reviewer.jinshui", "service=minimum-living-allowance&step=acceptance"),
                c);
        assertThat(listed.get("assignee").asText()).isEqualTo("reviewer.jinshui");

        ResponseEntity<JsonNode> unclaimed = cases.post("reviewer.jinshui", "/api/tasks/" + taskId + "/unclaim",
                null);
        assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unclaimed.getBody().get("assignee").isNull()).isTrue();
        assertThat(cases.openTask(c).getAssignee()).isNull();
    }

    private static JsonNode item(List<JsonNode> tasks, Case c) {
        return tasks.stream().filter(task -> c.receiptNo().equals(task.get("receiptNo").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(c.receiptNo() + " is not listed"));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> receiptNos(List<JsonNode> tasks) {
        return tasks.stream().map(task -> task.get("receiptNo").asText()).toList();
    }

    private String districtOf(String receiptNo) {
        String id = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(receiptNo)
                .singleResult().getId();
        return (String) engine.getRuntimeService().getVariable(id, "district");
    }

    private String historicAssignee(Case c, String step) {
        HistoricActivityInstance done = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(c.id()).activityId(step).finished().singleResult();
        return done.getAssignee();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
