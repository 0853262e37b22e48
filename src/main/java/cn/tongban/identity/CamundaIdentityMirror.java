package cn.tongban.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's identity tables in step with ours, so Tasklist, Cockpit and Admin, task candidate groups
 * and engine authorizations see the same people. Passwords stay ours: sign-in never asks Camunda.
 * Listeners run synchronously, inside the transaction that changed our tables.
 */
@Component
class CamundaIdentityMirror {

    /** Who works on tasks in Tasklist. */
    private static final List<Role> TASK_WORKERS = List.of(Role.REVIEWER, Role.SUPERVISOR);

    /** Camunda webapp ids, the resource ids of {@link Resources#APPLICATION}. */
    static final String TASKLIST = "tasklist";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    CamundaIdentityMirror(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @EventListener
    void on(GroupCreated event) {
        saveGroup(event.group());
    }

    @EventListener
    void on(UserCreated event) {
        saveUser(event.user());
        event.groupIds().forEach(groupId -> identityService.createMembership(event.user().username(), groupId));
    }

    @EventListener
    void on(MembershipAdded event) {
        if (identityService.createGroupQuery().groupId(event.groupId()).groupMember(event.username()).count() == 0) {
            identityService.createMembership(event.username(), event.groupId());
        }
    }

    /**
     * Creates or updates every group and user of ours in Camunda and makes each user's Camunda memberships
     * in our groups exactly ours. Camunda users and groups we do not know are left alone.
     */
    void mirrorAll(List<UserGroup> groups, List<UserAccount> users, Function<String, List<String>> groupIdsOf) {
        Map<String, Group> camundaGroups = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, Function.identity()));
        for (UserGroup group : groups) {
            Group existing = camundaGroups.get(group.id());
            if (existing == null || !Objects.equals(existing.getName(), group.name())) {
                saveGroup(group);
            }
        }
        Set<String> ourGroupIds = groups.stream().map(UserGroup::id).collect(Collectors.toSet());
        Map<String, User> camundaUsers = identityService.createUserQuery().list().stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        for (UserAccount user : users) {
            User existing = camundaUsers.get(user.username());
            if (existing == null || !Objects.equals(existing.getFirstName(), user.displayName())
                    || !Objects.equals(existing.getEmail(), user.email())) {
                saveUser(user);
            }
            Set<String> wanted = new HashSet<>(groupIdsOf.apply(user.username()));
            Set<String> current = identityService.createGroupQuery().groupMember(user.username()).list().stream()
                    .map(Group::getId).filter(ourGroupIds::contains).collect(Collectors.toSet());
            for (String groupId : wanted) {
                if (!current.contains(groupId)) {
                    identityService.createMembership(user.username(), groupId);
                }
            }
            for (String groupId : current) {
                if (!wanted.contains(groupId)) {
                    identityService.deleteMembership(user.username(), groupId);
                }
            }
        }
    }

    /**
     * Administrators may do everything (as Camunda's own first-admin set-up grants); reviewers may open
     * Tasklist. Cockpit and Admin stay closed to everyone else. Which tasks a reviewer may see comes from the
     * tasks' candidate groups; the review side gives each group its Tasklist filters.
     */
    void grantBaseAuthorizations() {
        for (Resource resource : Resources.values()) {
            grantIfAbsent(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        // supervisors have tasks too: approving a second correction notice, following up a poor rating
        for (Role worker : TASK_WORKERS) {
            grantIfAbsent(worker.groupId(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            // Tasklist reads the model of a task to find its form; tasks themselves stay scoped by candidate group
            grantIfAbsent(worker.groupId(), Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        }
    }

    private void grantIfAbsent(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean granted = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .hasPermission(permission).count() > 0;
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void saveGroup(UserGroup group) {
        Group camundaGroup = identityService.createGroupQuery().groupId(group.id()).singleResult();
        if (camundaGroup == null) {
            camundaGroup = identityService.newGroup(group.id());
        }
        camundaGroup.setName(group.name());
        camundaGroup.setType(Groups.CAMUNDA_ADMIN.equals(group.id())
                ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(camundaGroup);
    }

    private static String unknowablePassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private void saveUser(UserAccount user) {
        User camundaUser = identityService.createUserQuery().userId(user.username()).singleResult();
        if (camundaUser == null) {
            camundaUser = identityService.newUser(user.username());
            // Camunda's own login form needs some password to compare with; one nobody knows keeps it shut
            camundaUser.setPassword(unknowablePassword());
        }
        // Chinese names are not split into given and family name; the webapps show "first last".
        camundaUser.setFirstName(user.displayName());
        camundaUser.setLastName("");
        camundaUser.setEmail(user.email());
        identityService.saveUser(camundaUser);
    }
}
