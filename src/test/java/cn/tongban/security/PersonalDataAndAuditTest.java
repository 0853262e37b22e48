package cn.tongban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Personal data stays where it is needed: no ID number or phone number in the logs of a whole case, nor in the
 * applicant's mails, masked in the reviewers' task list; and the decision records cannot be changed.
 */
@TongbanIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAndAuditTest {

    private static final String ID_NUMBER = "410105198001011239";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aWholeCaseLogsAndMailsNoIdNumberOrPhone(CapturedOutput output) throws Exception {
        String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Map<String, Object> data = SampleApplications.disabilitySubsidies();
        data.put("applicantIdNumber", ID_NUMBER);
        data.put("disabilityCertificateNo", ID_NUMBER + "41");
        data.put("applicantPhone", phone);
        String email = (String) data.get("applicantEmail");
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> submitted = browser.send(browser.request("/api/applications")
                .header("Authorization", TestBrowser.basic("zhangsan", "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("serviceCode", "disability-subsidies", "data", data)))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String receiptNo = json.readTree(submitted.body()).get("receiptNo").asText();
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(receiptNo).singleResult().getId();
        EngineTime.executeDueJobs(engine.getManagementService(), processInstanceId);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .singleResult().getId();

        String reviewer = TestBrowser.basic("reviewer.jinshui", "demo");
        StringBuilder lists = new StringBuilder();
        for (int page = 0; page < 20; page++) {
            String list = browser.get("/api/tasks?service=disability-subsidies&size=50&page=" + page,
                    "Authorization", reviewer).body();
            lists.append(list);
            if (json.readTree(list).path("items").isEmpty()) {
                break;
            }
        }
        assertThat(lists.toString()).contains(receiptNo).doesNotContain(ID_NUMBER).doesNotContain(phone);
        assertThat(browser.get("/api/tasks/" + taskId, "Authorization", reviewer).statusCode()).isEqualTo(200);
        assertThat(browser.send(browser.request("/api/tasks/" + taskId + "/claim").header("Authorization", reviewer)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        HttpResponse<String> withdrawn = browser.send(browser.request("/api/applications/" + receiptNo + "/withdrawal")
                .header("Authorization", TestBrowser.basic("zhangsan", "demo"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isLessThan(300);
        engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        TestInfrastructure.deliverQueuedMail();

        // the mail server logs the address it received for: the capture did see this case
        assertThat(output.getAll()).as("log").contains(email).doesNotContain(ID_NUMBER).doesNotContain(phone);
        MimeMessage[] mails = TestInfrastructure.greenMail().getReceivedMessagesForDomain(email);
        assertThat(mails).isNotEmpty();
        for (MimeMessage mail : mails) {
            String text = new String(mail.getInputStream().readAllBytes(), "UTF-8") + mail.getSubject();
            assertThat(text).doesNotContain(ID_NUMBER).doesNotContain(phone);
        }
    }

    @Test
    void historyIsKeptForItsTimeToLiveAndCleanedUpAtNight() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P180D");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
        // the engine schedules the cleanup itself once a window is configured
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void noEndpointChangesOrDeletesTheDecisionRecords() {
        // what may be replaced or deleted: an administrator's holiday arrangement, a reviewer's saved filters and
        // an applicant's drafts; none of them records a decision
        assertThat(mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.DELETE)
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.PUT)
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.PATCH))
                .flatMap(info -> info.getPatternValues().stream()))
                .allSatisfy(pattern -> assertThat(pattern)
                        .matches("/api/(admin/calendar|tasks/saved-filters|applications/drafts)/.*"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteDecisionRecords() throws SQLException {
        // in one transaction rolled back at the end, so the shared database keeps no test records
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO review_case_view (viewed_at, username, receipt_no, process_instance_id,"
                        + " view_kind) VALUES (now(), 'reviewer.jinshui', 'AUDIT-1', 'audit-pi', 'TASK_API')");
                sql.execute("INSERT INTO sla_breach (process_instance_id, receipt_no, service_code, step_id, task_id,"
                        + " deadline, detected_at) VALUES ('audit-pi', 'AUDIT-1', 'disability-subsidies', 'case',"
                        + " 'audit-pi', now(), now())");
                sql.execute("INSERT INTO sla_extension (process_instance_id, receipt_no, extended_by, extended_at,"
                        + " reason, working_days_before, working_days_after) VALUES ('audit-pi', 'AUDIT-1',"
                        + " 'supervisor', now(), 'audit', 16, 32)");
                for (String statement : new String[] {
                        "UPDATE review_case_view SET username = 'someone' WHERE receipt_no = 'AUDIT-1'",
                        "DELETE FROM review_case_view WHERE receipt_no = 'AUDIT-1'",
                        "UPDATE sla_breach SET deadline = deadline + INTERVAL '1 day' WHERE receipt_no = 'AUDIT-1'",
                        "DELETE FROM sla_breach WHERE receipt_no = 'AUDIT-1'",
                        "UPDATE sla_extension SET reason = 'changed' WHERE receipt_no = 'AUDIT-1'",
                        "DELETE FROM sla_extension WHERE receipt_no = 'AUDIT-1'",
                        "TRUNCATE review_case_view", "TRUNCATE sla_breach", "TRUNCATE sla_extension"}) {
                    Savepoint before = connection.setSavepoint();
                    assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                            .hasMessageContaining("append-only");
                    connection.rollback(before);
                }
                try (ResultSet rows = sql.executeQuery(
                        "SELECT COUNT(*) FROM review_case_view WHERE receipt_no = 'AUDIT-1'")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
