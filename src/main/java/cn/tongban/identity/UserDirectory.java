package cn.tongban.identity;

import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Who is who: users, groups, districts. Creating users and groups goes through here so that
 * Camunda's identity service learns of them in the same transaction (see {@link UserCreated}).
 */
@Service
@Validated
public class UserDirectory {

    private final IdentityRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    UserDirectory(IdentityRepository repository, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findUser(String username) {
        return repository.user(username);
    }

    /** Ids of the groups the user belongs to, role group included. */
    @Transactional(readOnly = true)
    public List<String> groupIdsOf(String username) {
        return repository.groupIdsOf(username);
    }

    /** Enabled members of a group, e.g. the supervisors to mail about a breach in a district. */
    @Transactional(readOnly = true)
    public List<UserAccount> enabledMembersOf(String groupId) {
        return repository.membersOf(groupId).stream().filter(UserAccount::enabled).toList();
    }

    @Transactional(readOnly = true)
    public List<UserGroup> groups() {
        return repository.groups();
    }

    @Transactional(readOnly = true)
    public Optional<UserGroup> findGroup(String id) {
        return repository.group(id);
    }

    @Transactional(readOnly = true)
    public List<District> districts() {
        return repository.districts();
    }

    @Transactional(readOnly = true)
    public Optional<District> findDistrict(String code) {
        return repository.district(code);
    }

    /**
     * Stores the user with a bcrypt hash of the password and makes them a member of their role's
     * group and of {@code user.groups()}.
     *
     * @throws InvalidInputException when the username or e-mail address is taken or a district or group does not
     *                               exist
     */
    @Transactional
    public UserAccount createUser(@Valid NewUser user, @NotBlank @Size(max = 72) String password) {
        List<InvalidField> problems = new ArrayList<>();
        if (repository.user(user.username()).isPresent()) {
            problems.add(new InvalidField("username", "already taken: " + user.username()));
        }
        // an address belongs to one account (V1_9); registration relies on it to tell applicants apart
        if (user.email() != null && repository.emailTaken(user.email())) {
            problems.add(new InvalidField("email", "already taken: " + user.email()));
        }
        if (user.districtCode() != null && repository.district(user.districtCode()).isEmpty()) {
            problems.add(new InvalidField("districtCode", "no such district: " + user.districtCode()));
        }
        Set<String> groupIds = new LinkedHashSet<>();
        groupIds.add(user.role().groupId());
        groupIds.addAll(user.groups());
        for (String groupId : groupIds) {
            if (repository.group(groupId).isEmpty()) {
                problems.add(new InvalidField("groups", "no such group: " + groupId));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UserAccount account = new UserAccount(user.username(), user.displayName(), user.email(), user.phone(),
                user.role(), user.districtCode(), true, OffsetDateTime.now());
        repository.insertUser(account, passwordEncoder.encode(password));
        groupIds.forEach(groupId -> repository.insertMembership(groupId, account.username()));
        events.publishEvent(new UserCreated(account, List.copyOf(groupIds)));
        return account;
    }

    /**
     * Opens an applicant account: bcrypt hash of the password, member of the applicants' group, mirrored into
     * Camunda like every user (see {@link UserCreated}), the ID number kept with it.
     *
     * @throws AccountTakenException when the username (in any case), the ID number or the e-mail address belongs
     *                               to an account already
     */
    @Transactional
    public UserAccount registerApplicant(@Valid ApplicantRegistration registration,
                                         @NotBlank @Size(max = 72) String password) {
        List<String> taken = takenBy(registration);
        if (!taken.isEmpty()) {
            throw new AccountTakenException(taken);
        }
        UserAccount account = new UserAccount(registration.username(), registration.displayName(),
                registration.email(), registration.phone(), Role.APPLICANT, null, true, OffsetDateTime.now());
        repository.insertUser(account, passwordEncoder.encode(password));
        repository.setIdNumber(account.username(), registration.idNumber());
        repository.insertMembership(Role.APPLICANT.groupId(), account.username());
        events.publishEvent(new UserCreated(account, List.of(Role.APPLICANT.groupId())));
        return account;
    }

    /** Which of username, ID number and e-mail address of the registration belong to an account already. */
    @Transactional(readOnly = true)
    public List<String> takenBy(ApplicantRegistration registration) {
        List<String> taken = new ArrayList<>();
        if (repository.usernameTaken(registration.username())) {
            taken.add("username");
        }
        if (repository.idNumberTaken(registration.idNumber())) {
            taken.add("idNumber");
        }
        if (repository.emailTaken(registration.email())) {
            taken.add("email");
        }
        return taken;
    }

    /** The resident ID number kept with the account; empty for staff and for accounts made without one. */
    @Transactional(readOnly = true)
    public Optional<String> idNumberOf(String username) {
        return repository.idNumber(username);
    }

    /** @throws InvalidInputException when the id is taken or the district does not exist */
    @Transactional
    public UserGroup createGroup(@NotBlank @Size(max = 64) @Pattern(regexp = NewUser.ID_PATTERN) String id,
                                 @NotBlank @Size(max = 100) String name,
                                 @Size(max = 32) String districtCode) {
        if (repository.group(id).isPresent()) {
            throw new InvalidInputException(new InvalidField("id", "already taken: " + id));
        }
        if (districtCode != null && repository.district(districtCode).isEmpty()) {
            throw new InvalidInputException(new InvalidField("districtCode", "no such district: " + districtCode));
        }
        UserGroup group = new UserGroup(id, name, districtCode);
        repository.insertGroup(group, OffsetDateTime.now());
        events.publishEvent(new GroupCreated(group));
        return group;
    }

    /** Adds an existing user to an existing group; a no-op when they are a member already. */
    @Transactional
    public void addMember(@NotBlank String groupId, @NotBlank String username) {
        List<InvalidField> problems = new ArrayList<>();
        if (repository.group(groupId).isEmpty()) {
            problems.add(new InvalidField("groupId", "no such group: " + groupId));
        }
        if (repository.user(username).isEmpty()) {
            problems.add(new InvalidField("username", "no such user: " + username));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.insertMembership(groupId, username)) {
            events.publishEvent(new MembershipAdded(groupId, username));
        }
    }
}
