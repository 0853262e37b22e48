package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Seeding on a real (in-memory H2) database migrated by our Flyway scripts, without Spring or the engine. */
class IdentitySeederTest {

    static final List<District> DISTRICTS = List.of(
            new District("zhongyuan", "中原区", "Zhongyuan District"),
            new District("erqi", "二七区", "Erqi District"),
            new District("guancheng", "管城回族区", "Guancheng Hui District"),
            new District("jinshui", "金水区", "Jinshui District"),
            new District("huiji", "惠济区", "Huiji District"),
            new District("shangjie", "上街区", "Shangjie District"),
            new District("zhengdong", "郑东新区", "Zhengdong New District"));

    final List<Object> events = new ArrayList<>();
    IdentityRepository repository;
    UserDirectory directory;
    JdbcClient jdbc;

    @BeforeEach
    void migratedDatabase() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        repository = new IdentityRepository(jdbc);
        directory = new UserDirectory(repository, new BCryptPasswordEncoder(), events::add);
    }

    @Test
    void withoutDemoDataThereAreGroupsButNoUsers() {
        seeder(false).seed();

        assertThat(repository.users()).isEmpty();
        assertThat(events).noneMatch(UserCreated.class::isInstance);
        assertThat(repository.districts()).extracting(District::code)
                .contains("jinshui", "erqi", "zhongyuan", "guancheng", "huiji", "shangjie", "zhengdong");
        int districts = repository.districts().size();
        assertThat(repository.groups()).hasSize(Role.values().length + DistrictGroup.values().length * districts);
        assertThat(repository.group("township-jinshui")).hasValueSatisfying(group -> {
            assertThat(group.name()).isEqualTo("金水区 乡镇（街道）审核");
            assertThat(group.districtCode()).isEqualTo("jinshui");
        });
        assertThat(events).filteredOn(GroupCreated.class::isInstance).hasSize(repository.groups().size());
    }

    @Test
    void demoDataBringsTheDemoAccounts() {
        seeder(true).seed();

        assertThat(repository.users()).extracting(UserAccount::username).containsExactlyInAnyOrder(
                "zhangsan", "lisi", "reviewer.jinshui", "reviewer.erqi", "county.jinshui", "county.erqi",
                "canlian.jinshui", "registrar.jinshui", "supervisor", "admin");
        UserAccount zhangsan = directory.findUser("zhangsan").orElseThrow();
        assertThat(zhangsan.displayName()).isEqualTo("张三");
        assertThat(zhangsan.role()).isEqualTo(Role.APPLICANT);
        assertThat(repository.credentials("zhangsan").orElseThrow().passwordHash()).startsWith("$2a$");
        assertThat(directory.groupIdsOf("reviewer.erqi")).containsExactlyInAnyOrder("reviewers", "township-erqi");
        assertThat(directory.groupIdsOf("admin")).containsExactly("camunda-admin");
        assertThat(directory.groupIdsOf("supervisor")).contains("supervisors")
                .containsAll(repository.districts().stream()
                        .map(d -> DistrictGroup.SUPERVISOR.groupId(d.code())).toList());
        assertThat(directory.enabledMembersOf("supervisor-erqi")).extracting(UserAccount::username)
                .containsExactly("supervisor");
        assertThat(events).filteredOn(UserCreated.class::isInstance).hasSize(10);
    }

    @Test
    void seedingAgainChangesNothing() {
        seeder(true).seed();
        List<UserAccount> users = repository.users();
        List<UserGroup> groups = repository.groups();
        events.clear();

        seeder(true).seed();

        assertThat(repository.users()).isEqualTo(users);
        assertThat(repository.groups()).isEqualTo(groups);
        assertThat(events).isEmpty();
    }

    @Test
    void turningDemoDataOnLaterAddsTheUsersToTheExistingGroups() {
        seeder(false).seed();
        seeder(true).seed();

        assertThat(repository.users()).hasSize(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM group_memberships WHERE group_id = 'township-jinshui'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void productionGetsItsFirstAdministratorFromConfiguration() {
        new IdentitySeeder(repository, directory, DISTRICTS, new ObjectMapper(), false,
                new IdentitySeeder.InitialAdmin("ops.admin", "a-long-secret")).seed();

        assertThat(repository.users()).extracting(UserAccount::username).containsExactly("ops.admin");
        assertThat(repository.credentials("ops.admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(new BCryptPasswordEncoder().matches("a-long-secret",
                repository.credentials("ops.admin").orElseThrow().passwordHash())).isTrue();
        assertThat(directory.groupIdsOf("ops.admin")).containsExactly("camunda-admin");
    }

    @Test
    void anInitialAdministratorWithoutPasswordStopsTheStart() {
        IdentitySeeder seeder = new IdentitySeeder(repository, directory, DISTRICTS, new ObjectMapper(), false,
                new IdentitySeeder.InitialAdmin("ops.admin", " "));

        assertThatThrownBy(seeder::seed).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initial-admin.password");
    }

    private IdentitySeeder seeder(boolean demoData) {
        return new IdentitySeeder(repository, directory, DISTRICTS, new ObjectMapper(), demoData,
                new IdentitySeeder.InitialAdmin("", ""));
    }
}
