package cn.tongban.sla;

import static cn.tongban.sla.AllowanceCases.at;
import static cn.tongban.sla.AllowanceCases.instant;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor extends a 低保 case once, 30 → 45 working days, with a reason, over the API: the case deadline, the
 * tasks bounded by it and the timers move; a second extension, a service without one, a missing reason, an unknown
 * case and everyone but supervisors are refused.
 */
@TongbanIntegrationTest
class CaseExtensionTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    AllowanceCases cases;
    TestBrowser browser;

    @BeforeEach
    void setUp() {
        cases = new AllowanceCases(runtime, tasks, management, jdbc);
        browser = new TestBrowser(port);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aSupervisorExtendsACaseOnceAndItsDeadlineTasksAndTimersMoveTo45WorkingDays() throws Exception {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-08T17:30:00+08:00"));

        EngineTime.set("2023-02-20T10:00:00+08:00");
        HttpResponse<String> extended = extend(c.receiptNo(), "supervisor", "{\"reason\": \"申请人家庭成员在外地，入户调查需另行安排\"}");

        assertThat(extended.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(extended.body());
        assertThat(body.path("receiptNo").asText()).isEqualTo(c.receiptNo());
        assertThat(body.path("extendedBy").asText()).isEqualTo("supervisor");
        assertThat(body.path("extendedAt").asText()).isEqualTo("2023-02-20T10:00:00+08:00");
        assertThat(body.path("reason").asText()).isEqualTo("申请人家庭成员在外地，入户调查需另行安排");
        assertThat(body.path("workingDaysBefore").asInt()).isEqualTo(30);
        assertThat(body.path("workingDaysAfter").asInt()).isEqualTo(45);
        // 45 working days from 2023-01-20: 15 more after 03-08
        assertThat(body.path("deadline").asText()).isEqualTo("2023-03-29T17:30:00+08:00");
        assertThat(body.path("provisional").asBoolean()).isFalse();

        assertThat(runtime.getVariable(c.id(), "caseExtended")).isEqualTo(true);
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-29T17:30:00+08:00"));
        assertThat(cases.caseRow(c)).containsEntry("extended", true).containsEntry("committed_working_days", 45);
        assertThat(cases.caseTimer(c).getDuedate().toInstant()).isEqualTo(at("2023-03-29T17:30:01+08:00"));
        assertThat(cases.task(c, "acceptance").getDueDate().toInstant()).isEqualTo(at("2023-03-29T17:30:00+08:00"));
        assertThat(cases.stepTimers(c, "acceptance"))
                .containsExactly(at("2023-03-29T00:00:00+08:00"), at("2023-03-29T17:30:01+08:00"));
        assertThat(instant(cases.stepRow(cases.task(c, "acceptance")).get("deadline")))
                .isEqualTo(at("2023-03-29T17:30:00+08:00"));
        Map<String, Object> record = jdbc.sql("SELECT * FROM sla_extension WHERE process_instance_id = ?")
                .param(c.id()).query().singleRow();
        assertThat(record).containsEntry("extended_by", "supervisor").containsEntry("working_days_before", 30)
                .containsEntry("working_days_after", 45).containsEntry("receipt_no", c.receiptNo());
        assertThat(instant(record.get("extended_at"))).isEqualTo(at("2023-02-20T10:00:00+08:00"));

        HttpResponse<String> again = extend(c.receiptNo(), "supervisor", "{\"reason\": \"再延一次\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-29T17:30:00+08:00"));

        // later steps bounded by the case follow the extended commitment too
        cases.accept(c);
        cases.investigate(c);
        assertThat(cases.task(c, "townshipReview").getDueDate().toInstant())
                .isEqualTo(at("2023-03-29T17:30:00+08:00"));
    }

    @Test
    void anExtensionNeedsAReason() throws Exception {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");

        for (String body : new String[] {"{}", "{\"reason\": \"   \"}"}) {
            HttpResponse<String> refused = extend(c.receiptNo(), "supervisor", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(PROBLEM_JSON));
            assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("field")).containsExactly("reason");
        }
        assertThat(extend(c.receiptNo(), "supervisor", "{\"reason\": \"" + "长".repeat(501) + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(runtime.getVariable(c.id(), "caseExtended")).isNull();
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-08T17:30:00+08:00"));
    }

    @Test
    void anUnknownCaseIsNotFoundAndAServiceWithoutExtensionIsAConflict() {
        assertThat(extend("DB-NO-SUCH-CASE", "supervisor", "{\"reason\": \"理由\"}").statusCode()).isEqualTo(404);

        EngineTime.set("2025-09-30T10:00:00+08:00");
        String receiptNo = "CJ-SLA-" + UUID.randomUUID();
        String id = runtime.startProcessInstanceByKey("disability-subsidies", receiptNo, SampleApplications.disabilitySubsidies())
                .getId();
        HttpResponse<String> refused = extend(receiptNo, "supervisor", "{\"reason\": \"理由\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("disability-subsidies");
        assertThat(runtime.getVariable(id, "caseExtended")).isNull();
    }

    @Test
    void onlySupervisorsExtend() {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");

        for (String user : new String[] {"zhangsan", "reviewer.jinshui", "admin"}) {
            assertThat(extend(c.receiptNo(), user, "{\"reason\": \"理由\"}").statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> anonymous = browser.send(browser.request("/api/sla/cases/" + c.receiptNo() + "/extension")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"理由\"}")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(runtime.getVariable(c.id(), "caseExtended")).isNull();
    }

    private HttpResponse<String> extend(String receiptNo, String user, String body) {
        return browser.send(browser.request("/api/sla/cases/" + receiptNo + "/extension")
                .header("Authorization", TestBrowser.basic(user, "demo"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
