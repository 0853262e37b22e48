package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 婚姻登记跨省通办 (processes/marriage-registration.bpmn) on the real engine, database and SMTP server: every
 * path from the online appointment to the certificate, with the engine clock set to the days of each rule period.
 */
@TongbanIntegrationTest
class MarriageRegistrationProcessTest {

    private static final String PROCESS = "marriage-registration";

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
    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    static Stream<Arguments> rulePeriods() {
        return Stream.of(
                // 2021-2023 pilot: registering away from both hukou places needs a residence permit issued here
                Arguments.of("2022-03-14T10:00:00+08:00", "2022-03-15", "AM", "jinshui", true, true,
                        "pilot-2021", "J4101052022"),
                // 2023-2025 expansion: the same condition, Henan still in the area
                Arguments.of("2024-03-11T16:00:00+08:00", "2024-03-12", "PM", "erqi", true, true,
                        "expansion-2023", "J4101032024"),
                // from 2025-05-10: ID card and signed declaration at any office, no hukou booklet, no permit
                Arguments.of("2025-06-09T09:00:00+08:00", "2025-06-10", "AM", "zhengdong", false, false,
                        "nationwide-2025", "JZHENGDONG2025"));
    }

    @ParameterizedTest(name = "{6}: booked {0} for {1} {2}")
    @MethodSource("rulePeriods")
    void aCoupleIsRegisteredOnTheAppointmentDayUnderTheRulesOfThatDay(String bookedAt, String date, String halfDay,
            String district, boolean residencePermit, boolean hukouBooks, String rulePeriod, String certificatePrefix)
            throws Exception {
        EngineTime.set(bookedAt);
        Map<String, Object> couple = couple(district, date, halfDay);
        couple.put("residencePermitWhereRegistering", residencePermit);
        couple.put("hukouBooksPresented", hukouBooks);
        ProcessInstance instance = start(couple);

        assertThat(instance).isWaitingAt("awaitAppointmentDay", "mailAppointmentConfirmed");
        assertThat(eligibility(instance)).containsEntry("eligible", true).containsEntry("rulePeriod", rulePeriod);
        assertThat(holdsPlace(instance)).isTrue();
        runDueJobs(instance);
        MimeMessage confirmation = onlyMail(couple, "申请已受理（受理编号 " + instance.getBusinessKey() + "）");
        // the template prints the time in the JVM's zone, so only the day is checked in the text
        assertThat(body(confirmation)).contains("李强，您好", "承诺办结时间：" + date);
        assertThat(runtime.getVariable(instance.getId(), "caseDeadline")).isEqualTo(at(date + "T17:30:00+08:00"));

        EngineTime.set(date + "T09:10:00+08:00");
        arrive(instance);
        Task verification = task(instance, "onSiteVerification");
        assertThat(verification.getDueDate()).isEqualTo(at(date + "T17:30:00+08:00"));
        assertThat(candidateGroups(verification)).containsExactly("registrar-" + district);
        assertThat(formIdOf(forms.getDeployedTaskForm(verification.getId())))
                .isEqualTo("marriage-on-site-verification");
        tasks.complete(verification.getId(), Map.of("onSiteDecision", "PASS", "identityVerified", true,
                "declarationSigned", true));

        String certificateNumber = (String) runtime.getVariable(instance.getId(), "certificateNumber");
        assertThat(certificateNumber).startsWith(certificatePrefix).matches("J[0-9A-Z]+\\d{4}\\d{6}")
                .hasSize(certificatePrefix.length() + 6);
        Task registration = task(instance, "registration");
        assertThat(registration.getDueDate()).isEqualTo(at(date + "T17:30:00+08:00"));
        assertThat(candidateGroups(registration)).containsExactly("registrar-" + district);
        assertThat(formIdOf(forms.getDeployedTaskForm(registration.getId()))).isEqualTo("marriage-registration");
        EngineTime.advance(Duration.ofMinutes(20));
        tasks.complete(registration.getId(), Map.of("certificateIssued", true));
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("registeredEnd").hasNotPassed("appointmentMissed");
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("已审核通过").doesNotContain("未予批准");
        assertThat(holdsPlace(instance)).as("a place used by the couple is not given back").isTrue();
    }

    @Test
    void beforeTheNationwideRulesAnOfficeAwayFromTheHukouNeedsAResidencePermitThere() throws Exception {
        EngineTime.set("2025-05-08T10:00:00+08:00");
        Map<String, Object> couple = couple("guancheng", "2025-05-09", "AM");
        couple.put("residencePermitWhereRegistering", false);

        ProcessInstance instance = start(couple);
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("eligibilityCheck", "releaseSlotIneligible", "ineligibleEnd")
                .hasNotPassed("mailAppointmentConfirmed");
        assertThat(eligibility(instance)).containsEntry("rulePeriod", "expansion-2023")
                .containsEntry("reasonCode", "NOT_COMPETENT_OFFICE");
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("未予批准", "理由：该登记机关既不在一方户口所在地，也不是一方持居住证的跨省通办地区登记机关");
        assertThat(holdsPlace(instance)).isFalse();
    }

    @Test
    void theLegalAgeIsReadFromTheIdNumberOnTheRegistrationDay() throws Exception {
        EngineTime.set("2023-06-07T10:00:00+08:00");
        Map<String, Object> couple = couple("jinshui", "2023-06-09", "PM");
        // born 2001-06-10: 22 only the day after the appointment
        couple.put("applicantIdNumber", "410105200106101230");

        ProcessInstance instance = start(couple);
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("ineligibleEnd");
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("一方未达法定婚龄（男二十二周岁、女二十周岁）");
    }

    @Test
    void anAppointmentForTheSameDayIsRefused() throws Exception {
        EngineTime.set("2023-03-01T08:00:00+08:00");
        Map<String, Object> couple = couple("jinshui", "2023-03-01", "PM");

        ProcessInstance instance = start(couple);
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("appointmentInvalid", "appointmentInvalidEnd")
                .hasNotPassed("eligibilityCheck");
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("未予批准", "须至少提前一天预约，最早可约2023-03-02");
        assertThat(hasBooking(instance)).isFalse();
    }

    @Test
    void officesAreClosedOnHolidaysAndWeekends() throws Exception {
        EngineTime.set("2023-01-18T10:00:00+08:00");
        Map<String, Object> springFestival = couple("erqi", "2023-01-24", "AM");
        Map<String, Object> saturday = couple("erqi", "2023-02-04", "AM");

        ProcessInstance onHoliday = start(springFestival);
        ProcessInstance onSaturday = start(saturday);
        runDueJobs(onHoliday);
        runDueJobs(onSaturday);

        assertThat(onHoliday).isEnded().hasPassed("appointmentInvalidEnd");
        assertThat(body(onlyMail(springFestival, "申请 " + onHoliday.getBusinessKey() + "：审批结果")))
                .contains("2023-01-24为春节放假，婚姻登记机关不办公");
        assertThat(onSaturday).isEnded().hasPassed("appointmentInvalidEnd");
        assertThat(body(onlyMail(saturday, "申请 " + onSaturday.getBusinessKey() + "：审批结果")))
                .contains("2023-02-04为周末，婚姻登记机关不办公");
    }

    @Test
    void aMakeUpWorkdayIsAnOfficeDayAndTheSameDayCommitmentEndsThatEvening() {
        // Friday before the Spring Festival; Saturday 2023-01-28 is worked to make up for it
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Map<String, Object> couple = couple("jinshui", "2023-01-28", "AM");

        ProcessInstance instance = start(couple);
        runDueJobs(instance);

        assertThat(instance).isWaitingAt("awaitAppointmentDay");
        assertThat(runtime.getVariable(instance.getId(), "caseDeadline")).isEqualTo(at("2023-01-28T17:30:00+08:00"));
        assertThat(noShowTimer(instance).getDuedate()).isEqualTo(at("2023-01-28T12:00:00+08:00"));

        EngineTime.set("2023-01-28T09:40:00+08:00");
        arrive(instance);

        Task verification = task(instance, "onSiteVerification");
        assertThat(verification.getDueDate()).isEqualTo(at("2023-01-28T17:30:00+08:00"));
        assertThat(noShowTimerIfAny(instance)).as("arrival settles the appointment").isEmpty();
    }

    @Test
    void aFullHalfDayIsRefusedAndAPlaceGivenBackCanBeBookedAgain() throws Exception {
        EngineTime.set("2024-03-11T10:00:00+08:00");
        List<ProcessInstance> booked = Stream.generate(() -> start(couple("shangjie", "2024-03-13", "PM")))
                .limit(20).toList();
        assertThat(booked).allSatisfy(instance -> assertThat(instance).isWaitingAt("awaitAppointmentDay"));

        Map<String, Object> latecomer = couple("shangjie", "2024-03-13", "PM");
        ProcessInstance refused = start(latecomer);
        runDueJobs(refused);

        assertThat(refused).isEnded().hasPassed("appointmentFull", "appointmentFullEnd")
                .hasNotPassed("eligibilityCheck");
        assertThat(body(onlyMail(latecomer, "申请 " + refused.getBusinessKey() + "：审批结果")))
                .contains("2024-03-13下午的预约已满，请改约其他时段");
        assertThat(start(couple("shangjie", "2024-03-13", "AM"))).as("the morning is another half day")
                .isWaitingAt("awaitAppointmentDay");

        runtime.createMessageCorrelation("AppointmentCancelled").processInstanceId(booked.get(0).getId()).correlate();
        assertThat(start(couple("shangjie", "2024-03-13", "PM"))).isWaitingAt("awaitAppointmentDay");
    }

    @Test
    void aCoupleThatDoesNotComeLosesThePlaceWhenTheirHalfDayEnds() throws Exception {
        EngineTime.set("2024-04-01T10:00:00+08:00");
        Map<String, Object> couple = couple("huiji", "2024-04-02", "PM");
        ProcessInstance instance = start(couple);
        runDueJobs(instance);
        assertThat(noShowTimer(instance).getDuedate()).isEqualTo(at("2024-04-02T17:30:00+08:00"));

        EngineTime.set("2024-04-02T17:29:00+08:00");
        runDueJobs(instance);
        assertThat(instance).isWaitingAt("awaitAppointmentDay");

        EngineTime.set("2024-04-02T17:31:00+08:00");
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("appointmentMissed", "releaseSlotNoShow", "noShowEnd");
        assertThat(holdsPlace(instance)).isFalse();
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("未予批准", "双方未在预约时段到场，本次预约已失效");
    }

    @Test
    void aCancelledAppointmentGivesThePlaceBack() {
        EngineTime.set("2024-04-01T10:00:00+08:00");
        Map<String, Object> couple = couple("zhongyuan", "2024-04-03", "AM");
        ProcessInstance instance = start(couple);
        runDueJobs(instance);

        EngineTime.set("2024-04-02T20:00:00+08:00");
        runtime.createMessageCorrelation("AppointmentCancelled")
                .processInstanceBusinessKey(instance.getBusinessKey()).correlate();

        assertThat(instance).isEnded().hasPassed("appointmentCancelled", "releaseSlotCancelled", "cancelledEnd")
                .hasNotPassed("mailNoShow");
        assertThat(holdsPlace(instance)).isFalse();
        assertThat(mailsTo(couple)).as("only the confirmation: the couple cancelled themselves").hasSize(1);
    }

    @Test
    void aRefusalOnSiteNeedsReasonsAndTellsThemToTheApplicant() throws Exception {
        EngineTime.set("2024-04-01T10:00:00+08:00");
        Map<String, Object> couple = couple("jinshui", "2024-04-02", "AM");
        ProcessInstance instance = start(couple);
        runDueJobs(instance);
        EngineTime.set("2024-04-02T10:00:00+08:00");
        arrive(instance);
        String verification = task(instance, "onSiteVerification").getId();

        assertThatThrownBy(() -> tasks.complete(verification, Map.of("onSiteDecision", "REFUSE")))
                .hasRootCauseInstanceOf(NotValidException.class).hasMessageContaining("refusalReason");
        assertThatThrownBy(() -> tasks.complete(verification, Map.of("onSiteDecision", "PASS",
                "identityVerified", true, "declarationSigned", false)))
                .hasRootCauseInstanceOf(NotValidException.class).hasMessageContaining("declarationSigned");
        assertThat(instance).isWaitingAt("onSiteVerification");

        tasks.complete(verification, Map.of("onSiteDecision", "REFUSE", "identityVerified", true,
                "declarationSigned", false, "refusalReason", "对方拒绝当面签署无配偶声明"));
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("mailRefusedOnSite", "refusedOnSiteEnd")
                .hasNotPassed("certificateNumbering");
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("未予批准", "理由：对方拒绝当面签署无配偶声明");
    }

    @Test
    void registrationWaitsUntilTheCertificateIsHandedOver() {
        EngineTime.set("2024-04-01T10:00:00+08:00");
        ProcessInstance instance = start(couple("guancheng", "2024-04-02", "PM"));
        runDueJobs(instance);
        EngineTime.set("2024-04-02T14:00:00+08:00");
        arrive(instance);
        tasks.complete(task(instance, "onSiteVerification").getId(), Map.of("onSiteDecision", "PASS",
                "identityVerified", true, "declarationSigned", true));
        String registration = task(instance, "registration").getId();

        assertThatThrownBy(() -> tasks.complete(registration, Map.of("certificateIssued", false)))
                .hasRootCauseInstanceOf(NotValidException.class).hasMessageContaining("certificateIssued");
        assertThat(instance).isWaitingAt("registration");
    }

    @Test
    void certificateNumbersOfAnOfficeRunOnThroughTheYear() {
        EngineTime.set("2024-05-06T10:00:00+08:00");
        ProcessInstance first = start(couple("shangjie", "2024-05-07", "AM"));
        ProcessInstance second = start(couple("shangjie", "2024-05-07", "AM"));
        EngineTime.set("2024-05-07T09:00:00+08:00");

        int firstSerial = serialOf(passVerification(first));
        int secondSerial = serialOf(passVerification(second));

        assertThat(secondSerial).isEqualTo(firstSerial + 1);
    }

    @Test
    void anAppointmentWithBadDataIsRefusedNamingEachProblem() throws Exception {
        EngineTime.set("2024-04-01T10:00:00+08:00");
        Map<String, Object> couple = couple("jinshui", "2024-04-02", "AM");
        couple.put("partnerIdNumber", "440106199707210026");
        couple.put("applicantPhone", "1234");
        couple.put("appointmentHalfDay", "EVENING");
        couple.remove("prohibitedKinship");

        ProcessInstance instance = start(couple);
        runDueJobs(instance);

        assertThat(instance).isEnded().hasPassed("appointmentInvalidEnd");
        assertThat(body(onlyMail(couple, "申请 " + instance.getBusinessKey() + "：审批结果")))
                .contains("对方身份证号码无效", "预约人手机号码无效", "预约时段无效", "是否为禁止结婚的亲属未作答");
        assertThat(hasBooking(instance)).isFalse();
    }

    @Test
    void everyFormTheModelNamesIsDeployedWithIt() throws IOException {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .latestVersion().singleResult();
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        List<String> formRefs = Stream.concat(
                // the SLA event subprocesses' start events are not started by anyone, so carry no form
                model.getModelElementsByType(StartEvent.class).stream()
                        .filter(start -> start.getParentElement() instanceof Process)
                        .map(StartEvent::getCamundaFormRef),
                model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)).toList();
        List<String> deployedForms = new ArrayList<>();
        for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                try (InputStream form = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
                    deployedForms.add(new ObjectMapper().readTree(form).path("id").asText());
                }
            }
        }

        assertThat(formRefs).containsExactlyInAnyOrder("marriage-appointment", "marriage-on-site-verification",
                "marriage-registration");
        assertThat(deployedForms).containsAll(formRefs);
        assertThat(formIdOf(forms.getDeployedStartForm(definition.getId()))).isEqualTo("marriage-appointment");
    }

    // ---- the couple and the case

    private static Map<String, Object> couple(String district, String date, String halfDay) {
        Map<String, Object> v = new HashMap<>();
        v.put("applicantName", "李强");
        v.put("applicantIdNumber", "510107199001010018");
        v.put("applicantPhone", "13912345678");
        v.put("applicantEmail", "couple-" + UUID.randomUUID() + "@example.cn");
        v.put("applicantHukouProvince", "510000");
        v.put("applicantMaritalStatus", "UNMARRIED");
        v.put("partnerName", "陈静");
        v.put("partnerIdNumber", "440106199707210025");
        v.put("partnerPhone", "13712345678");
        v.put("partnerHukouProvince", "440000");
        v.put("partnerMaritalStatus", "DIVORCED");
        v.put("district", district);
        v.put("appointmentDate", date);
        v.put("appointmentHalfDay", halfDay);
        v.put("hasIdCard", true);
        v.put("signedDeclaration", true);
        v.put("hukouBooksPresented", true);
        v.put("registeringOfficeIsHukouPlace", false);
        v.put("residencePermitWhereRegistering", true);
        v.put("prohibitedKinship", false);
        return v;
    }

    private ProcessInstance start(Map<String, Object> variables) {
        String receiptNo = "HY-" + UUID.randomUUID().toString().substring(0, 8);
        return runtime.startProcessInstanceByKey(PROCESS, receiptNo, variables);
    }

    private void runDueJobs(ProcessInstance instance) {
        EngineTime.executeDueJobs(management, instance.getId());
    }

    private void arrive(ProcessInstance instance) {
        runtime.createMessageCorrelation("PartiesArrived").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
    }

    private String passVerification(ProcessInstance instance) {
        arrive(instance);
        tasks.complete(task(instance, "onSiteVerification").getId(), Map.of("onSiteDecision", "PASS",
                "identityVerified", true, "declarationSigned", true));
        return (String) runtime.getVariable(instance.getId(), "certificateNumber");
    }

    private static int serialOf(String certificateNumber) {
        return Integer.parseInt(certificateNumber.substring(certificateNumber.length() - 6));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> eligibility(ProcessInstance instance) {
        return (Map<String, Object>) history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("eligibility").singleResult().getValue();
    }

    private Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private Job noShowTimer(ProcessInstance instance) {
        return noShowTimerIfAny(instance).orElseThrow();
    }

    private Optional<Job> noShowTimerIfAny(ProcessInstance instance) {
        return Optional.ofNullable(management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("appointmentMissed").singleResult());
    }

    private boolean hasBooking(ProcessInstance instance) {
        return jdbc.sql("SELECT COUNT(*) FROM marriage_appointment WHERE process_instance_id = ?")
                .param(instance.getId()).query(Integer.class).single() > 0;
    }

    private boolean holdsPlace(ProcessInstance instance) {
        return jdbc.sql("SELECT COUNT(*) FROM marriage_appointment WHERE process_instance_id = ?"
                        + " AND released_at IS NULL")
                .param(instance.getId()).query(Integer.class).single() > 0;
    }

    private static String formIdOf(InputStream form) throws IOException {
        try (form) {
            return new ObjectMapper().readTree(form).path("id").asText();
        }
    }

    private static Date at(String isoDateTime) {
        return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
    }

    // ---- mail, as GreenMail received it

    private static List<MimeMessage> mailsTo(Map<String, Object> couple) {
        String to = (String) couple.get("applicantEmail");
        return Arrays.stream(TestInfrastructure.receivedMails()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage onlyMail(Map<String, Object> couple, String subject) throws MessagingException {
        List<MimeMessage> withSubject = mailsTo(couple).stream().filter(mail -> {
            try {
                return subject.equals(mail.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(withSubject).as("mails '%s' to %s", subject, couple.get("applicantEmail")).hasSize(1);
        return withSubject.get(0);
    }

    private static String body(MimeMessage mail) throws MessagingException, IOException {
        return mail.getContent().toString();
    }
}
