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
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of processes/disability-subsidies.bpmn (残疾人两项补贴) on the real engine: the local review chain with
 * each combination of claimed subsidies, refusals by the decision tables, the one-time correction notice with its
 * supervisor-approved second notice and its 30-day expiry, and the cross-province path to the hukou authority.
 * Cases are received on 2025-09-30, the last working day before the National Day holiday (10-01 to 10-08, with
 * 10-11 a make-up working Saturday), so every deadline is counted across it.
 */
@TongbanIntegrationTest
class DisabilitySubsidiesProcessTest {

    static final String PROCESS = "disability-subsidies";
    static final String RECEIVED = "2025-09-30T10:00:00+08:00";
    /** 16 working days after 2025-09-30: 10-09, 10-10, 10-11 (make-up Saturday), 10-13 … 10-29. */
    static final String CASE_DEADLINE = "2025-10-29T17:30:00+08:00";
    /** The hukou authority's 10 working days, counted from 2025-09-30. */
    static final String HUKOU_DECISION_DEADLINE = "2025-10-21T17:30:00+08:00";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FormService formService;
    @Autowired
    ServiceCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void bothSubsidiesGrantedLocallyWithDeadlinesAcrossNationalDay() throws Exception {
        Case c = receive(application("both"));

        c.runJobs();
        assertThat(c.mailSubjects()).containsExactly("申请已受理（受理编号 " + c.receiptNo + "）");
        assertThat(c.mailBody(0)).contains("测试申请人，您好", "承诺办结时间：2025-10-29");

        Task acceptance = c.task("acceptance");
        assertThat(candidateGroups(acceptance)).containsExactly("township-jinshui");
        assertThat(acceptance.getDueDate()).isEqualTo(at(CASE_DEADLINE));
        assertThat(runtimeService.getVariable(c.id, "caseDeadline")).isEqualTo(at(CASE_DEADLINE));
        c.complete(acceptance, Map.of("acceptanceOutcome", "accept"));

        Task townshipReview = c.task("townshipReview");
        assertThat(candidateGroups(townshipReview)).containsExactly("township-jinshui");
        assertThat(townshipReview.getDueDate()).isEqualTo(at(HUKOU_DECISION_DEADLINE));
        assertThat(runtimeService.getVariable(c.id, "hukouDecisionDeadline")).isEqualTo(at(HUKOU_DECISION_DEADLINE));

        // later steps inside the hukou authority's budget keep its deadline, however late they start
        EngineTime.set("2025-10-10T09:00:00+08:00");
        c.complete(townshipReview, Map.of("townshipOpinion", "经入户核实，情况属实"));
        Task federationReview = c.task("federationReview");
        assertThat(candidateGroups(federationReview)).containsExactly("canlian-jinshui");
        assertThat(federationReview.getDueDate()).isEqualTo(at(HUKOU_DECISION_DEADLINE));
        c.complete(federationReview, federationConfirms(1));

        Task decision = c.task("civilAffairsDecision");
        assertThat(candidateGroups(decision)).containsExactly("county-jinshui");
        assertThat(decision.getDueDate()).isEqualTo(at(HUKOU_DECISION_DEADLINE));
        assertThat(c.variables("livingSubsidyEligible", "livingSubsidyReasonCode", "livingSubsidyOutcome",
                "careSubsidyEligible", "careSubsidyReasonCode", "careSubsidyOutcome", "paymentStartMonth"))
                .containsEntry("livingSubsidyEligible", true)
                .containsEntry("livingSubsidyReasonCode", "DIBAO_HOUSEHOLD")
                .containsEntry("livingSubsidyOutcome", "approved")
                .containsEntry("careSubsidyEligible", true)
                .containsEntry("careSubsidyReasonCode", "SEVERE_LONG_TERM_CARE")
                .containsEntry("careSubsidyOutcome", "approved")
                .containsEntry("paymentStartMonth", "2025-09");
        c.complete(decision, Map.of("livingSubsidyOutcome", "approved", "careSubsidyOutcome", "approved"));

        c.runJobs();
        assertThat(c.isEnded()).isTrue();
        assertThat(c.endedAt()).isEqualTo("caseDecided");
        assertThat(c.historicVariable("approved")).isEqualTo(true);
        assertThat(c.historicVariable("livingSubsidyApproved")).isEqualTo(true);
        assertThat(c.historicVariable("careSubsidyApproved")).isEqualTo(true);
        assertThat(c.mailSubjects()).last().isEqualTo("申请 " + c.receiptNo + "：审批结果");
        assertThat(c.mailBody(1)).contains("已审核通过", "困难残疾人生活补贴：准予，自2025年9月起按月发放",
                "重度残疾人护理补贴：准予，自2025年9月起按月发放");
    }

    @Test
    void onlyTheLivingSubsidyIsDecidedWhenOnlyItIsClaimed() throws Exception {
        Case c = receive(application("living"));
        c.runJobs();
        c.throughToDecision(federationConfirms(1));

        assertThat(c.decisionsEvaluated()).containsExactlyInAnyOrder("livingSubsidy", "subsidyPaymentStartMonth");
        assertThat(runtimeService.getVariable(c.id, "careSubsidyOutcome")).isNull();
        c.complete(c.task("civilAffairsDecision"), Map.of("livingSubsidyOutcome", "approved"));

        c.runJobs();
        assertThat(c.historicVariable("approved")).isEqualTo(true);
        assertThat(c.historicVariable("careSubsidyApproved")).isNull();
        assertThat(c.mailBody(1)).contains("困难残疾人生活补贴：准予").doesNotContain("护理补贴");
    }

    @Test
    void onlyTheCareSubsidyIsDecidedWhenOnlyItIsClaimedAndPaymentStartsInTheAcceptanceMonth() throws Exception {
        // received in the evening of the last day before the holiday: accepted on 2025-10-09
        Map<String, Object> application = application("care");
        application.put("inDibaoHousehold", false);
        Case c = receiveAt("2025-09-30T20:00:00+08:00", application);
        c.runJobs();
        // 16 working days after 2025-10-09
        assertThat(c.task("acceptance").getDueDate()).isEqualTo(at("2025-10-30T17:30:00+08:00"));
        c.throughToDecision(federationConfirms(2));

        assertThat(c.decisionsEvaluated()).containsExactlyInAnyOrder("careSubsidy", "subsidyPaymentStartMonth");
        assertThat(runtimeService.getVariable(c.id, "livingSubsidyOutcome")).isNull();
        assertThat(runtimeService.getVariable(c.id, "paymentStartMonth")).isEqualTo("2025-10");
        c.complete(c.task("civilAffairsDecision"), Map.of("careSubsidyOutcome", "approved"));

        c.runJobs();
        assertThat(c.historicVariable("careSubsidyApproved")).isEqualTo(true);
        assertThat(c.historicVariable("livingSubsidyApproved")).isNull();
        assertThat(c.mailBody(1)).contains("重度残疾人护理补贴：准予，自2025年10月起按月发放").doesNotContain("生活补贴");
    }

    @Test
    void refusalsOfBothDecisionTablesReachTheDeciderAndTheApplicant() throws Exception {
        Map<String, Object> application = application("both");
        application.put("receivesExtremePovertySupport", true);
        Case c = receive(application);
        c.runJobs();
        c.throughToDecision(federationConfirms(3));

        assertThat(c.variables("livingSubsidyEligible", "livingSubsidyReasonCode", "livingSubsidyReason",
                "livingSubsidyOutcome", "livingSubsidyDecisionReason",
                "careSubsidyEligible", "careSubsidyReasonCode", "careSubsidyOutcome", "careSubsidyDecisionReason"))
                .containsEntry("livingSubsidyEligible", false)
                .containsEntry("livingSubsidyReasonCode", "EXTREME_POVERTY_SUPPORTED")
                .containsEntry("livingSubsidyReason", "已纳入特困人员救助供养，不享受困难残疾人生活补贴")
                .containsEntry("livingSubsidyOutcome", "refused")
                .containsEntry("livingSubsidyDecisionReason", "已纳入特困人员救助供养，不享受困难残疾人生活补贴")
                .containsEntry("careSubsidyEligible", false)
                .containsEntry("careSubsidyReasonCode", "GRADE_NOT_SEVERE")
                .containsEntry("careSubsidyOutcome", "refused")
                .containsEntry("careSubsidyDecisionReason", "残疾等级为三级或四级，不属于重度残疾人护理补贴对象");
        // the decider confirms the proposal as it stands
        c.complete(c.task("civilAffairsDecision"), Map.of());

        c.runJobs();
        assertThat(c.historicVariable("approved")).isEqualTo(false);
        assertThat(c.mailBody(1)).contains("未予批准",
                "困难残疾人生活补贴：不予批准，已纳入特困人员救助供养，不享受困难残疾人生活补贴",
                "重度残疾人护理补贴：不予批准，残疾等级为三级或四级，不属于重度残疾人护理补贴对象");
    }

    @Test
    void oneSubsidyGrantedAndTheOtherRefusedIsToldAsBoth() throws Exception {
        Case c = receive(application("both"));
        c.runJobs();
        c.throughToDecision(federationConfirms(3));

        assertThat(runtimeService.getVariable(c.id, "livingSubsidyOutcome")).isEqualTo("approved");
        assertThat(runtimeService.getVariable(c.id, "careSubsidyOutcome")).isEqualTo("refused");
        c.complete(c.task("civilAffairsDecision"), Map.of());

        c.runJobs();
        assertThat(c.historicVariable("approved")).isEqualTo(true);
        assertThat(c.historicVariable("livingSubsidyApproved")).isEqualTo(true);
        assertThat(c.historicVariable("careSubsidyApproved")).isEqualTo(false);
        assertThat(c.mailBody(1)).contains("已审核通过", "困难残疾人生活补贴：准予",
                "重度残疾人护理补贴：不予批准，残疾等级为三级或四级");
    }

    @Test
    void aRefusalWithoutReasonIsNotAccepted() {
        Case c = receive(application("care"));
        c.runJobs();
        c.throughToDecision(federationConfirms(1));
        Task decision = c.task("civilAffairsDecision");

        assertThatThrownBy(() -> taskService.complete(decision.getId(),
                Map.of("careSubsidyOutcome", "refused", "careSubsidyDecisionReason", " ")))
                .hasMessageContaining("careSubsidyDecisionReason");
        assertThatThrownBy(() -> taskService.complete(decision.getId(), Map.of("careSubsidyOutcome", "maybe")))
                .hasMessageContaining("careSubsidyOutcome");

        assertThat(c.task("civilAffairsDecision").getId()).isEqualTo(decision.getId());
    }

    @Test
    void correctionNoticeIsMailedAndTheAnswerReturnsTheCaseToAcceptance() throws Exception {
        Case c = receive(application("both"));
        c.runJobs();
        c.askForCorrection("1. 户口簿复印件\n2. 长期护理证明");

        c.runJobs();
        assertThat(c.mailSubjects()).last().isEqualTo("申请 " + c.receiptNo + "：一次性告知补正材料");
        assertThat(c.mailBody(1)).contains("户口簿复印件", "长期护理证明");
        assertThat(runtimeService.getVariable(c.id, "correctionNoticeCount")).isEqualTo(1L);

        c.answerCorrection();
        Task acceptance = c.task("acceptance");
        assertThat(candidateGroups(acceptance)).containsExactly("township-jinshui");
        c.complete(acceptance, Map.of("acceptanceOutcome", "accept"));
        assertThat(c.task("townshipReview")).isNotNull();
    }

    @Test
    void aSecondNoticeGoesOutOnlyWithTheSupervisorsApproval() throws Exception {
        Case c = receive(application("both"));
        c.runJobs();
        c.askForCorrection("户口簿复印件");
        c.runJobs();
        c.answerCorrection();

        c.askForCorrection("银行账户信息");
        Task approval = c.task("secondNoticeApproval");
        assertThat(candidateGroups(approval)).containsExactly("supervisor-jinshui");
        assertThat(approval.getDueDate()).isEqualTo(at(CASE_DEADLINE));
        assertThat(c.mailSubjects()).hasSize(2);

        c.complete(approval, Map.of("secondNoticeDecision", "approve", "supervisorComment", "材料确有遗漏"));
        c.runJobs();
        assertThat(c.mailSubjects()).hasSize(3).last().isEqualTo("申请 " + c.receiptNo + "：一次性告知补正材料");
        assertThat(c.mailBody(2)).contains("银行账户信息");
        assertThat(runtimeService.getVariable(c.id, "correctionNoticeCount")).isEqualTo(2L);

        c.answerCorrection();
        assertThat(c.task("acceptance")).isNotNull();
    }

    @Test
    void aRefusedSecondNoticeSendsTheCaseBackToAcceptanceWithoutMail() throws Exception {
        Case c = receive(application("both"));
        c.runJobs();
        c.askForCorrection("户口簿复印件");
        c.runJobs();
        c.answerCorrection();

        c.askForCorrection("银行账户信息");
        c.complete(c.task("secondNoticeApproval"),
                Map.of("secondNoticeDecision", "reject", "supervisorComment", "已补材料足以审核，请按现有材料受理"));

        c.runJobs();
        assertThat(c.task("acceptance")).isNotNull();
        assertThat(c.mailSubjects()).hasSize(2);
        assertThat(runtimeService.getVariable(c.id, "correctionNoticeCount")).isEqualTo(1L);
    }

    @Test
    void withoutAnAnswerWithinThirtyDaysTheCaseEndsWithAMail() throws Exception {
        Case c = receive(application("both"));
        c.runJobs();
        c.askForCorrection("户口簿复印件");
        c.runJobs();

        EngineTime.advance(Duration.ofDays(30).minusMinutes(1));
        c.runJobs();
        assertThat(c.isEnded()).isFalse();

        EngineTime.advance(Duration.ofMinutes(2));
        c.runJobs();
        assertThat(c.isEnded()).isTrue();
        assertThat(c.endedAt()).isEqualTo("closedWithoutCorrection");
        assertThat(c.mailSubjects()).hasSize(3).last().isEqualTo("申请 " + c.receiptNo + "：审批结果");
        assertThat(c.mailBody(2)).contains("未予批准", "30 日内未补正材料");
    }

    @Test
    void aCaseWhoseHukouIsElsewhereIsPushedAndItsResultToldEachWithinItsLimitAcrossNationalDay() throws Exception {
        Case c = receive(application("both"));
        c.runJobs();
        c.complete(c.task("acceptance"), Map.of("acceptanceOutcome", "accept", "hukouLocal", false,
                "hukouProvince", "460000", "hukouPlace", "海南省海口市龙华区"));

        Task push = c.task("handoffPush");
        assertThat(candidateGroups(push)).containsExactly("township-jinshui");
        // 3 working days from 2025-09-30: 10-09, 10-10 and the make-up Saturday 10-11
        assertThat(push.getDueDate()).isEqualTo(at("2025-10-11T17:30:00+08:00"));
        EngineTime.set("2025-10-11T17:30:00+08:00");
        c.runJobs();
        assertThat(c.breachedSteps()).isEmpty();
        EngineTime.set("2025-10-11T17:30:01+08:00");
        c.runJobs();
        assertThat(c.breachedSteps()).containsExactly("handoffPush@2025-10-11T17:30+08:00");

        EngineTime.set("2025-10-13T09:00:00+08:00");
        c.complete(push, Map.of("handoffNote", "案卷齐全"));
        // no partner authority serves Hainan here: a refusal that no retry can mend, an incident at once
        Job send = managementService.createJobQuery().processInstanceId(c.id).activityId("sendCaseToHukouAuthority")
                .singleResult();
        assertThatThrownBy(() -> managementService.executeJob(send.getId()))
                .hasMessageContaining("no partner authority configured for province 460000");
        assertThat(managementService.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(c.id).singleResult().getActivityId())
                .isEqualTo("sendCaseToHukouAuthority");

        // an operator hands the case over by other means and moves it on (Cockpit: modify the instance)
        runtimeService.createProcessInstanceModification(c.id).cancelAllForActivity("sendCaseToHukouAuthority")
                .startBeforeActivity("hukouCaseAccepted").setVariable("handoffPartner", "460100").execute();
        // the partner's ten working days run from the push: 10-14 … 10-24, 10-27
        assertThat(runtimeService.getVariable(c.id, "hukouDecisionDeadline")).isEqualTo(at("2025-10-27T17:30:00+08:00"));
        runtimeService.createMessageCorrelation("HukouCaseAccepted").processInstanceBusinessKey(c.receiptNo)
                .setVariable("hukouAuthority", "海口市民政局").correlate();
        assertThat(c.activeActivities()).containsExactly("hukouDecisionReceived");

        EngineTime.set("2025-10-24T15:00:00+08:00");
        runtimeService.createMessageCorrelation("HukouDecisionReceived").processInstanceBusinessKey(c.receiptNo)
                .setVariable("approved", true)
                .setVariable("decisionReason", "准予困难残疾人生活补贴和重度残疾人护理补贴，自2025年10月起发放")
                .correlate();

        Task notice = c.task("resultNotice");
        assertThat(candidateGroups(notice)).containsExactly("township-jinshui");
        // 3 working days from 10-24 (Friday): 10-27, 10-28, 10-29
        assertThat(notice.getDueDate()).isEqualTo(at("2025-10-29T17:30:00+08:00"));
        EngineTime.set("2025-10-29T17:30:01+08:00");
        c.runJobs();
        // the last day of the result notice is the last day of the whole case: both are breached
        assertThat(c.breachedSteps()).containsExactly("handoffPush@2025-10-11T17:30+08:00",
                "case@2025-10-29T17:30+08:00", "resultNotice@2025-10-29T17:30+08:00");
        c.complete(notice, Map.of("resultNoticeMethod", "phone"));

        c.runJobs();
        assertThat(c.isEnded()).isTrue();
        assertThat(c.endedAt()).isEqualTo("caseDecided");
        assertThat(c.decisionsEvaluated()).isEmpty();
        assertThat(c.mailSubjects()).last().isEqualTo("申请 " + c.receiptNo + "：审批结果");
        assertThat(c.mailBody(1)).contains("已审核通过", "自2025年10月起发放");
    }

    @Test
    void aCaseHandedOverByAPartnerRunsTheReviewChainHereUnderTheCaseDeadlineItCameWith() throws Exception {
        EngineTime.set("2025-09-30T10:00:00+08:00");
        String receiptNo = "CJ-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>(application("both"));
        variables.put("acceptedAt", at("2025-09-26T10:00:00+08:00"));
        // the receiving authority's deadline, moved by a correction notice there: it is the one both sides show
        variables.put("handoffCaseDeadline", at("2025-10-31T17:30:00+08:00"));
        variables.put("handedOver", true);
        variables.put("hukouLocal", true);
        variables.put("handoffPartner", "460100");
        variables.put("partnerAuthority", "海口市民政局");
        ProcessInstance instance = runtimeService.createMessageCorrelation("CrossProvinceCaseReceived")
                .processInstanceBusinessKey(receiptNo).setVariables(variables).correlateStartMessage();
        Case c = new Case(instance.getId(), receiptNo, "none");

        assertThat(runtimeService.getVariable(c.id, "caseDeadline")).isEqualTo(at("2025-10-31T17:30:00+08:00"));
        assertThat(c.activeActivities()).containsExactly("reportCaseAccepted");
        runtimeService.createProcessInstanceModification(c.id).cancelAllForActivity("reportCaseAccepted")
                .startBeforeActivity("reviewMerge").execute();

        Task townshipReview = c.task("townshipReview");
        assertThat(candidateGroups(townshipReview)).containsExactly("township-jinshui");
        assertThat(townshipReview.getDueDate()).isEqualTo(at(HUKOU_DECISION_DEADLINE));
        EngineTime.set("2025-10-21T17:30:01+08:00");
        c.runJobs();
        assertThat(c.breachedSteps()).containsExactly("townshipReview@2025-10-21T17:30+08:00");

        c.complete(townshipReview, Map.of("townshipOpinion", "经入户核实，情况属实"));
        c.complete(c.task("federationReview"), federationConfirms(1));
        c.complete(c.task("civilAffairsDecision"), Map.of("livingSubsidyOutcome", "approved",
                "careSubsidyOutcome", "approved"));

        assertThat(c.activeActivities()).containsExactly("reportDecision");
        assertThat(managementService.createJobQuery().processInstanceId(c.id).activityId("reportDecision").count())
                .isOne();
        assertThat(c.variables("approved")).containsEntry("approved", true);
        runtimeService.createProcessInstanceModification(c.id).cancelAllForActivity("reportDecision")
                .startBeforeActivity("decisionReported").execute();
        assertThat(c.isEnded()).isTrue();
        assertThat(c.endedAt()).isEqualTo("decisionReported");
        assertThat(c.mailSubjects()).isEmpty();
    }

    @Test
    void everyFormTheModelNamesIsDeployedWithIt() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).latestVersion().singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Set<String> formRefs = new HashSet<>();
        model.getModelElementsByType(UserTask.class).forEach(task -> formRefs.add(task.getCamundaFormRef()));
        model.getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getCamundaFormRef() != null)
                .forEach(start -> formRefs.add(start.getCamundaFormRef()));

        Set<String> deployedForms = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String resource : repositoryService.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
                    deployedForms.add(json.readTree(in).path("id").asText());
                }
            }
        }

        assertThat(formRefs).doesNotContainNull().containsExactlyInAnyOrder("disability-application",
                "disability-acceptance", "disability-supervisor-second-notice", "disability-township-review",
                "disability-federation-review", "disability-civil-affairs-decision", "disability-handoff-push",
                "disability-result-notice");
        assertThat(deployedForms).containsAll(formRefs);
        try (InputStream startForm = formService.getDeployedStartForm(definition.getId())) {
            JsonNode form = json.readTree(startForm);
            assertThat(form.path("id").asText()).isEqualTo("disability-application");
        }
    }

    @Test
    void everyStepOfTheCatalogueEntryIsAnActivityOfTheModel() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).latestVersion().singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Set<String> activities = model.getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).collect(Collectors.toSet());

        List<String> steps = catalog.find(PROCESS).orElseThrow().steps().stream().map(Step::id).toList();

        assertThat(steps).containsExactlyInAnyOrder("acceptance", "handoffPush", "townshipReview", "federationReview",
                "civilAffairsDecision", "hukouDecision", "resultNotice");
        assertThat(activities).containsAll(steps);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** An application for a holder of a grade-1 certificate in a 低保 household, needing care for a year. */
    static Map<String, Object> application(String subsidiesClaimed) {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", "测试申请人");
        data.put("applicantIdNumber", "410105198001011234");
        data.put("applicantPhone", "13800000001");
        data.put("district", "jinshui");
        data.put("townshipOffice", "jingbalu");
        data.put("disabilityCertificateNo", "41010519800101123441");
        data.put("disabilityCategory", "physical");
        data.put("disabilityGrade", 1);
        data.put("subsidiesClaimed", subsidiesClaimed);
        data.put("inDibaoHousehold", true);
        data.put("inLowIncomeHousehold", false);
        data.put("longTermCareMonths", 12);
        data.put("receivesExtremePovertySupport", false);
        data.put("receivesOrphanBasicLiving", false);
        data.put("receivesSimilarLivingAllowance", false);
        data.put("receivesSimilarCareAllowance", false);
        data.put("careFundedByInstitution", false);
        return data;
    }

    static Map<String, Object> federationConfirms(int grade) {
        return Map.of("holdsValidDisabilityCertificate", true, "disabilityGrade", grade,
                "disabilityCategory", "physical", "federationOpinion", "残疾人证有效，等级核验无误");
    }

    Case receive(Map<String, Object> application) {
        return receiveAt(RECEIVED, application);
    }

    Case receiveAt(String receivedAt, Map<String, Object> application) {
        EngineTime.set(receivedAt);
        String receiptNo = "CJ-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>(application);
        variables.put("applicantEmail", "applicant-" + UUID.randomUUID() + "@example.cn");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, receiptNo, variables);
        return new Case(instance.getId(), receiptNo, (String) variables.get("applicantEmail"));
    }

    List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    static Date at(String isoDateTime) {
        return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
    }

    /** One running case, addressed by its process instance, business key and the applicant's unique address. */
    final class Case {

        final String id;
        final String receiptNo;
        final String email;

        Case(String id, String receiptNo, String email) {
            this.id = id;
            this.receiptNo = receiptNo;
            this.email = email;
        }

        void runJobs() {
            EngineTime.executeDueJobs(managementService, id);
        }

        Task task(String activityId) {
            Task task = taskService.createTaskQuery().processInstanceId(id).singleResult();
            assertThat(task).as("the one open task of case %s", receiptNo).isNotNull();
            assertThat(task.getTaskDefinitionKey()).isEqualTo(activityId);
            return task;
        }

        void complete(Task task, Map<String, Object> variables) {
            taskService.complete(task.getId(), variables);
        }

        void throughToDecision(Map<String, Object> federation) {
            complete(task("acceptance"), Map.of("acceptanceOutcome", "accept"));
            complete(task("townshipReview"), Map.of("townshipOpinion", "经入户核实，情况属实"));
            complete(task("federationReview"), federation);
            task("civilAffairsDecision");
        }

        void askForCorrection(String items) {
            complete(task("acceptance"), Map.of("acceptanceOutcome", "correction", "correctionItems", items));
        }

        void answerCorrection() {
            runtimeService.createMessageCorrelation("CorrectionAnswered").processInstanceBusinessKey(receiptNo)
                    .correlate();
        }

        Map<String, Object> variables(String... names) {
            return runtimeService.getVariables(id, List.of(names));
        }

        Object historicVariable(String name) {
            HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(id).variableName(name).singleResult();
            return variable == null ? null : variable.getValue();
        }

        List<String> decisionsEvaluated() {
            return historyService.createHistoricDecisionInstanceQuery().processInstanceId(id).list().stream()
                    .map(HistoricDecisionInstance::getDecisionDefinitionKey).toList();
        }

        List<String> activeActivities() {
            return runtimeService.getActiveActivityIds(id);
        }

        boolean isEnded() {
            return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult() == null;
        }

        /** The steps recorded as breached, as step@deadline in Beijing time, earliest deadline first. */
        List<String> breachedSteps() {
            return jdbc.sql("SELECT step_id, deadline FROM sla_breach WHERE process_instance_id = :id"
                            + " ORDER BY deadline, step_id")
                    .param("id", id)
                    .query((rs, row) -> rs.getString("step_id") + "@" + rs.getObject("deadline", OffsetDateTime.class)
                            .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime())
                    .list();
        }

        String endedAt() {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(id).singleResult();
            return instance.getEndActivityId();
        }

        List<MimeMessage> mails() {
            return Arrays.stream(TestInfrastructure.receivedMails())
                    .filter(mail -> {
                        try {
                            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                    .anyMatch(address -> address.toString().equals(email));
                        } catch (Exception e) {
                            return false;
                        }
                    }).toList();
        }

        List<String> mailSubjects() throws Exception {
            return mails().stream().map(mail -> {
                try {
                    return mail.getSubject();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toList());
        }

        String mailBody(int index) throws Exception {
            return mails().get(index).getContent().toString();
        }
    }
}
