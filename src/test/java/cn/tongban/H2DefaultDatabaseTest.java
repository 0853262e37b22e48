package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo default runs on H2: the engine schema and every Flyway migration must work there too,
 * not only on PostgreSQL.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:tongban-h2-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"
})
@ActiveProfiles("demo")
class H2DefaultDatabaseTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Test
    void engineAndMigrationsRunOnH2() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(engine.getManagementService().getTableCount()).isNotEmpty();
        Integer failed = JdbcClient.create(dataSource)
                .sql("select count(*) from \"flyway_schema_history\" where \"success\" = false")
                .query(Integer.class).single();
        assertThat(failed).isZero();
    }
}
