package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/minimum-living-allowance.bpmn on the real engine: the job executor is off, time is
 * moved with {@link EngineTime}, jobs are run by hand, mail arrives in GreenMail. Deadlines are asserted as the
 * working-day rules give them, across the 2023 Spring Festival and May Day make-up days.
 */
@TongbanIntegrationTest
class MinimumLivingAllowanceProcessTest {

    static final String PROCESS = "minimum-living-allowance";
    /** Not in the demo economic-status data: the household's declaration stands. */
    static final String UNKNOWN_TO_PLATFORM = "410105198808081238";
    /** Demo data: the platform finds 1200 yuan a month and no assets over the limit. */
    static final String PLATFORM_LOW_INCOME = "410105196503121025";
    /** Demo data: the platform finds 3600 yuan a month. */
    static final String PLATFORM_HIGHER_INCOME = "41010519800704201X";
    /** Demo data: the platform does not answer. */
    static final String PLATFORM_DOWN = "410105199009215046";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    FormService forms;

    @Autowired
    ServiceCatalog catalog;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void approvedCaseRunsEveryStepWithWorkingDayDeadlinesAcrossTheSpringFestival() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(PLATFORM_LOW_INCOME);

        // 30 working days from Friday 2023-01-20: the festival week is off, 01-28 and 01-29 are make-up days
        assertThat(instant(runtime.getVariable(c.id, "caseDeadline"))).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        assertThat(runtime.getVariable(c.id, "caseDeadlineProvisional")).isEqualTo(false);
        runJobs(c);
        MimeMessage receipt = onlyMail(c, "申请已受理（受理编号 " + c.receiptNo + "）");
        assertThat(receipt.getContent().toString()).contains("张三", c.receiptNo, "承诺办结时间：2023-03-08 17:30");

        Task acceptance = openTask(c, "acceptance", "dibao-acceptance", "township-jinshui");
        assertThat(acceptance.getDueDate().toInstant()).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        tasks.complete(acceptance.getId(), Map.of("acceptanceDecision", "ACCEPT"));

        // the investigation must start within 3 working days of acceptance: 01-28, 01-29, 01-30
        Task investigation = openTask(c, "homeInvestigation", "dibao-home-investigation", "township-jinshui");
        assertThat(investigation.getDueDate().toInstant()).isEqualTo(at("2023-01-30T17:30:00+08:00"));
        EngineTime.set("2023-01-30T09:00:00+08:00");
        tasks.complete(investigation.getId(), investigated());
        assertThat(waitingAt(c)).containsExactly("economicCheck");
        runJobs(c);

        Map<String, Object> decided = runtime.getVariables(c.id);
        assertThat(decided).containsEntry("householdMonthlyIncome", 1200.0)
                .containsEntry("economicCheckSource", "DATA_PLATFORM")
                .containsEntry("localStandard", 750.0)
                .containsEntry("keyGroupSupplement", 100.0)
                .containsEntry("borderlineFactor", 1.5)
                .containsEntry("policyFiguresDate", "2023-01-20")
                .containsEntry("eligible", true)
                .containsEntry("eligibilityCategory", "FULL_HOUSEHOLD")
                .containsEntry("eligibilityReasonCode", "HOUSEHOLD_INCOME_BELOW_STANDARD")
                // 750 × 3 − 1200 (the verified, not the declared 1500) + 100 × 1 key-group member
                .containsEntry("monthlyAmount", 1150.0);

        Task review = openTask(c, "townshipReview", "dibao-township-review", "township-jinshui");
        assertThat(review.getDueDate().toInstant()).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        EngineTime.set("2023-02-01T10:00:00+08:00");
        tasks.complete(review.getId(), Map.of("townshipProposal", "APPROVE", "townshipOpinion", "符合条件，建议纳入"));

        // 7 calendar days: posted on 02-01, it runs to the end of 02-08
        Job notice = timer(c, "publicNotice");
        assertThat(notice.getDuedate().toInstant()).isEqualTo(at("2023-02-09T00:00:00+08:00"));
        EngineTime.set("2023-02-08T23:59:00+08:00");
        assertThat(runJobs(c)).isZero();
        EngineTime.set("2023-02-09T00:00:00+08:00");
        runJobs(c);

        Task county = openTask(c, "countyConfirmation", "dibao-county-confirmation", "county-jinshui");
        assertThat(county.getDueDate().toInstant()).isEqualTo(at("2023-02-23T17:30:00+08:00"));
        EngineTime.set("2023-02-15T10:00:00+08:00");
        tasks.complete(county.getId(), Map.of("countyDecision", "APPROVE",
                "decisionReason", "符合条件，核定每月保障金 1150 元"));

        assertThat(runtime.getVariable(c.id, "confirmationDate")).isEqualTo("2023-02-15");
        assertThat(runtime.getVariable(c.id, "paymentStartMonth")).isEqualTo("2023-03");
        runJobs(c);
        assertThat(endedAt(c)).isEqualTo("approved");
        MimeMessage decision = mailWithSubject(c, "申请 " + c.receiptNo + "：审批结果");
        assertThat(decision.getContent().toString()).contains("已审核通过", "核定每月保障金 1150 元");
        assertThat(mails(c)).hasSize(2);
    }

    @Test
    void missingMaterialsGetOneNoticeAndTheAnswerReturnsTheCaseToAcceptance() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(UNKNOWN_TO_PLATFORM);
        runJobs(c);

        requestCorrection(c, "户口簿；家庭成员收入证明");
        assertThat(waitingAt(c)).containsExactly("mailCorrectionNotice");
        runJobs(c);
        assertThat(waitingAt(c)).containsExactly("correctionAnswered");
        assertThat(runtime.getVariable(c.id, "correctionNotices")).isEqualTo(1L);
        MimeMessage notice = mailWithSubject(c, "申请 " + c.receiptNo + "：一次性告知补正材料");
        assertThat(notice.getContent().toString()).contains("户口簿；家庭成员收入证明");
        assertThat(timer(c, "correctionTimeout").getDuedate().toInstant()).isEqualTo(at("2023-02-19T10:00:00+08:00"));

        EngineTime.set("2023-01-31T15:00:00+08:00");
        answerCorrection(c);

        assertThat(timer(c, "correctionTimeout")).isNull();
        Task again = openTask(c, "acceptance", "dibao-acceptance", "township-jinshui");
        tasks.complete(again.getId(), Map.of("acceptanceDecision", "ACCEPT"));
        Task investigation = openTask(c, "homeInvestigation", "dibao-home-investigation", "township-jinshui");
        // counted from the acceptance after the answer: 02-01, 02-02, 02-03
        assertThat(investigation.getDueDate().toInstant()).isEqualTo(at("2023-02-03T17:30:00+08:00"));
    }

    @Test
    void aDecisionTheModelDoesNotKnowIsRefusedAndTheTaskStaysOpen() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(UNKNOWN_TO_PLATFORM);
        runJobs(c);
        Task acceptance = openTask(c, "acceptance", "dibao-acceptance", "township-jinshui");

        assertThatThrownBy(() -> tasks.complete(acceptance.getId(), Map.of("acceptanceDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(openTask(c, "acceptance", "dibao-acceptance", "township-jinshui").getId())
                .isEqualTo(acceptance.getId());
        assertThat(runtime.getVariable(c.id, "acceptanceDecision")).isNull();
    }

    @Test
    void aSecondNoticeGoesOutOnceTheSupervisorApproves() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(UNKNOWN_TO_PLATFORM);
        runJobs(c);
        requestCorrection(c, "户口簿");
        runJobs(c);
        answerCorrection(c);

        requestCorrection(c, "家庭财产申报表");
        assertThat(mailsWithSubject(c, "申请 " + c.receiptNo + "：一次性告知补正材料")).hasSize(1);
        Task approval = openTask(c, "secondCorrectionApproval", "dibao-second-notice-approval", "supervisor-jinshui");
        assertThat(approval.getDueDate().toInstant()).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        tasks.complete(approval.getId(), Map.of("secondNoticeDecision", "APPROVE",
                "secondNoticeOpinion", "前次告知遗漏财产申报表，准予补告"));
        runJobs(c);

        assertThat(waitingAt(c)).containsExactly("correctionAnswered");
        assertThat(runtime.getVariable(c.id, "correctionNotices")).isEqualTo(2L);
        List<MimeMessage> notices = mailsWithSubject(c, "申请 " + c.receiptNo + "：一次性告知补正材料");
        assertThat(notices).hasSize(2);
        assertThat(notices.get(1).getContent().toString()).contains("家庭财产申报表");
    }

    @Test
    void aSecondNoticeTheSupervisorRejectsSendsTheCaseBackToAcceptanceWithoutMail() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(UNKNOWN_TO_PLATFORM);
        runJobs(c);
        requestCorrection(c, "户口簿");
        runJobs(c);
        answerCorrection(c);

        requestCorrection(c, "再补一份收入证明");
        Task approval = openTask(c, "secondCorrectionApproval", "dibao-second-notice-approval", "supervisor-jinshui");
        tasks.complete(approval.getId(), Map.of("secondNoticeDecision", "REJECT",
                "secondNoticeOpinion", "材料已可认定，请按现有材料受理"));

        assertThat(runJobs(c)).isZero();
        openTask(c, "acceptance", "dibao-acceptance", "township-jinshui");
        assertThat(runtime.getVariable(c.id, "correctionNotices")).isEqualTo(1L);
        assertThat(mailsWithSubject(c, "申请 " + c.receiptNo + "：一次性告知补正材料")).hasSize(1);
    }

    @Test
    void noAnswerWithinThirtyDaysEndsTheCaseAsNotAccepted() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(UNKNOWN_TO_PLATFORM);
        runJobs(c);
        requestCorrection(c, "户口簿");
        runJobs(c);

        EngineTime.set("2023-02-19T09:59:00+08:00");
        assertThat(runJobs(c)).isZero();
        assertThat(waitingAt(c)).containsExactly("correctionAnswered");
        EngineTime.set("2023-02-19T10:00:00+08:00");
        runJobs(c);

        assertThat(endedAt(c)).isEqualTo("notAccepted");
        MimeMessage decision = mailWithSubject(c, "申请 " + c.receiptNo + "：审批结果");
        assertThat(decision.getContent().toString()).contains("未予批准", "逾期未补正材料");
        assertThatThrownBy(() -> answerCorrection(c)).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void countyRefusalIsNotifiedInWritingWithinThreeWorkingDaysAcrossMayDay() throws Exception {
        EngineTime.set("2023-04-10T10:00:00+08:00");
        Case c = apply(PLATFORM_HIGHER_INCOME);
        runJobs(c);
        tasks.complete(openTask(c, "acceptance", "dibao-acceptance", "township-jinshui").getId(),
                Map.of("acceptanceDecision", "ACCEPT"));
        tasks.complete(openTask(c, "homeInvestigation", "dibao-home-investigation", "township-jinshui").getId(),
                investigated());
        runJobs(c);

        // 3600 for three members is 1200 a head, not below the 750 standard
        assertThat(runtime.getVariables(c.id)).containsEntry("eligible", false)
                .containsEntry("eligibilityReasonCode", "INCOME_NOT_BELOW_STANDARD")
                .containsEntry("monthlyAmount", 0.0);
        EngineTime.set("2023-04-12T10:00:00+08:00");
        tasks.complete(openTask(c, "townshipReview", "dibao-township-review", "township-jinshui").getId(),
                Map.of("townshipProposal", "REFUSE", "townshipOpinion", "人均收入高于当地低保标准"));
        EngineTime.set("2023-04-20T00:00:00+08:00");
        runJobs(c);

        // 10 working days from Thursday 04-20: 04-21, Sunday 04-23 (make-up), 04-24..28, 05-04, 05-05, Saturday 05-06
        Task county = openTask(c, "countyConfirmation", "dibao-county-confirmation", "county-jinshui");
        assertThat(county.getDueDate().toInstant()).isEqualTo(at("2023-05-06T17:30:00+08:00"));
        EngineTime.set("2023-04-28T10:00:00+08:00");
        tasks.complete(county.getId(), Map.of("countyDecision", "REFUSE",
                "decisionReason", "家庭人均月收入 1200 元，高于本市低保标准 750 元"));

        // Labour Day 04-29..05-03 is off: 05-04, 05-05 and the make-up Saturday 05-06
        Task refusal = openTask(c, "refusalNotice", "dibao-refusal-notice", "township-jinshui");
        assertThat(refusal.getDueDate().toInstant()).isEqualTo(at("2023-05-06T17:30:00+08:00"));
        assertThat(runtime.getVariable(c.id, "paymentStartMonth")).isNull();
        tasks.complete(refusal.getId(), Map.of(
                "decisionReason", "经核对，家庭人均月收入 1200 元，高于本市低保标准 750 元",
                "noticeDeliveryMethod", "IN_PERSON", "noticeDeliveredOn", "2023-05-04"));
        runJobs(c);

        assertThat(endedAt(c)).isEqualTo("refused");
        MimeMessage decision = mailWithSubject(c, "申请 " + c.receiptNo + "：审批结果");
        assertThat(decision.getContent().toString()).contains("未予批准", "高于本市低保标准 750 元")
                .doesNotContain("已审核通过");
    }

    @Test
    void anObjectionDuringTheNoticeSendsTheCaseToReInvestigationAndThenToTheCounty() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(UNKNOWN_TO_PLATFORM);
        runJobs(c);
        assertThatThrownBy(() -> objection(c)).isInstanceOf(MismatchingMessageCorrelationException.class);
        tasks.complete(openTask(c, "acceptance", "dibao-acceptance", "township-jinshui").getId(),
                Map.of("acceptanceDecision", "ACCEPT"));
        tasks.complete(openTask(c, "homeInvestigation", "dibao-home-investigation", "township-jinshui").getId(),
                investigated());
        runJobs(c);
        assertThat(runtime.getVariable(c.id, "economicCheckSource")).isEqualTo("DECLARATION");
        assertThat(runtime.getVariable(c.id, "householdMonthlyIncome")).isEqualTo(1500.0);
        EngineTime.set("2023-02-01T10:00:00+08:00");
        tasks.complete(openTask(c, "townshipReview", "dibao-township-review", "township-jinshui").getId(),
                Map.of("townshipProposal", "APPROVE", "townshipOpinion", "符合条件"));

        EngineTime.set("2023-02-03T11:00:00+08:00");
        objection(c);

        assertThat(timer(c, "publicNotice")).isNull();
        Task reInvestigation = openTask(c, "reInvestigation", "dibao-re-investigation", "township-jinshui");
        assertThat(reInvestigation.getDueDate().toInstant()).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        assertThat(runtime.getVariable(c.id, "objection")).isEqualTo("邻居反映申请人有房屋出租收入");
        EngineTime.set("2023-02-06T16:00:00+08:00");
        tasks.complete(reInvestigation.getId(), Map.of("reInvestigationMethod", "DEMOCRATIC_APPRAISAL",
                "reInvestigationFindings", "民主评议认定出租收入属实，每月约 2000 元",
                "townshipProposal", "REFUSE", "townshipOpinion", "计入出租收入后高于标准"));

        // straight to the county, no second notice: 02-07..02-10, 02-13..02-17, 02-20
        Task county = openTask(c, "countyConfirmation", "dibao-county-confirmation", "county-jinshui");
        assertThat(county.getDueDate().toInstant()).isEqualTo(at("2023-02-20T17:30:00+08:00"));
        assertThat(runtime.getVariable(c.id, "townshipProposal")).isEqualTo("REFUSE");
    }

    @Test
    void aPlatformOutageIsRetriedAndThenBecomesAnIncidentWhileTheCaseWaits() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Case c = apply(PLATFORM_DOWN);
        runJobs(c);
        tasks.complete(openTask(c, "acceptance", "dibao-acceptance", "township-jinshui").getId(),
                Map.of("acceptanceDecision", "ACCEPT"));
        tasks.complete(openTask(c, "homeInvestigation", "dibao-home-investigation", "township-jinshui").getId(),
                investigated());

        Job check = management.createJobQuery().processInstanceId(c.id).activityId("economicCheck").singleResult();
        assertThatThrownBy(() -> management.executeJob(check.getId()))
                .hasMessageContaining("did not answer");
        Job retried = management.createJobQuery().jobId(check.getId()).singleResult();
        // R5/PT30M: four tries left, the next in 30 minutes
        assertThat(retried.getRetries()).isEqualTo(4);
        assertThat(retried.getDuedate().toInstant()).isEqualTo(at("2023-01-20T10:30:00+08:00"));
        assertThat(waitingAt(c)).containsExactly("economicCheck");
        assertThat(runJobs(c)).isZero();

        for (int attempt = 2; attempt <= 5; attempt++) {
            EngineTime.advance(Duration.ofMinutes(30));
            assertThatThrownBy(() -> management.executeJob(check.getId())).hasMessageContaining("did not answer");
        }

        assertThat(management.createJobQuery().jobId(check.getId()).singleResult().getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(c.id).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("economicCheck");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.id).active().count()).isOne();
        assertThat(runtime.getVariable(c.id, "householdMonthlyIncome")).isNull();
    }

    @Test
    void everyFormTheModelNamesIsDeployedAndEveryStepIsInTheCatalogue() throws IOException {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .latestVersion().singleResult();
        assertThat(definition.getVersionTag()).isEqualTo("1.0");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());

        Set<String> deployedForms = deployedFormIds(definition.getDeploymentId());
        Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
        assertThat(userTasks).isNotEmpty().allSatisfy(task -> {
            assertThat(deployedForms).as(task.getId()).contains(task.getCamundaFormRef());
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).endsWith("-${district}");
            assertThat(task.getCamundaDueDate()).as(task.getId()).startsWith("${sla.dueAt(execution, '");
        });
        StartEvent start = model.getModelElementsByType(StartEvent.class).iterator().next();
        assertThat(deployedForms).contains(start.getCamundaFormRef());
        assertThat(json.readTree(forms.getDeployedStartForm(definition.getId())).get("id").asText())
                .isEqualTo("dibao-application");

        Set<String> nodeIds = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toSet());
        List<String> steps = catalog.find(PROCESS).orElseThrow().steps().stream().map(Step::id).toList();
        assertThat(nodeIds).containsAll(steps);
        // the supervisor's approval of a second notice belongs to the acceptance step; it is not a step itself
        assertThat(userTasks).extracting(UserTask::getId).filteredOn(id -> !steps.contains(id))
                .containsExactly("secondCorrectionApproval");
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Case(String id, String receiptNo, String email) {
    }

    private Case apply(String idNumber) {
        String receiptNo = "DB-TEST-" + UUID.randomUUID();
        String email = "applicant-" + UUID.randomUUID() + "@example.cn";
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", "张三");
        variables.put("applicantIdNumber", idNumber);
        variables.put("applicantPhone", "13800000001");
        variables.put("applicantEmail", email);
        variables.put("district", "jinshui");
        variables.put("townshipOffice", "文化路街道");
        variables.put("householdMembers", 3);
        variables.put("keyGroupMembers", 1);
        variables.put("declaredMonthlyIncome", 1500.00);
        variables.put("declaredAssetsOverLimit", false);
        variables.put("declaredExcludedProperty", false);
        variables.put("singlePersonCase", false);
        variables.put("applicantSeriouslyIll", false);
        variables.put("acceptedAt", ClockUtil.getCurrentTime());
        String id = runtime.startProcessInstanceByKey(PROCESS, receiptNo, variables).getId();
        return new Case(id, receiptNo, email);
    }

    private void requestCorrection(Case c, String items) {
        tasks.complete(openTask(c, "acceptance", "dibao-acceptance", "township-jinshui").getId(),
                Map.of("acceptanceDecision", "REQUEST_CORRECTION", "correctionItems", items));
    }

    private void answerCorrection(Case c) {
        runtime.createMessageCorrelation("CorrectionAnswered").processInstanceId(c.id)
                .setVariable("correctionAnswer", "已上传所缺材料").correlate();
    }

    private void objection(Case c) {
        runtime.createMessageCorrelation("ObjectionRaised").processInstanceId(c.id)
                .setVariable("objection", "邻居反映申请人有房屋出租收入").correlate();
    }

    private static Map<String, Object> investigated() {
        return Map.of("investigators", "李明、王强", "investigationDate", "2023-01-30",
                "investigationMethod", "HOME_VISIT", "investigationFindings", "家中仅有基本生活用品，无车辆，无出租房屋。");
    }

    /** The one open task of the case at a step, checked for its form and its candidate group. */
    private Task openTask(Case c, String step, String formId, String candidateGroup) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(c.id).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(step);
        Task task = open.get(0);
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly(candidateGroup);
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            assertThat(json.readTree(form).get("id").asText()).isEqualTo(formId);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return task;
    }

    private int runJobs(Case c) {
        return EngineTime.executeDueJobs(management, c.id);
    }

    private Job timer(Case c, String activityId) {
        return management.createJobQuery().processInstanceId(c.id).timers().activityId(activityId).singleResult();
    }

    private List<String> waitingAt(Case c) {
        return runtime.getActiveActivityIds(c.id);
    }

    private String endedAt(Case c) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(c.id)
                .singleResult();
        assertThat(instance.getEndTime()).as("case has ended").isNotNull();
        return instance.getEndActivityId();
    }

    private List<MimeMessage> mails(Case c) {
        return Arrays.stream(TestInfrastructure.receivedMails()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(c.email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private List<MimeMessage> mailsWithSubject(Case c, String subject) {
        return mails(c).stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private MimeMessage mailWithSubject(Case c, String subject) {
        List<MimeMessage> found = mailsWithSubject(c, subject);
        assertThat(found).as("mail '%s'", subject).hasSize(1);
        return found.get(0);
    }

    private MimeMessage onlyMail(Case c, String subject) {
        assertThat(mails(c)).hasSize(1);
        return mailWithSubject(c, subject);
    }

    private Set<String> deployedFormIds(String deploymentId) throws IOException {
        Set<String> ids = new HashSet<>();
        for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                    JsonNode form = json.readTree(in);
                    ids.add(form.get("id").asText());
                }
            }
        }
        return ids;
    }

    private static Instant instant(Object date) {
        return ((Date) date).toInstant();
    }

    private static Instant at(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime).toInstant();
    }
}
