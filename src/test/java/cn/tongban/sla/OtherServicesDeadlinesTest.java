package cn.tongban.sla;

import static cn.tongban.sla.AllowanceCases.at;
import static cn.tongban.sla.AllowanceCases.instant;
import static cn.tongban.sla.AllowanceCases.mails;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA timers of the other two models: marriage registration is committed on the appointment day once the
 * couple has come (a no-show is no breach); the disability subsidies' review steps share the hukou authority's
 * 10 working days, counted from when that authority's review began.
 */
@TongbanIntegrationTest
class OtherServicesDeadlinesTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    AllowanceCases records;

    @BeforeEach
    void records() {
        records = new AllowanceCases(runtime, tasks, management, jdbc);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aRegistrationNotDoneOnTheAppointmentDayIsBreachedForTheStepAndTheCase() {
        EngineTime.set("2024-06-03T10:00:00+08:00");
        Case c = marriage("2024-06-04", "AM");
        // booked a day ahead: the same-day commitment runs on the appointment day
        assertThat(records.caseDeadline(c)).isEqualTo(at("2024-06-04T17:30:00+08:00"));
        assertThat(records.caseRow(c)).containsEntry("deadline_fixed", true);
        assertThat(records.caseTimer(c).getDuedate().toInstant()).isEqualTo(at("2024-06-04T17:30:01+08:00"));

        EngineTime.set("2024-06-04T09:10:00+08:00");
        runtime.createMessageCorrelation("PartiesArrived").processInstanceId(c.id()).correlate();
        Task verification = records.task(c, "onSiteVerification");
        assertThat(records.stepTimers(c, "onSiteVerification"))
                .containsExactly(at("2024-06-04T00:00:00+08:00"), at("2024-06-04T17:30:01+08:00"));
        // a same-day step is due soon from the moment it exists: no reminder is sent for it
        records.runJobs(c);
        assertThat(mails("registrar.jinshui@example.com", "办理时限提醒：申请 " + c.receiptNo() + " 即将到期")).isEmpty();
        assertThat(records.stepRow(verification).get("due_soon_notified_at")).isNotNull();

        EngineTime.set("2024-06-04T17:30:01+08:00");
        records.runJobs(c);

        assertThat(records.breaches(c)).extracting(breach -> breach.get("step_id"))
                .containsExactlyInAnyOrder("onSiteVerification", "case");
        assertThat(mails("supervisor@example.com", "超期督办：申请 " + c.receiptNo() + " 已超过办理时限")).hasSize(2);
    }

    @Test
    void aCoupleThatDoesNotComeIsNoBreachEvenAtTheEndOfTheDay() {
        EngineTime.set("2024-06-03T10:00:00+08:00");
        Case c = marriage("2024-06-04", "PM");

        // the afternoon ends with the working day: the no-show timer and the case timer one second apart
        EngineTime.set("2024-06-04T17:45:00+08:00");
        records.runJobs(c);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.id()).count()).isZero();
        assertThat(records.breaches(c)).isEmpty();
        assertThat(records.caseRow(c)).containsEntry("outcome", "CANCELLED");
        assertThat(records.caseRow(c).get("on_time")).isNull();
    }

    @Test
    void theHukouAuthoritysStepsShareItsTenWorkingDaysAndABreachNamesTheStepLeftOpen() {
        EngineTime.set("2025-09-30T10:00:00+08:00");
        String receiptNo = "CJ-SLA-" + UUID.randomUUID();
        Case c = new Case(runtime.startProcessInstanceByKey("disability-subsidies", receiptNo, disability()).getId(),
                receiptNo);
        records.runJobs(c);
        records.complete(c, "acceptance", Map.of("acceptanceOutcome", "accept"));

        // 10 working days from 2025-09-30, across National Day: 10-09 .. 10-21
        Task township = records.task(c, "townshipReview");
        Map<String, Object> row = records.stepRow(township);
        assertThat(row).containsEntry("within_step", "hukouDecision").containsEntry("limit_basis", "WORKING_DAYS")
                .containsEntry("limit_days", 10);
        assertThat(instant(row.get("limit_from"))).isEqualTo(at("2025-09-30T10:00:00+08:00"));
        assertThat(instant(row.get("deadline"))).isEqualTo(at("2025-10-21T17:30:00+08:00"));

        EngineTime.set("2025-10-20T11:00:00+08:00");
        records.complete(c, "townshipReview", Map.of("townshipOpinion", "经入户核实，情况属实"));
        Task federation = records.task(c, "federationReview");
        Map<String, Object> later = records.stepRow(federation);
        // begun ten days later, still counted from the start of the hukou authority's review
        assertThat(instant(later.get("limit_from"))).isEqualTo(at("2025-09-30T10:00:00+08:00"));
        assertThat(records.stepTimers(c, "federationReview"))
                .containsExactly(at("2025-10-21T00:00:00+08:00"), at("2025-10-21T17:30:01+08:00"));

        EngineTime.set("2025-10-21T17:30:01+08:00");
        records.runJobs(c);
        List<Map<String, Object>> breaches = records.breaches(c);
        assertThat(breaches).singleElement().satisfies(breach -> {
            assertThat(breach).containsEntry("step_id", "federationReview").containsEntry("district", "jinshui");
            assertThat(instant(breach.get("deadline"))).isEqualTo(at("2025-10-21T17:30:00+08:00"));
        });
    }

    private Case marriage(String date, String halfDay) {
        Map<String, Object> couple = SampleApplications.marriageRegistration(date, halfDay);
        String receiptNo = "HY-SLA-" + UUID.randomUUID();
        Case c = new Case(runtime.startProcessInstanceByKey("marriage-registration", receiptNo, couple).getId(),
                receiptNo);
        records.runJobs(c);
        return c;
    }

    /** A grade 2 applicant outside a 低保 household, claiming the care subsidy only. */
    private static Map<String, Object> disability() {
        Map<String, Object> data = SampleApplications.disabilitySubsidies();
        data.put("applicantName", "孙丽华");
        data.put("applicantIdNumber", "410105197202184035");
        data.put("applicantPhone", "13900000002");
        data.put("disabilityCertificateNo", "41010519720218403542");
        data.put("disabilityGrade", 2);
        data.put("subsidiesClaimed", "care");
        data.put("inDibaoHousehold", false);
        return data;
    }
}
