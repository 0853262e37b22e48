package cn.tongban.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.IndexPlans;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whose open steps a list shows, read in parts (each candidate group, the user's own steps of another group, steps
 * of several groups): every step of the user's once, in due-date order across the parts, none of anyone else's.
 * The rows are written directly, in a district no other test uses.
 */
@TongbanIntegrationTest
class OpenStepsTest {

    private static final String DISTRICT = "open-steps-test";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    OpenSteps openSteps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void steps() {
        step("os-overdue-own", "other", "me", DISTRICT, -1, false);
        step("os-group", "township-x", null, DISTRICT, 2, false);
        step("os-group-colleague", "township-x", "colleague", DISTRICT, 3, false);
        step("os-shared", "county-x,township-x", null, DISTRICT, 4, false);
        step("os-shared-own", "county-x,township-x", "me", DISTRICT, 5, false);
        step("os-second-group", "review-x", null, DISTRICT, 6, false);
        step("os-undated", "township-x", null, DISTRICT, null, false);
        // not the user's: another group, a name that only begins like theirs, closed, another district
        step("os-other-group", "other", null, DISTRICT, 1, false);
        step("os-prefix", "township-xy", null, DISTRICT, 1, false);
        step("os-shared-other", "county-x,township-xy", "colleague", DISTRICT, 1, false);
        step("os-closed", "township-x", null, DISTRICT, 1, true);
        step("os-elsewhere", "township-x", "me", DISTRICT + "-b", 1, false);
    }

    @AfterEach
    void removeSteps() {
        jdbc.sql("DELETE FROM sla_step WHERE task_id LIKE 'os-%'").update();
    }

    @Test
    void everyStepOfTheUserOnceInDueDateOrder() {
        OpenSteps.Scope scope = new OpenSteps.Scope("me", Set.of("township-x", "review-x"), DISTRICT, null, null);
        List<String> all = List.of("os-overdue-own", "os-group", "os-group-colleague", "os-shared", "os-shared-own",
                "os-second-group", "os-undated");

        assertThat(openSteps.page(scope, null, now, ZONE, 0, 50)).containsExactlyElementsOf(all);
        assertThat(openSteps.page(scope, null, now, ZONE, 2, 3)).containsExactlyElementsOf(all.subList(2, 5));
        assertThat(openSteps.page(scope, SlaState.OVERDUE, now, ZONE, 0, 50)).containsExactly("os-overdue-own");
        assertThat(openSteps.page(scope, SlaState.ON_TRACK, now, ZONE, 1, 2))
                .containsExactly("os-group-colleague", "os-shared");

        OpenSteps.Counts counts = openSteps.counts(scope, now, ZONE);
        assertThat(counts.byState()).containsEntry(SlaState.OVERDUE, 1L).containsEntry(SlaState.DUE_SOON, 0L)
                .containsEntry(SlaState.ON_TRACK, 5L);
        assertThat(counts.undated()).isOne();
        assertThat(counts.total()).isEqualTo(all.size());
    }

    @Test
    void aUserOfNoGroupSeesTheirOwnSteps() {
        OpenSteps.Scope scope = new OpenSteps.Scope("me", Set.of(), DISTRICT, null, null);

        assertThat(openSteps.page(scope, null, now, ZONE, 0, 50)).containsExactly("os-overdue-own", "os-shared-own");
        assertThat(openSteps.counts(scope, now, ZONE).total()).isEqualTo(2);
    }

    @Test
    void theReceiptNumbersOfTrackedCasesByProcessInstance() {
        transaction.executeWithoutResult(status -> {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            jdbc.sql("INSERT INTO sla_case (process_instance_id, receipt_no, service_code, district, accepted_at,"
                            + " committed_working_days, extended, deadline_fixed, deadline, due_soon_from, provisional)"
                            + " VALUES ('os-case', 'DB-20260105-0001', 'minimum-living-allowance', :district, :at, 30,"
                            + " FALSE, FALSE, :at, :at, FALSE)")
                    .param("district", DISTRICT).param("at", at).update();

            assertThat(openSteps.receiptNos(List.of("os-case", "os-untracked")))
                    .containsExactlyEntriesOf(Map.of("os-case", "DB-20260105-0001"));
            assertThat(openSteps.receiptNos(List.of())).isEmpty();
            status.setRollbackOnly();
        });
    }

    /** A step due {@code days} from now (null: no due date), opened a day ago. */
    private void step(String taskId, String groups, String assignee, String district, Integer days, boolean closed) {
        OffsetDateTime due = days == null ? null : now.plus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        OffsetDateTime deadline = now.plus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO sla_step (task_id, process_instance_id, execution_id, service_code, step_id, district,"
                        + " candidate_groups, assignee, started_at, limit_basis, deadline, due_soon_from, provisional,"
                        + " due_date, closed_at) VALUES (:id, :id, :id, 'minimum-living-allowance', 'homeInvestigation',"
                        + " :district, :groups, :assignee, :started, 'FIXED', :deadline, :deadline, FALSE, :due, :closed)")
                .param("id", taskId)
                .param("district", district)
                .param("groups", groups)
                .param("assignee", assignee)
                .param("started", now.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .param("deadline", deadline)
                .param("due", due)
                .param("closed", closed ? now.atOffset(ZoneOffset.UTC) : null)
                .update();
    }

    @Test
    void theUsersOwnStepsOutsideTheirGroupsAreCountedFromTheAssigneeIndexAlone() {
        assertThat(planWithOnly("sla_step_open_assignee", "SELECT COUNT(*) FROM sla_step WHERE closed_at IS NULL"
                + " AND district = :district AND assignee = 'me' AND (candidate_groups IS NULL OR candidate_groups"
                + " NOT IN ('township-x'))")).contains("Index Only Scan using sla_step_open_assignee");
    }

    @Test
    void aGroupsStepsAreCountedFromTheCountIndexAlone() {
        assertThat(planWithOnly("sla_step_open_count", "SELECT COUNT(*) FROM sla_step WHERE closed_at IS NULL"
                + " AND district = :district AND candidate_groups = 'township-x' AND service_code ="
                + " 'minimum-living-allowance'")).contains("Index Only Scan using sla_step_open_count");
    }

    /** The plan of a query on the steps of the test's district, the index given the only one there. */
    private String planWithOnly(String index, String query) {
        return IndexPlans.withOnly(jdbc, transaction, "sla_step", index, query, Map.of("district", DISTRICT));
    }
}
