package cn.tongban.sla;

import static cn.tongban.sla.AllowanceCases.at;
import static cn.tongban.sla.AllowanceCases.instant;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * While a one-time correction notice is out the case clock stops: its timer is held, and the answer moves the case
 * deadline, the due dates of the tasks bounded by it and the timers by the working days that began meanwhile.
 */
@TongbanIntegrationTest
class ClockStopTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

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
    void aNoticeOutOverTheSpringFestivalAddsTheFourWorkingDaysThatBeganMeanwhile() {
        Case c = cases.applyAt("2023-01-20T09:00:00+08:00", "jinshui");
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-08T17:30:00+08:00"));

        cases.requestCorrection(c, "户口簿");
        assertThat(runtime.getActiveActivityIds(c.id())).containsExactly("correctionAnswered");
        assertThat(instant(cases.caseRow(c).get("stopped_since"))).isEqualTo(at("2023-01-20T09:00:00+08:00"));
        assertThat(cases.caseTimer(c).isSuspended()).isTrue();

        // 01-21..01-27 are the festival; the make-up days 01-28 and 01-29, then 01-30 and 01-31 began meanwhile
        EngineTime.set("2023-01-31T15:00:00+08:00");
        cases.answerCorrection(c);

        assertThat(jdbc.sql("SELECT working_days FROM sla_clock_stop WHERE process_instance_id = ?").param(c.id())
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(cases.caseRow(c).get("stopped_since")).isNull();
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-14T17:30:00+08:00"));
        assertThat(instant(cases.caseRow(c).get("deadline"))).isEqualTo(at("2023-03-14T17:30:00+08:00"));
        assertThat(cases.caseTimer(c).isSuspended()).isFalse();
        assertThat(cases.caseTimer(c).getDuedate().toInstant()).isEqualTo(at("2023-03-14T17:30:01+08:00"));
        assertThat(cases.task(c, "acceptance").getDueDate().toInstant()).isEqualTo(at("2023-03-14T17:30:00+08:00"));
        assertThat(cases.stepTimers(c, "acceptance"))
                .containsExactly(at("2023-03-14T00:00:00+08:00"), at("2023-03-14T17:30:01+08:00"));
    }

    @Test
    void theCaseTimerWaitsWhileTheNoticeIsOutAndFiresAtTheMovedDeadline() {
        Case c = cases.applyAt("2023-02-01T09:00:00+08:00", "jinshui");
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-15T17:30:00+08:00"));
        EngineTime.set("2023-03-10T10:00:00+08:00");
        cases.requestCorrection(c, "家庭成员收入证明");

        // past the deadline as it stood before the notice: nothing fires, nothing is late
        EngineTime.set("2023-03-16T10:00:00+08:00");
        assertThat(cases.runJobs(c)).isZero();
        assertThat(cases.breaches(c)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_case WHERE process_instance_id = ? AND deadline < ?"
                        + " AND stopped_since IS NOT NULL")
                .params(c.id(), at("2023-03-16T10:00:00+08:00").atOffset(java.time.ZoneOffset.UTC))
                .query(Integer.class).single()).isOne();

        // 03-13..03-17 and 03-20 began while it was out: six working days after 03-15
        EngineTime.set("2023-03-20T10:00:00+08:00");
        cases.answerCorrection(c);
        assertThat(cases.caseDeadline(c)).isEqualTo(at("2023-03-23T17:30:00+08:00"));
        assertThat(cases.caseTimer(c).getDuedate().toInstant()).isEqualTo(at("2023-03-23T17:30:01+08:00"));
        assertThat(cases.task(c, "acceptance").getDueDate().toInstant()).isEqualTo(at("2023-03-23T17:30:00+08:00"));

        EngineTime.set("2023-03-23T17:30:01+08:00");
        cases.runJobs(c);
        assertThat(cases.breaches(c)).singleElement().satisfies(breach -> {
            assertThat(breach).containsEntry("step_id", "case");
            assertThat(instant(breach.get("deadline"))).isEqualTo(at("2023-03-23T17:30:00+08:00"));
        });
    }

    @Test
    void aCaseEndingWhileTheNoticeIsOutSettlesItsClockAndCountsAsOnTime() {
        Case c = cases.applyAt("2023-02-01T09:00:00+08:00", "jinshui");
        cases.requestCorrection(c, "户口簿");

        // no answer within 30 days: not accepted, the case ends
        EngineTime.set("2023-03-03T09:00:00+08:00");
        cases.runJobs(c);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.id()).count()).isZero();
        Map<String, Object> closed = cases.caseRow(c);
        assertThat(closed).containsEntry("outcome", "COMPLETED").containsEntry("on_time", true);
        assertThat(closed.get("stopped_since")).isNull();
        // 02-02 .. 03-03 began meanwhile: 22 working days on top of 03-15
        assertThat(instant(closed.get("deadline"))).isEqualTo(at("2023-04-17T17:30:00+08:00"));
    }
}
