package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Journey (c): a supervisor (督办) at work. A home investigation runs past its deadline: the supervisor finds the
 * breach on the dashboard, opens the case, urges the reviewer holding it and exports the breach list. And when a
 * township reviewer asks for a second correction notice, which needs a supervisor's approval, the supervisor finds
 * that task in Camunda Tasklist. Each part of the supervisor's day is a step method of its own.
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
    void theSupervisorFindsABreachUrgesAndExportsIt(Browser browser) {
        CaseEngine cases = new CaseEngine(engine);
        // Monday 2022-08-01, a month no other journey uses: the dashboard's breaches of 金水区 in it are this one's
        cases.now("2022-08-01T09:00:00+08:00");
        String receiptNo = applies(cases);
        cases.now("2022-08-01T10:00:00+08:00");
        asReviewer("/api/tasks/" + task(receiptNo, "acceptance") + "/complete",
                Map.of("variables", Map.of("acceptanceDecision", "ACCEPT")));
        cases.catchUp(receiptNo);
        asReviewer("/api/tasks/" + task(receiptNo, "homeInvestigation") + "/claim", Map.of());
        // the investigation should have begun within 3 working days; Friday morning it still has not
        cases.waitUntil("2022-08-05T09:00:00+08:00", receiptNo);

        signsIn(browser);
        seesTheBreachOnTheDashboard(browser, receiptNo);
        exportsTheBreaches(browser, receiptNo);
        urges(browser, receiptNo);
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

    /** The dashboard opens on the engine clock's month; the supervisor narrows it to 低保 in 金水区. */
    private static void seesTheBreachOnTheDashboard(Browser browser, String receiptNo) {
        browser.navigate("督办看板");
        assertThat(browser.path()).startsWith("/sla/dashboard");
        assertThat(browser.title()).isEqualTo("督办看板 · 通办");
        Accessibility.assertBasics(browser);
        assertThat(browser.find(By.id("filter-from")).getDomProperty("value")).isEqualTo("2022-08-01");
        assertThat(browser.find(By.id("filter-to")).getDomProperty("value")).isEqualTo("2022-08-31");
        browser.choose("service", "最低生活保障").choose("district", "金水区");
        browser.submitWith(By.cssSelector("#sla-filter button[type=submit]"));
        assertThat(browser.path()).contains("service=minimum-living-allowance", "district=jinshui");
        Accessibility.assertBasics(browser);

        assertThat(browser.text(By.id("as-of"))).contains("2022-08-05 09:00");
        assertThat(browser.text(By.id("kpi-breaches"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("#sla-kpis"))).contains("其中整案超期 0 条");
        // open cases by state as they stand now, whenever they came in; the breach is the step's, not the case's
        assertThat(Accessibility.assertContrast(browser, "#sla-kpis .sla-badge")).hasSize(3)
                .anyMatch(text -> text.startsWith("正常")).anyMatch(text -> text.startsWith("即将到期"))
                .anyMatch(text -> text.startsWith("已超期"));
        assertThat(browser.text(By.xpath("//section[@id='section-bySteps']//tr[th[normalize-space()='入户调查']]"
                + "/td[last()]"))).as("breaches of the home investigation").isEqualTo("1");
        assertThat(browser.text(By.id("section-breaches"))).contains("共 1 条");
        assertThat(browser.text(By.xpath("//table[@id='breach-list']//tr[.//a[normalize-space()='" + receiptNo
                + "']]"))).contains("最低生活保障", "入户调查", "在办", "金水区", Reviewer.TOWNSHIP,
                "2022-08-04 17:30", "2022-08-05 09:00");
        browser.readmeScreenshot("journey-dashboard");
    }

    /** The breach list as a file, for the period and filters shown: what the CSV link fetches. */
    private static void exportsTheBreaches(Browser browser, String receiptNo) {
        HttpResponse<byte[]> csv = browser.download(By.xpath("//section[@id='section-breaches']//a[normalize-space()"
                + "='导出 CSV']"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        List<String> rows = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(receiptNo, "入户调查", "2022-08-04");

        HttpResponse<byte[]> xlsx = browser.download(By.xpath("//section[@id='section-breaches']"
                + "//a[normalize-space()='导出 Excel']"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        // a workbook is a zip archive
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    /** From the breach to its case; an urge with a message to the reviewer holding the investigation. */
    private static void urges(Browser browser, String receiptNo) {
        browser.clickToLoad(By.xpath("//table[@id='breach-list']//a[normalize-space()='" + receiptNo + "']"));
        assertThat(browser.path()).isEqualTo("/sla/cases/" + receiptNo);
        assertThat(browser.title()).isEqualTo("案件 " + receiptNo + " · 通办");
        Accessibility.assertBasics(browser);
        assertThat(Accessibility.assertContrast(browser, "#case-steps .sla-badge")).containsExactly("已超期");
        browser.fill("message", "请今天完成入户调查，并在系统中登记。");
        assertThat(browser.submitConfirming(By.cssSelector("#case-steps form.sla-urge button[type=submit]")))
                .isEqualTo("确定向该环节的办理人发送督办通知吗？");
        assertThat(browser.path()).isEqualTo("/sla/cases/" + receiptNo);
        assertThat(browser.text(By.id("flash-success")))
                .isEqualTo("已就“入户调查”发出督办通知（" + Reviewer.TOWNSHIP + "）。");
        assertThat(browser.text(By.id("case-actions"))).contains("请今天完成入户调查，并在系统中登记。");
        browser.readmeScreenshot("journey-urge");
        assertThat(CaseEngine.mail("督办通知：请尽快办理申请 " + receiptNo))
                .contains("入户调查", "请今天完成入户调查，并在系统中登记。");
    }

    /** Tasklist through the navigation, signed in by the same login; the group's filter lists the task. */
    private void findsInTasklist(Browser browser, String taskName, String receiptNo) {
        browser.navigate("任务清单");
        assertThat(browser.path()).startsWith("/camunda/app/tasklist/");
        // the innermost element naming the shared filter, then the task it lists
        browser.clickWhenReady(By.xpath("(//*[contains(@class,'task-filters')]//*[contains(normalize-space(),"
                + "'组任务 · 金水区 督办')])[last()]"));
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
        String receiptNo = applies(cases);
        asReviewer("/api/tasks/" + task(receiptNo, "acceptance") + "/correction-notice",
                Map.of("items", List.of(Map.of("materialCode", "income-proof"))));
        cases.catchUp(receiptNo);
        ResponseEntity<JsonNode> answered = http.withBasicAuth(Applicant.USERNAME, Browser.DEMO_PASSWORD)
                .postForEntity("/api/applications/" + receiptNo + "/corrections",
                        Map.of("answer", "已补交收入证明。"), JsonNode.class);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        asReviewer("/api/tasks/" + task(receiptNo, "acceptance") + "/correction-notice",
                Map.of("items", List.of(Map.of("materialCode", "assets-declaration")),
                        "note", "前次告知遗漏了家庭财产申报表"));
        cases.catchUp(receiptNo);
        return receiptNo;
    }

    /** 张三 applies for a household of two through the API, as the portal does. */
    private String applies(CaseEngine cases) {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", Applicant.NAME);
        data.put("applicantIdNumber", "410105198808081238");
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
        return receiptNo;
    }

    private String task(String receiptNo, String step) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(receiptNo)
                .taskDefinitionKey(step).singleResult();
        assertThat(task).as(step + " of " + receiptNo).isNotNull();
        return task.getId();
    }

    private void asReviewer(String path, Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(Reviewer.TOWNSHIP, Browser.DEMO_PASSWORD)
                .postForEntity(path, body, JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " → " + answer.getBody()).isTrue();
    }
}
