package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
 * The applicant's case page through a 低保 case: the public notice (公示) shown as a running step with its end
 * while it runs, then the decision: approved with the monthly amount, or refused with the reason, in both
 * languages.
 */
@TongbanIntegrationTest
class DecisionOnCasePageTest {

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
    HistoryService history;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aRunningPublicNoticeIsAnOpenStepWithItsEndAndAnApprovalShowsTheMonthlyAmount() {
        EngineTime.set("2023-03-01T10:00:00+08:00");
        String receiptNo = submit();
        String id = processInstanceOf(receiptNo);
        toPublicNotice(id, "APPROVE");
        TestBrowser browser = signedIn();

        String during = browser.get("/applications/" + receiptNo + "?lang=zh_CN", "Accept", HTML).body();
        // 7 calendar days from the township review on 1 March: to the end of 8 March
        assertThat(timeline(during)).contains("公示", "至 2023-03-09 00:00", "办理中");
        assertThat(timeline(browser.get("/applications/" + receiptNo + "?lang=en", "Accept", HTML).body()))
                .contains("Public notice", "until 2023-03-09 00:00", "in progress");
        JsonNode notice = entry(receiptNo, "publicNotice");
        assertThat(notice.path("endedAt").isNull()).isTrue();
        assertThat(notice.path("endsAt").asText()).isEqualTo("2023-03-09T00:00:00+08:00");
        assertThat(during).doesNotContain("id=\"decision\"");

        EngineTime.set("2023-03-09T09:00:00+08:00");
        EngineTime.executeDueJobs(management, id);
        complete(id, "countyConfirmation", Map.of("countyDecision", "APPROVE", "decisionReason", "符合条件"));
        BigDecimal amount = new BigDecimal(history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("monthlyAmount").singleResult().getValue().toString());
        EngineTime.executeDueJobs(management, id);
        assertThat(amount).isPositive();

        String zh = browser.get("/applications/" + receiptNo + "?lang=zh_CN", "Accept", HTML).body();
        assertThat(section(zh, "decision")).contains("办理结果", "准予批准", "月保障金",
                "每月 " + amount.stripTrailingZeros().toPlainString() + " 元").doesNotContain("理由");
        assertThat(timeline(zh)).doesNotContain("至 2023-03-09");
        String en = browser.get("/applications/" + receiptNo + "?lang=en", "Accept", HTML).body();
        assertThat(section(en, "decision")).contains("Decision", "Approved", "Monthly allowance",
                amount.stripTrailingZeros().toPlainString() + " yuan a month");
    }

    @Test
    void aRefusalShowsTheReason() {
        EngineTime.set("2023-03-01T10:00:00+08:00");
        String receiptNo = submit();
        String id = processInstanceOf(receiptNo);
        toPublicNotice(id, "REFUSE");
        EngineTime.set("2023-03-09T09:00:00+08:00");
        EngineTime.executeDueJobs(management, id);
        complete(id, "countyConfirmation", Map.of("countyDecision", "REFUSE",
                "decisionReason", "家庭月人均收入高于当地低保标准"));
        EngineTime.executeDueJobs(management, id);
        complete(id, "refusalNotice", Map.of("decisionReason", "家庭月人均收入高于当地低保标准",
                "noticeDeliveryMethod", "IN_PERSON", "noticeDeliveredOn", "2023-03-10"));
        EngineTime.executeDueJobs(management, id);
        TestBrowser browser = signedIn();

        String zh = section(browser.get("/applications/" + receiptNo + "?lang=zh_CN", "Accept", HTML).body(),
                "decision");
        assertThat(zh).contains("不予批准", "理由", "家庭月人均收入高于当地低保标准").doesNotContain("月保障金");
        String en = section(browser.get("/applications/" + receiptNo + "?lang=en", "Accept", HTML).body(),
                "decision");
        assertThat(en).contains("Not approved", "Reason", "家庭月人均收入高于当地低保标准");
    }

    private void toPublicNotice(String id, String proposal) {
        EngineTime.executeDueJobs(management, id);
        complete(id, "acceptance", Map.of("acceptanceDecision", "ACCEPT"));
        complete(id, "homeInvestigation", Map.of("investigators", "李明、王强", "investigationDate", "2023-03-01",
                "investigationMethod", "HOME_VISIT", "investigationFindings", "家中仅有基本生活用品。"));
        complete(id, "townshipReview", Map.of("townshipProposal", proposal, "townshipOpinion", "经入户核实"));
    }

    private JsonNode entry(String receiptNo, String activityId) {
        ResponseEntity<JsonNode> view = new ApplicantClient(http, "zhangsan").get("/api/applications/" + receiptNo);
        for (JsonNode entry : view.getBody().path("timeline")) {
            if (activityId.equals(entry.path("activityId").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + activityId + " in " + view.getBody().path("timeline"));
    }

    private static String timeline(String page) {
        return section(page, "timeline");
    }

    /** The element with this id, up to the end of the section it is in. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("#" + id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private TestBrowser signedIn() {
        TestBrowser browser = new TestBrowser(port);
        browser.login("zhangsan", "demo");
        return browser;
    }

    private String submit() {
        ResponseEntity<JsonNode> response = new ApplicantClient(http, "zhangsan").submit(DIBAO,
                ApplicationData.dibao());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("receiptNo").asText();
    }

    private void complete(String processInstanceId, String step, Map<String, Object> variables) {
        EngineTime.executeDueJobs(management, processInstanceId);
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .singleResult();
        assertThat(task).as("open task " + step).isNotNull();
        tasks.complete(task.getId(), variables);
        EngineTime.executeDueJobs(management, processInstanceId);
    }

    private String processInstanceOf(String receiptNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).singleResult().getId();
    }
}
