package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationData.DISABILITY;
import static cn.tongban.intake.ApplicationsApiTest.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A case followed by its applicant through the engine's real steps: the timeline, the one-time correction
 * notice and its answer, withdrawal before a decision, and rating after one (a poor one reaching the district's
 * supervisors).
 */
@TongbanIntegrationTest
class CaseLifecycleApiTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    ApplicantClient zhangsan;
    ReviewSteps reviewers;

    @BeforeEach
    void clients() {
        zhangsan = new ApplicantClient(http, "zhangsan");
        reviewers = new ReviewSteps(engine);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theAnswerToACorrectionNoticeReturnsTheCaseToAcceptance() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String receiptNo = submit(DIBAO, ApplicationData.dibao());
        String id = reviewers.processInstanceOf(receiptNo);

        JsonNode submitted = view(receiptNo);
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("slaState").asText()).isEqualTo("ON_TRACK");
        assertThat(submitted.path("correctionNotice").isNull()).isTrue();
        assertThat(timeline(submitted)).first().isEqualTo(tuple("applicationSubmitted", "在线提交申请", "START"));
        assertThat(zhangsan.post(path(receiptNo, "corrections"), Map.of("answer", "已补交")).getStatusCode())
                .as("no notice yet").isEqualTo(HttpStatus.CONFLICT);

        EngineTime.executeDueJobs(management, id);
        EngineTime.set("2023-01-30T09:00:00+08:00");
        reviewers.complete(id, "acceptance", Map.of("acceptanceDecision", "REQUEST_CORRECTION",
                "correctionItems", "户口簿\n家庭成员收入证明；"));
        EngineTime.executeDueJobs(management, id);

        JsonNode waiting = view(receiptNo);
        assertThat(waiting.path("status").asText()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(waiting.path("correctionNotice").path("items")).extracting(JsonNode::asText)
                .containsExactly("户口簿", "家庭成员收入证明");
        assertThat(waiting.path("correctionNotice").path("issuedAt").asText())
                .isEqualTo("2023-01-30T09:00:00+08:00");
        assertThat(timeline(waiting)).contains(tuple("acceptance", "受理", "STEP"),
                tuple("correctionAnswered", "等待申请人补正", "STEP"));

        ResponseEntity<JsonNode> upload = zhangsan.upload(receiptNo, "household-register", "hukou.pdf",
                "application/pdf", PDF);
        long attachmentId = upload.getBody().path("id").asLong();
        ResponseEntity<JsonNode> foreign = zhangsan.post(path(receiptNo, "corrections"),
                Map.of("answer", "已补交", "attachmentIds", List.of(attachmentId, 999_999_999L)));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(foreign)).containsOnlyKeys("attachmentIds[1]");

        ResponseEntity<JsonNode> answered = zhangsan.post(path(receiptNo, "corrections"),
                Map.of("answer", "已补交户口簿和收入证明", "attachmentIds", List.of(attachmentId)));

        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(answered.getBody().path("correctionNotice").isNull()).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
                .isEqualTo("acceptance");
        assertThat(runtime.getVariable(id, "correctionAnswer")).isEqualTo("已补交户口簿和收入证明");
        assertThat(runtime.getVariableTyped(id, "correctionAttachmentIds").getValue().toString())
                .isEqualTo("[" + attachmentId + "]");
        assertThat(zhangsan.post(path(receiptNo, "corrections"), Map.of("answer", "再补一次")).getStatusCode())
                .as("the notice is answered").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anAnswerMustBeText() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String receiptNo = submit(DIBAO, ApplicationData.dibao());

        assertThat(errors(zhangsan.post(path(receiptNo, "corrections"), Map.of("answer", " "))))
                .containsOnlyKeys("answer");
        assertThat(errors(zhangsan.post(path(receiptNo, "corrections"), Map.of("answer", "补交\u0000"))))
                .containsOnlyKeys("answer");
        assertThat(errors(zhangsan.post(path(receiptNo, "corrections"), Map.of("answer", "x".repeat(2001)))))
                .containsOnlyKeys("answer");
    }

    @Test
    void anUndecidedApplicationIsWithdrawnAndItsHistoryStays() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String receiptNo = submit(DIBAO, ApplicationData.dibao());
        String id = reviewers.processInstanceOf(receiptNo);
        EngineTime.executeDueJobs(management, id);

        ResponseEntity<JsonNode> withdrawn = zhangsan.post(path(receiptNo, "withdrawal"), Map.of());

        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getBody().path("slaState").isNull()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        assertThat(ended.getDeleteReason()).isEqualTo("applicant withdrew");
        assertThat(zhangsan.post(path(receiptNo, "withdrawal"), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(zhangsan.upload(receiptNo, "income-proof", "income.pdf", "application/pdf", PDF).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(zhangsan.post(path(receiptNo, "rating"), Map.of("grade", 5)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDecidedCaseCannotBeWithdrawnAndIsRatedOnce() {
        String receiptNo = submit(DISABILITY, ApplicationData.disability());
        String id = reviewers.processInstanceOf(receiptNo);
        assertThat(zhangsan.post(path(receiptNo, "rating"), Map.of("grade", 5)).getStatusCode())
                .as("before the decision").isEqualTo(HttpStatus.CONFLICT);

        reviewers.decideDisabilitySubsidies(id);
        JsonNode decidedMailPending = view(receiptNo);
        assertThat(decidedMailPending.path("status").asText()).isEqualTo("DECIDED_APPROVED");
        assertThat(zhangsan.post(path(receiptNo, "withdrawal"), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        EngineTime.executeDueJobs(management, id);
        JsonNode decided = view(receiptNo);
        assertThat(decided.path("status").asText()).isEqualTo("DECIDED_APPROVED");
        assertThat(decided.path("slaState").isNull()).isTrue();
        assertThat(timeline(decided)).last().isEqualTo(tuple("caseDecided", "办结", "END"));
        assertThat(zhangsan.post(path(receiptNo, "withdrawal"), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(errors(zhangsan.post(path(receiptNo, "rating"), Map.of("grade", 6)))).containsOnlyKeys("grade");
        assertThat(errors(zhangsan.post(path(receiptNo, "rating"), Map.of("comment", "好")))).containsOnlyKeys("grade");
        assertThat(errors(zhangsan.post(path(receiptNo, "rating"), Map.of("grade", 5, "comment", "好".repeat(501)))))
                .containsOnlyKeys("comment");

        ResponseEntity<JsonNode> rated = zhangsan.post(path(receiptNo, "rating"),
                Map.of("grade", 5, "comment", "办得很快"));
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rated.getBody().path("grade").asInt()).isEqualTo(5);
        assertThat(zhangsan.post(path(receiptNo, "rating"), Map.of("grade", 4)).getStatusCode())
                .as("once per case").isEqualTo(HttpStatus.CONFLICT);
        assertThat(view(receiptNo).path("rating").path("comment").asText()).isEqualTo("办得很快");
        assertThat(tasks.createTaskQuery().taskName("差评回访：" + receiptNo).count()).isZero();
    }

    @Test
    void aPoorRatingBecomesAFollowUpTaskForTheDistrictsSupervisorsDueInThreeWorkingDays() {
        String receiptNo = submit(DISABILITY, ApplicationData.disability());
        String id = reviewers.processInstanceOf(receiptNo);
        reviewers.decideDisabilitySubsidies(id);
        EngineTime.executeDueJobs(management, id);
        // Friday before the make-up Saturday 2025-10-11: 10-11, 10-13, 10-14
        EngineTime.set("2025-10-10T09:00:00+08:00");

        ResponseEntity<JsonNode> rated = zhangsan.post(path(receiptNo, "rating"),
                Map.of("grade", 2, "comment", "材料退回了两次"));

        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task followUp = tasks.createTaskQuery().taskName("差评回访：" + receiptNo).singleResult();
        assertThat(followUp.getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-10-14T17:30:00+08:00").toInstant());
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly("supervisor-jinshui");
        assertThat(tasks.createTaskQuery().taskCandidateUser("supervisor").taskName("差评回访：" + receiptNo).count())
                .isEqualTo(1);
        assertThat(followUp.getDescription()).contains("2 分", "材料退回了两次");
        assertThat(tasks.getVariableLocal(followUp.getId(), "receiptNo")).isEqualTo(receiptNo);
    }

    // ---- helpers

    private String submit(String serviceCode, Map<String, Object> data) {
        if (DISABILITY.equals(serviceCode)) {
            EngineTime.set("2025-09-30T10:00:00+08:00");
        }
        return zhangsan.submitted(serviceCode, data);
    }

    private JsonNode view(String receiptNo) {
        ResponseEntity<JsonNode> response = zhangsan.application(receiptNo);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String path(String receiptNo, String action) {
        return "/api/applications/" + receiptNo + "/" + action;
    }

    private static List<Tuple> timeline(JsonNode application) {
        List<Tuple> entries = new ArrayList<>();
        application.path("timeline").forEach(entry -> entries.add(tuple(entry.path("activityId").asText(),
                entry.path("name").asText(), entry.path("kind").asText())));
        return entries;
    }
}
