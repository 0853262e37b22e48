package cn.tongban.sla;

import static cn.tongban.sla.AllowanceCases.at;
import static cn.tongban.sla.AllowanceCases.instant;
import static cn.tongban.sla.AllowanceCases.mails;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.sla.internal.BreachSweep;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The set-based breach sweep beside the steps' own overdue timers, on the real engine and PostgreSQL: whichever
 * comes first records the breach, once, and the supervisors get one mail. The sweep reads every open step of the
 * database, so this class has a database of its own (the property only makes its context a separate one): cases
 * other test classes leave open would otherwise be swept here, and theirs would find breaches they did not record.
 */
@TongbanIntegrationTest
// its own engine name: Camunda's static registry would otherwise hand this context's engine to the shared
// context's webapps under "default"
@TestPropertySource(properties = {"tongban.sla.breach-sweep-interval=PT1H",
        "camunda.bpm.process-engine-name=breach-sweep"})
class BreachSweepTest {

    private static final String SUPERVISOR = "supervisor@example.com";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BreachSweep sweep;

    AllowanceCases cases;

    @BeforeEach
    void cases() {
        cases = new AllowanceCases(runtime, tasks, management, jdbc);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theSweepRecordsAnOverdueStepOnceAndItsTimerAfterwardsNothingMore() throws Exception {
        Case c = investigating();
        Task investigation = cases.task(c, "homeInvestigation");
        String escalation = "超期督办：申请 " + c.receiptNo() + " 已超过办理时限";

        EngineTime.set("2023-01-30T17:30:00+08:00");
        sweep.sweep(ClockUtil.getCurrentTime().toInstant());
        assertThat(cases.breaches(c)).isEmpty();

        EngineTime.set("2023-01-30T17:30:01+08:00");
        assertThat(sweep.sweep(ClockUtil.getCurrentTime().toInstant())).isPositive();
        assertThat(cases.breaches(c)).singleElement().satisfies(breach -> {
            assertThat(breach).containsEntry("step_id", "homeInvestigation")
                    .containsEntry("task_id", investigation.getId()).containsEntry("district", "jinshui")
                    .containsEntry("service_code", "minimum-living-allowance")
                    .containsEntry("receipt_no", c.receiptNo()).containsEntry("mail_pending", true);
            assertThat(instant(breach.get("deadline"))).isEqualTo(at("2023-01-30T17:30:00+08:00"));
            assertThat(instant(breach.get("detected_at"))).isEqualTo(at("2023-01-30T17:30:01+08:00"));
        });
        assertThat(sweep.sweep(ClockUtil.getCurrentTime().toInstant())).isZero();

        // the mail is queued once the record is in, as the timer would have queued it
        assertThat(sweep.queueMails(100, Duration.ofMinutes(1))).isPositive();
        assertThat(cases.breaches(c)).singleElement().satisfies(breach ->
                assertThat(breach).containsEntry("mail_pending", false));
        assertThat(runtime.getActiveActivityIds(c.id())).contains("mailStepOverdue");
        cases.runJobs(c);
        assertThat(mails(SUPERVISOR, escalation)).singleElement().satisfies(mail ->
                assertThat(mail.getContent().toString()).contains("入户调查", "金水区", "2023-01-30 17:30"));

        // the step's own timer comes later and finds the breach recorded: nothing more, neither record nor mail
        assertThat(cases.runJobs(c)).isZero();
        assertThat(sweep.queueMails(100, Duration.ofMinutes(1))).isZero();
        assertThat(cases.breaches(c)).hasSize(1);
        assertThat(mails(SUPERVISOR, escalation)).hasSize(1);
    }

    @Test
    void aBreachItsTimerRecordedFirstIsNeitherSweptNorMailedAgain() throws Exception {
        Case c = investigating();
        Task investigation = cases.task(c, "homeInvestigation");
        String escalation = "超期督办：申请 " + c.receiptNo() + " 已超过办理时限";

        EngineTime.set("2023-01-30T17:30:01+08:00");
        Job overdue = management.createJobQuery().executionId(investigation.getExecutionId()).timers().list()
                .stream().filter(job -> job.getDuedate().toInstant().equals(at("2023-01-30T17:30:01+08:00")))
                .findFirst().orElseThrow();
        management.executeJob(overdue.getId());
        assertThat(cases.breaches(c)).singleElement().satisfies(breach ->
                assertThat(breach).containsEntry("mail_pending", false));

        assertThat(sweep.sweep(ClockUtil.getCurrentTime().toInstant())).isZero();
        assertThat(sweep.queueMails(100, Duration.ofMinutes(1))).isZero();
        cases.runJobs(c);
        assertThat(cases.breaches(c)).hasSize(1);
        assertThat(mails(SUPERVISOR, escalation)).hasSize(1);
    }

    @Test
    void aStepBoundedOnlyByTheCaseCommitmentIsLeftToTheCaseTimer() {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        assertThat(cases.stepRow(cases.task(c, "acceptance"))).containsEntry("limit_basis", "CASE");

        EngineTime.set("2023-03-09T10:00:00+08:00");
        sweep.sweep(ClockUtil.getCurrentTime().toInstant());
        assertThat(cases.breaches(c)).isEmpty();
    }

    /** A 低保 case received on Friday 2023-01-20 and accepted: its home investigation is due 2023-01-30 17:30. */
    private Case investigating() {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        cases.accept(c);
        return c;
    }
}
