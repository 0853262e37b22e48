package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.HolidayArrangement;
import cn.tongban.identity.UserDirectory;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo default runs on H2: the engine schema, every Flyway migration and our own stores must work
 * there too, not only on PostgreSQL.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:tongban-h2-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // Camunda keeps engines in a static registry by name: the PostgreSQL test context's webapps must keep
        // finding their own engine under "default"
        "camunda.bpm.process-engine-name=h2"
})
@ActiveProfiles("demo")
class H2DefaultDatabaseTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    CalendarService calendar;

    @Autowired
    UserDirectory users;

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

    @Test
    void demoUsersAreStoredAndMirroredIntoCamunda() {
        assertThat(users.findUser("reviewer.jinshui")).isPresent();
        IdentityService camunda = engine.getIdentityService();
        assertThat(camunda.createGroupQuery().groupMember("reviewer.jinshui").list())
                .extracting(g -> g.getId()).contains("township-jinshui", "reviewers");
    }

    @Test
    void anUploadedArrangementIsStoredAndReadBack() throws Exception {
        var example = HolidayArrangement.parse(
                new ClassPathResource("cn/tongban/calendar/example-2030.json").getContentAsByteArray(), "2030.json");
        calendar.load(example, "admin");

        calendar.reload();

        assertThat(calendar.current().isLoaded(2030)).isTrue();
        assertThat(calendar.current().day(LocalDate.of(2030, 1, 1)).workingDay()).isFalse();
        calendar.removeUploaded(2030);
        assertThat(calendar.current().isLoaded(2030)).isFalse();
    }
}
