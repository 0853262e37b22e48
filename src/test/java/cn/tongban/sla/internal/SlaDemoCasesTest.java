package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo profile starts with 低保 cases in every deadline state, driven on the engine at past times, so the
 * supervisor's dashboard has figures on first start; a second start adds none.
 */
@TongbanIntegrationTest
class SlaDemoCasesTest {

    /** The demo cases, by their receipt numbers; other tests' cases of the same form are counted apart. */
    private static final String DEMO = "SELECT %s FROM sla_case WHERE service_code = 'minimum-living-allowance'"
            + " AND district IN ('jinshui', 'erqi') AND receipt_no LIKE 'DB-%%-91__' %s";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlaDemoCases demoCases;

    @Test
    void everyStateHasACase() {
        assertThat(distinct("")).isEqualTo(9);
        assertThat(distinct("AND closed_at IS NOT NULL AND on_time")).isEqualTo(2);
        assertThat(distinct("AND closed_at IS NOT NULL AND NOT on_time")).isEqualTo(1);
        assertThat(distinct("AND closed_at IS NULL AND stopped_since IS NOT NULL")).isEqualTo(1);
        assertThat(distinct("AND closed_at IS NULL AND deadline < CURRENT_TIMESTAMP")).isPositive();
        assertThat(distinct("AND closed_at IS NULL AND deadline > CURRENT_TIMESTAMP")).isGreaterThanOrEqualTo(4);
        assertThat(distinct("AND extended")).isEqualTo(1);

        // the late case breached its investigation, its county confirmation and its commitment, each once
        Map<String, Object> late = jdbc.sql(String.format(DEMO, "process_instance_id",
                "AND receipt_no LIKE 'DB-%%-9103' ORDER BY accepted_at")).query().listOfRows().get(0);
        assertThat(jdbc.sql("SELECT step_id FROM sla_breach WHERE process_instance_id = ?")
                .param(late.get("process_instance_id")).query(String.class).list())
                .containsExactlyInAnyOrder("homeInvestigation", "countyConfirmation", "case");
        // the case closed on time after a correction notice: its clock stopped and resumed two working days later
        Map<String, Object> corrected = jdbc.sql(String.format(DEMO, "process_instance_id",
                "AND receipt_no LIKE 'DB-%%-9101' ORDER BY accepted_at")).query().listOfRows().get(0);
        assertThat(jdbc.sql("SELECT working_days FROM sla_clock_stop WHERE process_instance_id = ?")
                .param(corrected.get("process_instance_id")).query(Integer.class).list()).containsExactly(2);
        // a step due at the end of today, open: due soon whenever today is a working day
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sla_step s JOIN sla_case c ON c.process_instance_id ="
                        + " s.process_instance_id WHERE c.receipt_no LIKE 'DB-%-9107' AND c.district = 'jinshui'"
                        + " AND s.step_id = 'homeInvestigation' AND s.closed_at IS NULL AND s.assignee IS NULL")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aRestartAddsNoCase() throws Exception {
        long before = count();

        demoCases.run(new DefaultApplicationArguments());

        assertThat(count()).isEqualTo(before);
    }

    private long distinct(String condition) {
        return jdbc.sql(String.format(DEMO, "COUNT(DISTINCT receipt_no)", condition)).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql(String.format(DEMO, "COUNT(*)", "")).query(Long.class).single();
    }
}
