package cn.tongban.sla.internal;

import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.notify.Notifications;
import cn.tongban.web.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supervisor does about an open step (督办): urge whoever holds it, or hand it to another member of its
 * candidate group. Both are recorded in sla_action, in the same transaction as their effect.
 */
@Service
class SlaSupervision {

    static final String URGE_TEMPLATE = "sla-urge";
    /** The longest message a supervisor may add to an urge notice. */
    static final int MAX_MESSAGE_LENGTH = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SlaRecords records;
    private final SlaActions actions;
    private final SlaOverview overview;
    private final TaskService tasks;
    private final UserDirectory users;
    private final Notifications notifications;

    SlaSupervision(SlaRecords records, SlaActions actions, SlaOverview overview, TaskService tasks,
                   UserDirectory users, Notifications notifications) {
        this.records = records;
        this.actions = actions;
        this.overview = overview;
        this.tasks = tasks;
        this.users = users;
        this.notifications = notifications;
    }

    /**
     * Sends an urge notice about an open step to its assignee, or to every enabled member of its candidate groups
     * while nobody has claimed it, and records it.
     *
     * @throws InvalidInputException          a message over {@value #MAX_MESSAGE_LENGTH} characters
     * @throws org.springframework.web.ErrorResponseException 404 unknown step, 403 not the caller's district,
     *                                        409 the step is closed or nobody could be mailed
     */
    @Transactional
    public SlaActions.Action urge(String taskId, Authentication who, String message) {
        String text = SlaOverview.blankToNull(message);
        if (text != null && text.length() > MAX_MESSAGE_LENGTH) {
            throw new InvalidInputException("message", "督办意见过长 / the message is longer than "
                    + MAX_MESSAGE_LENGTH + " characters");
        }
        OpenStep open = openStep(taskId, who);
        StepResponsibles responsibles = StepResponsibles.of(open.task(), tasks, users);
        List<UserAccount> recipients = responsibles.people();
        String recipient = responsibles.named();
        Map<String, UserAccount> byAddress = new LinkedHashMap<>();
        for (UserAccount user : recipients) {
            if (user.enabled() && user.email() != null && !user.email().isBlank()) {
                byAddress.putIfAbsent(user.email(), user);
            }
        }
        if (byAddress.isEmpty()) {
            throw SlaOverview.problem(HttpStatus.CONFLICT, "无人可督办：该环节的办理人或候选组没有邮箱 / nobody to urge:"
                    + " neither the assignee nor the candidate groups of step " + taskId + " have a mail address");
        }
        Instant now = SlaOverview.now();
        SlaActions.Action action = actions.record(SlaActions.Kind.URGE, open.step(), open.receiptNo(), who.getName(),
                now, recipient, open.task().getAssignee(), text);

        Map<String, Object> model = new HashMap<>();
        model.put("receiptNo", open.receiptNo());
        model.put("serviceName", overview.serviceName(open.step().serviceCode()));
        model.put("stepName", open.task().getName());
        model.put("deadlineText", TIME.format(open.step().deadline().atZone(overview.zone())));
        model.put("supervisorName", users.findUser(who.getName()).map(UserAccount::displayName)
                .orElse(who.getName()));
        model.put("message", text);
        // queued in this transaction: the urge is recorded exactly when its mails are on their way
        for (UserAccount user : byAddress.values()) {
            Map<String, Object> personal = new HashMap<>(model);
            personal.put("recipientName", user.displayName());
            notifications.send(user.email(), URGE_TEMPLATE, personal, Locale.SIMPLIFIED_CHINESE);
        }
        return action;
    }

    /**
     * Assigns an open step to another user, who must be an enabled member of one of its candidate groups (which
     * are district groups, so the user works in the step's district), and records it.
     *
     * @throws InvalidInputException field {@code assignee}: missing, unknown, disabled, not in a candidate group, or
     *                               the assignee already
     * @throws org.springframework.web.ErrorResponseException 404 unknown step, 403 not the caller's district,
     *                               409 the step is closed
     */
    @Transactional
    public SlaActions.Action reassign(String taskId, Authentication who, String assignee) {
        String username = SlaOverview.blankToNull(assignee);
        if (username == null) {
            throw new InvalidInputException("assignee", "请选择新的办理人 / the new assignee is required");
        }
        OpenStep open = openStep(taskId, who);
        UserAccount user = users.findUser(username).filter(UserAccount::enabled).orElseThrow(() ->
                new InvalidInputException("assignee", "无此用户 / no such user: " + username));
        List<String> groups = candidateGroups(taskId);
        Set<String> shared = new LinkedHashSet<>(users.groupIdsOf(user.username()));
        shared.retainAll(groups);
        if (shared.isEmpty()) {
            throw new InvalidInputException("assignee", "该用户不在此环节的候选组（" + String.join("、", groups)
                    + "）中 / " + username + " is not in the step's candidate groups " + groups);
        }
        String previous = open.task().getAssignee();
        if (username.equals(previous)) {
            throw new InvalidInputException("assignee", "已是该环节的办理人 / " + username + " holds the step already");
        }
        // the engine's assignment listener updates sla_step in this transaction
        tasks.setAssignee(taskId, username);
        return actions.record(SlaActions.Kind.REASSIGN, open.step(), open.receiptNo(), who.getName(),
                SlaOverview.now(), username, previous, null);
    }

    /** Candidates for a reassignment: the enabled members of the step's candidate groups. */
    List<UserAccount> candidates(String taskId) {
        Map<String, UserAccount> members = new LinkedHashMap<>();
        for (String group : candidateGroups(taskId)) {
            users.enabledMembersOf(group).forEach(user -> members.putIfAbsent(user.username(), user));
        }
        return List.copyOf(members.values());
    }

    private record OpenStep(StepRecord step, Task task, String receiptNo) {
    }

    private OpenStep openStep(String taskId, Authentication who) {
        StepRecord step = records.findStep(taskId).orElseThrow(() ->
                SlaOverview.problem(HttpStatus.NOT_FOUND, "无此环节 / no step " + taskId));
        overview.requireInScope(who, step.district(), "环节");
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (step.closedAt() != null || task == null) {
            throw SlaOverview.problem(HttpStatus.CONFLICT, "该环节已办结 / step " + taskId + " is closed");
        }
        String receiptNo = records.findCase(step.processInstanceId()).map(CaseRecord::receiptNo).orElse(null);
        return new OpenStep(step, task, receiptNo);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
    }
}
