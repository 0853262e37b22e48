package cn.tongban.sla;

import static cn.tongban.sla.AllowanceCases.at;
import static cn.tongban.sla.AllowanceCases.instant;
import static cn.tongban.sla.AllowanceCases.mails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TongbanIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA timers of the models on the real engine and PostgreSQL, time moved by hand: a step is reminded of on its
 * last day, recorded as breached once after its deadline, and its district's supervisors are mailed once; the case
 * as a whole likewise. The records follow the engine's transaction.
 */
@TongbanIntegrationTest
class StepTimersTest {

    private static final String REVIEWER = "reviewer.jinshui@example.com";
    private static final String SUPERVISOR = "supervisor@example.com";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("slaOverdue")
    TaskListener overdueListener;

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
    void anUntouchedStepIsRemindedOnItsLastDayAndBreachedExactlyOnceAfterItsDeadline() throws Exception {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        cases.accept(c);

        // 3 working days from Friday 2023-01-20: the make-up days 01-28 and 01-29, then 01-30
        Task investigation = cases.task(c, "homeInvestigation");
        assertThat(investigation.getDueDate().toInstant()).isEqualTo(at("2023-01-30T17:30:00+08:00"));
        assertThat(cases.stepTimers(c, "homeInvestigation"))
                .containsExactly(at("2023-01-30T00:00:00+08:00"), at("2023-01-30T17:30:01+08:00"));
        Map<String, Object> step = cases.stepRow(investigation);
        assertThat(instant(step.get("deadline"))).isEqualTo(at("2023-01-30T17:30:00+08:00"));
        assertThat(instant(step.get("due_soon_from"))).isEqualTo(at("2023-01-30T00:00:00+08:00"));
        assertThat(step).containsEntry("limit_basis", "WORKING_DAYS").containsEntry("limit_days", 3)
                .containsEntry("candidate_groups", "township-jinshui").containsEntry("district", "jinshui")
                .containsEntry("provisional", false);

        String reminder = "办理时限提醒：申请 " + c.receiptNo() + " 即将到期";
        EngineTime.set("2023-01-29T23:59:59+08:00");
        cases.runJobs(c);
        assertThat(mails(REVIEWER, reminder)).isEmpty();

        EngineTime.set("2023-01-30T00:00:00+08:00");
        cases.runJobs(c);
        List<MimeMessage> reminded = mails(REVIEWER, reminder);
        assertThat(reminded).hasSize(1);
        assertThat(reminded.get(0).getContent().toString()).contains("王芳", "入户调查", "2023-01-30 17:30");
        assertThat(instant(cases.stepRow(investigation).get("due_soon_notified_at")))
                .isEqualTo(at("2023-01-30T00:00:00+08:00"));

        EngineTime.set("2023-01-30T17:30:00+08:00");
        assertThat(cases.runJobs(c)).isZero();
        assertThat(cases.breaches(c)).isEmpty();

        // the timer records the breach in its own transaction; mailing the supervisors is a separate async step
        EngineTime.set("2023-01-30T17:30:01+08:00");
        Job overdue = management.createJobQuery().executionId(investigation.getExecutionId()).timers().singleResult();
        management.executeJob(overdue.getId());
        assertThat(cases.breaches(c)).singleElement().satisfies(breach -> {
            assertThat(breach).containsEntry("step_id", "homeInvestigation")
                    .containsEntry("task_id", investigation.getId()).containsEntry("district", "jinshui")
                    .containsEntry("service_code", "minimum-living-allowance")
                    .containsEntry("receipt_no", c.receiptNo());
            assertThat(breach.get("assignee")).isNull();
            assertThat(instant(breach.get("deadline"))).isEqualTo(at("2023-01-30T17:30:00+08:00"));
            assertThat(instant(breach.get("detected_at"))).isEqualTo(at("2023-01-30T17:30:01+08:00"));
        });
        assertThat(runtime.getActiveActivityIds(c.id())).contains("mailStepOverdue");
        String escalation = "超期督办：申请 " + c.receiptNo() + " 已超过办理时限";
        assertThat(mails(SUPERVISOR, escalation)).isEmpty();

        cases.runJobs(c);
        List<MimeMessage> escalated = mails(SUPERVISOR, escalation);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).getContent().toString())
                .contains("周科长", "最低生活保障", "入户调查", "金水区", "2023-01-30 17:30", "2023-01-30 17:30");

        // running the jobs again, or the overdue timer's work delivered a second time, records and mails nothing
        assertThat(cases.runJobs(c)).isZero();
        redeliverOverdueTimer(investigation);
        cases.runJobs(c);
        assertThat(cases.breaches(c)).hasSize(1);
        assertThat(mails(SUPERVISOR, escalation)).hasSize(1);
        assertThat(mails(REVIEWER, reminder)).hasSize(1);
    }

    @Test
    void aClaimedStepRemindsItsAssigneeAndClosesOnTime() throws Exception {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        cases.accept(c);
        Task investigation = cases.task(c, "homeInvestigation");
        // claimed by someone outside the candidate group: only the assignee hears of it
        tasks.claim(investigation.getId(), "reviewer.erqi");
        assertThat(cases.stepRow(investigation)).containsEntry("assignee", "reviewer.erqi");

        EngineTime.set("2023-01-30T08:00:00+08:00");
        cases.runJobs(c);
        String reminder = "办理时限提醒：申请 " + c.receiptNo() + " 即将到期";
        assertThat(mails("reviewer.erqi@example.com", reminder)).singleElement()
                .satisfies(mail -> assertThat(mail.getContent().toString()).contains("刘洋"));
        assertThat(mails(REVIEWER, reminder)).isEmpty();

        EngineTime.set("2023-01-30T09:00:00+08:00");
        cases.investigate(c);
        Map<String, Object> closed = cases.stepRow(investigation);
        assertThat(closed).containsEntry("outcome", "COMPLETED").containsEntry("on_time", true);
        assertThat(instant(closed.get("closed_at"))).isEqualTo(at("2023-01-30T09:00:00+08:00"));
        assertThat(management.createJobQuery().executionId(investigation.getExecutionId()).count()).isZero();
        assertThat(cases.breaches(c)).isEmpty();
    }

    @Test
    void theCaseTimerRecordsOneBreachOfTheWholeCaseAndNotAnotherOneForTheStepBoundedByIt() throws Exception {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        // 30 working days from 2023-01-20, across the Spring Festival
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        assertThat(cases.caseTimer(c).getDuedate().toInstant()).isEqualTo(at("2023-03-08T17:30:01+08:00"));
        assertThat(cases.stepRow(cases.task(c, "acceptance"))).containsEntry("limit_basis", "CASE");

        EngineTime.set("2023-03-08T17:30:00+08:00");
        cases.runJobs(c);
        assertThat(cases.breaches(c)).isEmpty();
        EngineTime.set("2023-03-08T17:30:01+08:00");
        cases.runJobs(c);

        assertThat(cases.breaches(c)).singleElement().satisfies(breach -> {
            assertThat(breach).containsEntry("step_id", "case").containsEntry("task_id", c.id());
            assertThat(instant(breach.get("deadline"))).isEqualTo(at("2023-03-08T17:30:00+08:00"));
        });
        String escalation = "超期督办：申请 " + c.receiptNo() + " 已超过办理时限";
        assertThat(mails(SUPERVISOR, escalation)).singleElement()
                .satisfies(mail -> assertThat(mail.getContent().toString()).contains("整案承诺办结期限"));
        assertThat(cases.caseTimer(c)).isNull();

        EngineTime.set("2023-03-09T10:00:00+08:00");
        cases.accept(c);
        assertThat(cases.stepRow(cases.task(c, "homeInvestigation"))).containsEntry("limit_basis", "WORKING_DAYS");
        assertThat(cases.breaches(c)).hasSize(1);
        assertThat(mails(SUPERVISOR, escalation)).hasSize(1);
    }

    @Test
    void theRecordsChangeInTheEnginesTransactionOrNotAtAll() {
        Case c = cases.applyAt("2023-01-20T10:00:00+08:00", "jinshui");
        Task acceptance = cases.task(c, "acceptance");

        assertThatThrownBy(() -> tasks.complete(acceptance.getId(), Map.of("acceptanceDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(cases.stepRow(acceptance).get("closed_at")).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_step WHERE process_instance_id = ?").param(c.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @ParameterizedTest(name = "accepted {0}: due {1}")
    @CsvSource({
            // Spring Festival 2023: 01-21..01-27 off, make-up Saturday 01-28 and Sunday 01-29
            "2023-01-20T10:00:00+08:00, 2023-01-30T17:30:00+08:00",
            // Spring Festival 2026: make-up Saturday 02-14, then 02-15..02-23 off
            "2026-02-13T10:00:00+08:00, 2026-02-25T17:30:00+08:00",
            // National Day and Mid-Autumn 2025: 10-01..10-08 off, make-up Saturday 10-11
            "2025-09-30T10:00:00+08:00, 2025-10-11T17:30:00+08:00"})
    void dueSoonAndOverdueTimersFollowTheWorkingDaysAcrossHolidays(String acceptedAt, String due) {
        Case c = cases.applyAt(acceptedAt, "jinshui");
        cases.accept(c);

        Task investigation = cases.task(c, "homeInvestigation");
        String dueDay = due.substring(0, 10);
        assertThat(investigation.getDueDate().toInstant()).isEqualTo(at(due));
        assertThat(cases.stepTimers(c, "homeInvestigation"))
                .containsExactly(at(dueDay + "T00:00:00+08:00"), at(dueDay + "T17:30:01+08:00"));
        assertThat(instant(cases.stepRow(investigation).get("deadline"))).isEqualTo(at(due));
        assertThat(instant(cases.stepRow(investigation).get("due_soon_from"))).isEqualTo(at(dueDay + "T00:00:00+08:00"));
    }

    /** Runs the overdue timer's listener again in an engine command, as a job delivered twice would. */
    private void redeliverOverdueTimer(Task task) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    overdueListener.notify(context.getTaskManager().findTaskById(task.getId()));
                    return null;
                });
    }
}
