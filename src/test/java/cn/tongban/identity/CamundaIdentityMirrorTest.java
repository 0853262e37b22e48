package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.testsupport.TongbanIntegrationTest;
import cn.tongban.web.InvalidInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@TongbanIntegrationTest
class CamundaIdentityMirrorTest {

    private static final List<String> DEMO_USERS = List.of("zhangsan", "lisi", "reviewer.jinshui", "reviewer.erqi",
            "county.jinshui", "county.erqi", "canlian.jinshui", "registrar.jinshui", "supervisor", "admin");

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    UserDirectory directory;

    @Autowired
    IdentityStartup startup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void demoUsersAreInCamunda() {
        List<String> camundaUsers = identityService.createUserQuery().list().stream().map(User::getId).toList();
        assertThat(camundaUsers).containsAll(DEMO_USERS);

        User reviewer = identityService.createUserQuery().userId("reviewer.jinshui").singleResult();
        assertThat(reviewer.getFirstName()).isEqualTo(directory.findUser("reviewer.jinshui").orElseThrow().displayName());
        assertThat(reviewer.getEmail()).isEqualTo("reviewer.jinshui@example.com");
    }

    @Test
    void groupsAndMembershipsAreInCamunda() {
        assertThat(members("township-jinshui")).contains("reviewer.jinshui").doesNotContain("reviewer.erqi");
        assertThat(members("county-erqi")).contains("county.erqi");
        assertThat(members("canlian-jinshui")).contains("canlian.jinshui");
        assertThat(members("registrar-jinshui")).contains("registrar.jinshui");
        assertThat(members("reviewers")).contains("reviewer.jinshui", "county.jinshui", "canlian.jinshui")
                .doesNotContain("zhangsan", "admin");
        assertThat(members("applicants")).contains("zhangsan", "lisi");
        assertThat(members(Groups.CAMUNDA_ADMIN)).contains("admin").doesNotContain("supervisor");
        for (District district : directory.districts()) {
            assertThat(members(DistrictGroup.SUPERVISOR.groupId(district.code()))).contains("supervisor");
        }
        Group admins = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
        assertThat(admins.getType()).isEqualTo(Groups.GROUP_TYPE_SYSTEM);
        assertThat(identityService.createGroupQuery().groupId("township-zhengdong").singleResult().getName())
                .isEqualTo("郑东新区 乡镇（街道）审核");
    }

    @Test
    void cockpitIsForAdministratorsAndTasklistForReviewers() {
        assertThat(mayAccess("admin", "cockpit")).isTrue();
        assertThat(mayAccess("admin", "admin")).isTrue();
        assertThat(mayAccess("reviewer.jinshui", "cockpit")).isFalse();
        assertThat(mayAccess("reviewer.jinshui", "admin")).isFalse();
        assertThat(mayAccess("reviewer.jinshui", "tasklist")).isTrue();
        assertThat(mayAccess("supervisor", "cockpit")).isFalse();
        assertThat(mayAccess("supervisor", "tasklist")).isTrue();
        assertThat(mayAccess("zhangsan", "tasklist")).isFalse();
    }

    @Test
    void passwordsAreStoredAsBcryptAndNeverGivenToCamunda() {
        List<String> hashes = jdbc.sql("SELECT password_hash FROM users").query(String.class).list();

        assertThat(hashes).hasSizeGreaterThanOrEqualTo(DEMO_USERS.size())
                .allSatisfy(hash -> assertThat(hash).matches("\\$2[aby]\\$\\d{2}\\$.{53}"));
        String zhangsan = jdbc.sql("SELECT password_hash FROM users WHERE username = 'zhangsan'")
                .query(String.class).single();
        assertThat(passwordEncoder.matches("demo", zhangsan)).isTrue();
        assertThat(identityService.checkPassword("admin", "demo")).isFalse();
    }

    @Test
    void aUserCreatedThroughTheDirectoryIsInCamundaAtOnce() {
        directory.createUser(new NewUser("reviewer.guancheng", "吴磊", "reviewer.guancheng@example.com",
                "13800000013", Role.REVIEWER, "guancheng", List.of("township-guancheng")), "s3cret-pass");

        assertThat(identityService.createUserQuery().userId("reviewer.guancheng").count()).isEqualTo(1);
        assertThat(members("township-guancheng")).contains("reviewer.guancheng");
        assertThat(members("reviewers")).contains("reviewer.guancheng");
        assertThat(directory.groupIdsOf("reviewer.guancheng")).containsExactly("reviewers", "township-guancheng");
        assertThat(mayAccess("reviewer.guancheng", "tasklist")).isTrue();
    }

    @Test
    void aGroupCreatedThroughTheDirectoryIsInCamundaAtOnce() {
        directory.createGroup("archive-huiji", "惠济区 档案", "huiji");
        directory.addMember("archive-huiji", "lisi");

        assertThat(identityService.createGroupQuery().groupId("archive-huiji").singleResult().getName())
                .isEqualTo("惠济区 档案");
        assertThat(members("archive-huiji")).containsExactly("lisi");
    }

    @Test
    void aRefusedUserLeavesNoTraceAnywhere() {
        NewUser unknownGroup = new NewUser("county.nowhere", "无名", null, null, Role.REVIEWER, "jinshui",
                List.of("county-nowhere"));

        assertThatThrownBy(() -> directory.createUser(unknownGroup, "s3cret-pass"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting("field").containsExactly("groups"));
        assertThat(directory.findUser("county.nowhere")).isEmpty();
        assertThat(identityService.createUserQuery().userId("county.nowhere").count()).isZero();
    }

    @Test
    void malformedUsersAreRejectedByValidation() {
        NewUser malformed = new NewUser("bad name!", " ", "not-an-email", "12", Role.APPLICANT, null, List.of());

        assertThatThrownBy(() -> directory.createUser(malformed, "s3cret-pass"))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString())
                        .contains("createUser.user.username", "createUser.user.displayName",
                                "createUser.user.email", "createUser.user.phone"));
        assertThat(identityService.createUserQuery().userId("bad name!").count()).isZero();
    }

    @Test
    void startUpRepairsWhatDriftedInCamundaAndIsIdempotent() {
        identityService.deleteMembership("county.erqi", "county-erqi");
        User user = identityService.createUserQuery().userId("lisi").singleResult();
        user.setFirstName("changed by hand");
        identityService.saveUser(user);

        startup.run(null);
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long memberships = identityService.createUserQuery().memberOfGroup("reviewers").count();
        long filters = filterService.createFilterQuery().count();
        startup.run(null);

        assertThat(members("county-erqi")).contains("county.erqi");
        assertThat(identityService.createUserQuery().userId("lisi").singleResult().getFirstName()).isEqualTo("李四");
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(identityService.createUserQuery().memberOfGroup("reviewers").count()).isEqualTo(memberships);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    }

    private List<String> members(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }

    private boolean mayAccess(String userId, String application) {
        return authorizationService.isUserAuthorized(userId, groupsOf(userId), Permissions.ACCESS,
                Resources.APPLICATION, application);
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
