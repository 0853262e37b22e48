package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Journey (c): a supervisor (督办) at work. A township reviewer asks for a second correction notice, which needs a
 * supervisor's approval; the supervisor signs in once and finds that task in Camunda Tasklist. Each part of the
 * supervisor's day is a step method of its own, so further steps join the journey as methods.
 */
@BrowserJourney
class SuperviseJourneyTest {

    static final String SUPERVISOR = "supervisor";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theSupervisorFindsTheApprovalOfASecondNoticeInTasklist(Browser browser) {
        CaseEngine cases = new CaseEngine(engine);
        cases.now("2022-09-28T10:00:00+08:00");
        String receiptNo = caseAskingForASecondNotice(cases);

        signsIn(browser);
        findsInTasklist(browser, "督办审批再次告知", receiptNo);
    }

    private static void signsIn(Browser browser) {
        browser.open("/");
        browser.navigate("登录");
        browser.signIn(SUPERVISOR);
        Accessibility.assertBasics(browser);
        assertThat(browser.text(By.tagName("header"))).contains(SUPERVISOR, "审核工作台", "任务清单");
    }

    /** Tasklist through the navigation, signed in by the same login; the group's filter lists the task. */
    private void findsInTasklist(Browser browser, String taskName, String receiptNo) {
        browser.navigate("任务清单");
        assertThat(browser.path()).startsWith("/camunda/app/tasklist/");
        // the innermost element naming the shared filter, then the task it lists
        browser.clickWhenReady(By.xpath("(//*[contains(@class,'task-filters')]//*[contains(normalize-space(),"
                + "'我的组任务')])[last()]"));
        browser.clickWhenReady(By.xpath("//*[contains(@class,'tasks-list')]//li//*[normalize-space()='"
                + taskName + "']"));
        // the task's Camunda Form, with the case's data, once Tasklist has rendered it
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task]"),
                "拟再次告知的材料"));
        assertThat(browser.text(By.cssSelector("[cam-tasklist-task]"))).contains(taskName, "最低生活保障",
                "申请人：" + Applicant.NAME, "家庭财产申报表", "审批结论");
        browser.readmeScreenshot("journey-supervisor-tasklist");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptNo)
                .taskDefinitionKey("secondCorrectionApproval").taskCandidateGroup("supervisor-jinshui").count())
                .isEqualTo(1);
    }

    /**
     * A 低保 case of 张三 whose township reviewer has sent one correction notice, had it answered, and now asks for a
     * second: set up through the API as the applicant and the reviewer would call it.
     */
    private String caseAskingForASecondNotice(CaseEngine cases) {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", Applicant.NAME);
        data.put("applicantIdNumber", Applicant.Household.ofTwo().idNumber());
        data.put("applicantPhone", "13800000001");
        data.put("applicantEmail", Applicant.EMAIL);
        data.put("district", "jinshui");
        data.put("townshipOffice", "文化路街道");
        data.put("householdMembers", 2);
        data.put("keyGroupMembers", 1);
        data.put("declaredMonthlyIncome", 600);
        ResponseEntity<JsonNode> applied = http.withBasicAuth(Applicant.USERNAME, Browser.DEMO_PASSWORD)
                .postForEntity("/api/applications",
                        Map.of("serviceCode", Applicant.SERVICE, "data", data), JsonNode.class);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String receiptNo = applied.getBody().path("receiptNo").asText();
        cases.catchUp(receiptNo);

        asReviewer("/api/tasks/" + acceptanceTask(receiptNo) + "/correction-notice",
                Map.of("items", List.of(Map.of("materialCode", "income-proof"))));
        cases.catchUp(receiptNo);
        ResponseEntity<JsonNode> answered = http.withBasicAuth(Applicant.USERNAME, Browser.DEMO_PASSWORD)
                .postForEntity("/api/applications/" + receiptNo + "/corrections",
                        Map.of("answer", "已补交收入证明。"), JsonNode.class);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        asReviewer("/api/tasks/" + acceptanceTask(receiptNo) + "/correction-notice",
                Map.of("items", List.of(Map.of("materialCode", "assets-declaration")),
                        "note", "前次告知遗漏了家庭财产申报表"));
        cases.catchUp(receiptNo);
        return receiptNo;
    }

    private String acceptanceTask(String receiptNo) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptNo)
                .taskDefinitionKey("acceptance").singleResult();
        assertThat(task).as("acceptance of " + receiptNo).isNotNull();
        return task.getId();
    }

    private void asReviewer(String path, Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(Reviewer.TOWNSHIP, Browser.DEMO_PASSWORD)
                .postForEntity(path, body, JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " → " + answer.getBody()).isTrue();
    }
}
