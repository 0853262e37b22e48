package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The subscriptions' process-instance index exists on PostgreSQL and serves the breach mail's lookup. */
@TongbanIntegrationTest
class SlaEngineIndexesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SlaEngineIndexes indexes;

    @Test
    void theSubscriptionIndexIsThereOnceAndServesTheLookupByCase() {
        indexes.run(null);

        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = :name")
                .param("name", SlaEngineIndexes.SUBSCRIPTION_INDEX).query(String.class).list())
                .singleElement().asString().containsIgnoringCase("act_ru_event_subscr")
                .containsIgnoringCase("proc_inst_id_");
        List<String> plan = transaction.execute(status -> {
            // a test database is small enough to scan; forbidding scans shows whether the index can serve
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN SELECT COUNT(*) FROM act_ru_event_subscr WHERE proc_inst_id_ = 'x'")
                    .query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains(SlaEngineIndexes.SUBSCRIPTION_INDEX);
    }
}
