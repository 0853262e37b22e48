package cn.tongban.sla.internal;

import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Who answers for an open step (环节责任人), for the due-soon reminder and the supervisor's urge notice alike: its
 * assignee, or, while nobody has claimed it, the enabled members of its candidate groups and its candidate users.
 *
 * @param people the people to tell
 * @param named  how the record names them: the assignee, or the candidate groups in order, comma-separated
 */
record StepResponsibles(List<UserAccount> people, String named) {

    static StepResponsibles of(Task task, TaskService tasks, UserDirectory users) {
        List<UserAccount> people = new ArrayList<>();
        if (task.getAssignee() != null) {
            users.findUser(task.getAssignee()).ifPresent(people::add);
            return new StepResponsibles(people, task.getAssignee());
        }
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
                people.addAll(users.enabledMembersOf(link.getGroupId()));
            } else if (link.getUserId() != null) {
                users.findUser(link.getUserId()).ifPresent(people::add);
            }
        }
        return new StepResponsibles(people, String.join(",", groups.stream().sorted().toList()));
    }
}
