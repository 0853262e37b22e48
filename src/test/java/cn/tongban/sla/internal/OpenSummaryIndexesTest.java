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
        for (String where : wheres()) {
            assertThat(plan("sla_step", "sla_step_open_summary",
                    SlaReports.openCountsSql("sla_step", where, SlaReports.STEP_KEY, false)))
                    .as(where).contains("Index Only Scan using sla_step_open_summary").doesNotContain("Sort");
        }
    }

    @Test
    void openCasesAreCountedFromTheirSummaryIndexAlone() {
        for (String where : wheres()) {
            assertThat(plan("sla_case", "sla_case_open_summary",
                    SlaReports.openCountsSql("sla_case", where, SlaReports.CASE_KEY, true)))
                    .as(where).contains("Index Only Scan using sla_case_open_summary").doesNotContain("Sort");
        }
    }

    private static List<String> wheres() {
        return List.of(" WHERE district IN (:districts) AND closed_at IS NULL",
                " WHERE service_code = :service AND district IN (:districts) AND closed_at IS NULL");
    }

    private String plan(String table, String index, String query) {
        return IndexPlans.withOnly(jdbc, transaction, table, index, query, PARAMS);
    }
}
