package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.sla.OpenSteps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo default runs on H2: the SLA bookkeeping of the demo cases, the dashboard's queries and the breach that
 * cannot be recorded twice work there as on PostgreSQL. Same configuration as the other H2 test, so one context.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:tongban-h2-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // Camunda keeps engines in a static registry by name: the PostgreSQL test context's webapps must keep
        // finding their own engine under "default"
        "camunda.bpm.process-engine-name=h2"
})
@ActiveProfiles("demo")
class SlaRecordsOnH2Test {

    @Autowired
    SlaRecords records;
    @Autowired
    SlaReports reports;
    @Autowired
    OpenSteps openSteps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDemoCasesAndTheirOpenStepsAreRecorded() {
        List<String> services = jdbc.sql("SELECT DISTINCT service_code FROM sla_case WHERE closed_at IS NULL")
                .query(String.class).list();
        assertThat(services).contains("minimum-living-allowance", "disability-subsidies", "marriage-registration");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_step WHERE closed_at IS NULL").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void theDashboardQueriesRunAndAddUp() {
        SlaReports.Filter everything = new SlaReports.Filter(null, null, null, null);
        Instant now = Instant.now();
        long open = jdbc.sql("SELECT COUNT(*) FROM sla_case WHERE closed_at IS NULL").query(Long.class).single();

        SlaReports.OpenCounts counts = SlaReports.rollUp(reports.cases(everything, now), List.of()).get(0).figures()
                .open();
        assertThat(counts.total()).isEqualTo(open);
        assertThat(counts.onTrack() + counts.dueSoon() + counts.overdue() + counts.clockStopped()).isEqualTo(open);
        assertThat(reports.cases(everything, now)).isNotEmpty();
        assertThat(reports.steps(new SlaReports.Filter("minimum-living-allowance", Set.of("jinshui", "erqi"),
                now.minusSeconds(86_400), now), now)).isNotEmpty();
        assertThat(reports.breaches(everything)).isNotNull();
        assertThat(reports.breachPage(new SlaReports.Filter(null, Set.of(), null, null), 0, 10)).isEmpty();
    }

    @Test
    void whatClosedInWholeDaysIsSummedPerDayAsTheRowsCountIt() {
        Instant now = Instant.now();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant from = LocalDate.now(zone).minusYears(1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
        // whole days read sla_closed_day; a microsecond off, the period is counted from the rows
        SlaReports.Filter days = new SlaReports.Filter(null, null, from, to);
        SlaReports.Filter rows = new SlaReports.Filter(null, null, from.minusNanos(1000), to.minusNanos(1000));
        long closed = jdbc.sql("SELECT COUNT(*) FROM sla_step WHERE closed_at IS NOT NULL").query(Long.class).single();

        assertThat(closed).isPositive();
        assertThat(reports.cases(days, now)).containsExactlyInAnyOrderElementsOf(reports.cases(rows, now));
        assertThat(reports.steps(days, now)).containsExactlyInAnyOrderElementsOf(reports.steps(rows, now));
    }

    @Test
    void aReviewersOpenStepsArePagedAndCounted() {
        OpenSteps.Scope scope = new OpenSteps.Scope("reviewer.jinshui", Set.of("township-jinshui"), "jinshui", null,
                null);
        Instant now = Instant.now();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        long theirs = jdbc.sql("SELECT COUNT(*) FROM sla_step WHERE closed_at IS NULL AND district = 'jinshui'"
                + " AND (assignee = 'reviewer.jinshui' OR candidate_groups = 'township-jinshui')")
                .query(Long.class).single();

        assertThat(theirs).isPositive();
        assertThat(openSteps.counts(scope, now, zone).total()).isEqualTo(theirs);
        assertThat(openSteps.page(scope, null, now, zone, 0, 500)).hasSize((int) theirs).doesNotHaveDuplicates();
    }

    @Test
    void aBreachIsRecordedOnceWhoeverTriesAgain() {
        String caseId = jdbc.sql("SELECT MIN(process_instance_id) FROM sla_case").query(String.class).single();
        Instant deadline = Instant.parse("2026-01-05T09:30:00Z");

        var first = transactions.execute(tx -> records.recordBreach(caseId, "H2-1", "minimum-living-allowance",
                "jinshui", "h2Step", "h2-task", null, deadline, deadline.plusSeconds(1)));
        var second = transactions.execute(tx -> records.recordBreach(caseId, "H2-1", "minimum-living-allowance",
                "jinshui", "h2Step", "h2-task", null, deadline, deadline.plusSeconds(60)));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_breach WHERE step_id = 'h2Step'").query(Integer.class).single())
                .isOne();
    }
}
