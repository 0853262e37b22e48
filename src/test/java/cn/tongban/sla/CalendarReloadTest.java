package cn.tongban.sla;

import static cn.tongban.sla.AllowanceCases.at;
import static cn.tongban.sla.AllowanceCases.instant;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.calendar.CalendarService;
import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deadline reaching into a year whose holidays are not published yet is counted on weekdays and provisional;
 * an administrator loading that year's arrangement recomputes it, clears the mark and moves the timers and due
 * dates. The year 2027 used here is made-up test data (New Year's Day only).
 */
@TongbanIntegrationTest
class CalendarReloadTest {

    @LocalServerPort
    int port;
    @Autowired
    CalendarService calendars;
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
    void restore() {
        calendars.removeUploaded(2027);
        EngineTime.reset();
    }

    @Test
    void loadingTheYearADeadlineReachesIntoRecomputesItClearsProvisionalAndMovesTimersAndDueDates()
            throws IOException {
        // 30 working days from 2026-12-10, 2027 counted on weekdays: 2027-01-01 counts, so 01-21
        Case wholeCase = cases.applyAt("2026-12-10T10:00:00+08:00", "jinshui");
        assertThat(cases.caseDeadline(wholeCase)).isEqualTo(at("2027-01-21T17:30:00+08:00"));
        assertThat(runtime.getVariable(wholeCase.id(), "caseDeadlineProvisional")).isEqualTo(true);
        assertThat(cases.caseRow(wholeCase)).containsEntry("provisional", true);
        assertThat(cases.caseTimer(wholeCase).getDuedate().toInstant()).isEqualTo(at("2027-01-21T17:30:01+08:00"));
        assertThat(cases.stepRow(cases.task(wholeCase, "acceptance"))).containsEntry("provisional", true);

        // three working days from 2026-12-29 on weekdays: 12-30, 12-31, 2027-01-01
        Case step = cases.applyAt("2026-12-29T10:00:00+08:00", "jinshui");
        cases.accept(step);
        Task investigation = cases.task(step, "homeInvestigation");
        assertThat(investigation.getDueDate().toInstant()).isEqualTo(at("2027-01-01T17:30:00+08:00"));
        assertThat(cases.stepRow(investigation)).containsEntry("provisional", true);

        HttpResponse<String> loaded = new TestBrowser(port).send(new TestBrowser(port)
                .request("/api/admin/calendar/arrangements")
                .header("Authorization", TestBrowser.basic("admin", "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example2027())));
        assertThat(loaded.statusCode()).isEqualTo(201);

        // New Year's Day 2027 is off: every deadline across it is a working day later, and final
        assertThat(cases.caseDeadline(wholeCase)).isEqualTo(at("2027-01-22T17:30:00+08:00"));
        assertThat(runtime.getVariable(wholeCase.id(), "caseDeadlineProvisional")).isEqualTo(false);
        assertThat(cases.caseRow(wholeCase)).containsEntry("provisional", false);
        assertThat(instant(cases.caseRow(wholeCase).get("deadline"))).isEqualTo(at("2027-01-22T17:30:00+08:00"));
        assertThat(cases.caseTimer(wholeCase).getDuedate().toInstant()).isEqualTo(at("2027-01-22T17:30:01+08:00"));
        Task acceptance = cases.task(wholeCase, "acceptance");
        assertThat(acceptance.getDueDate().toInstant()).isEqualTo(at("2027-01-22T17:30:00+08:00"));
        assertThat(cases.stepTimers(wholeCase, "acceptance"))
                .containsExactly(at("2027-01-22T00:00:00+08:00"), at("2027-01-22T17:30:01+08:00"));
        assertThat(cases.stepRow(acceptance)).containsEntry("provisional", false);

        Task moved = cases.task(step, "homeInvestigation");
        assertThat(moved.getDueDate().toInstant()).isEqualTo(at("2027-01-04T17:30:00+08:00"));
        assertThat(cases.stepTimers(step, "homeInvestigation"))
                .containsExactly(at("2027-01-04T00:00:00+08:00"), at("2027-01-04T17:30:01+08:00"));
        assertThat(cases.stepRow(moved)).containsEntry("provisional", false);
        assertThat(instant(cases.stepRow(moved).get("deadline"))).isEqualTo(at("2027-01-04T17:30:00+08:00"));
        assertThat(cases.caseRow(step)).containsEntry("provisional", false);

        // withdrawing the year makes them provisional again
        calendars.removeUploaded(2027);
        assertThat(cases.caseDeadline(wholeCase)).isEqualTo(at("2027-01-21T17:30:00+08:00"));
        assertThat(cases.caseRow(wholeCase)).containsEntry("provisional", true);
        assertThat(cases.task(step, "homeInvestigation").getDueDate().toInstant())
                .isEqualTo(at("2027-01-01T17:30:00+08:00"));
    }

    private static byte[] example2027() throws IOException {
        try (InputStream in = CalendarReloadTest.class.getResourceAsStream("example-2027.json")) {
            return in.readAllBytes();
        }
    }
}
