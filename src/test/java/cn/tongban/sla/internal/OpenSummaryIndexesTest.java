package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.IndexPlans;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summary's counts of open cases and steps by state are each one index-only scan of their summary index, for
 * the whole city and for one service, on PostgreSQL: the statements as the summary builds them.
 */
@TongbanIntegrationTest
class OpenSummaryIndexesTest {

    private static final Map<String, Object> PARAMS = Map.of("districts", List.of("jinshui", "erqi"),
            "service", "minimum-living-allowance", "now", OffsetDateTime.now());

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void openStepsAreCountedFromTheirSummaryIndexAlone() {
        assertCountedFromIndexAlone("sla_step", "sla_step_open_summary", SlaReports.STEP_KEY, false);
    }

    @Test
    void openCasesAreCountedFromTheirSummaryIndexAlone() {
        assertCountedFromIndexAlone("sla_case", "sla_case_open_summary", SlaReports.CASE_KEY, true);
    }

    /** For the whole city and for one service: one index-only scan of {@code index}, in the grouping's order. */
    private void assertCountedFromIndexAlone(String table, String index, List<String> groupBy, boolean cases) {
        for (String where : List.of(" WHERE district IN (:districts) AND closed_at IS NULL",
                " WHERE service_code = :service AND district IN (:districts) AND closed_at IS NULL")) {
            String plan = IndexPlans.withOnly(jdbc, transaction, table, index,
                    SlaReports.openCountsSql(table, where, groupBy, cases), PARAMS);
            assertThat(plan).as(where).contains("Index Only Scan using " + index).doesNotContain("Sort");
        }
    }
}
