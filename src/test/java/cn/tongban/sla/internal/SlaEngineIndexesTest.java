package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subscriptions' process-instance index serves the breach mail's lookup, and the jobs' due-date index the job
 * executor's acquisition, on PostgreSQL.
 */
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

    @Test
    void theJobDueDateIndexServesTheAcquisitionOfDueJobs() {
        indexes.run(null);

        List<String> plan = transaction.execute(status -> {
            // with plain scans and index scans forbidden, a bitmap scan over an index that the due-date condition
            // fits is the one way left: a scan of any other index in full, cheap on a small table, is not
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_indexscan = off").update();
            // the due-date part of Camunda's acquisition query (selectNextJobsToExecute)
            return jdbc.sql("EXPLAIN SELECT id_ FROM act_ru_job RES WHERE RES.retries_ > 0"
                            + " AND (RES.duedate_ IS NULL OR RES.duedate_ <= now())"
                            + " AND (RES.lock_owner_ IS NULL OR RES.lock_exp_time_ < now())"
                            + " AND RES.suspension_state_ = 1 LIMIT 3")
                    .query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains(SlaEngineIndexes.JOB_DUE_DATE_INDEX);
    }
}
