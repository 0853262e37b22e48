package cn.tongban.review.tasklist;

import cn.tongban.identity.GroupCreated;
import cn.tongban.identity.UserDirectory;
import cn.tongban.identity.UserGroup;
import cn.tongban.sla.Deadlines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Tasklist filters (过滤器) of every group that works on tasks: 我的任务, 组任务, 即将到期 and 已逾期, each readable
 * by that group only and sorted by due date. Created at start-up for the groups that exist and at once for a
 * group created later; a filter that exists already is left as the administrators may have changed it.
 *
 * <p>Every filter also names its group as candidate group, so a user who could read a filter of another group
 * would still see only tasks the engine lets them read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TasklistFilters implements ApplicationRunner {

    /** Group id prefixes of the offices that take tasks (see DistrictGroup). */
    static final Set<String> TASK_GROUP_PREFIXES =
            Set.of("township-", "county-", "canlian-", "registrar-", "supervisor-");

    /** The filters of one group, in the order Tasklist lists them. */
    enum Kind {
        /** Tasks of the group the user holds. */
        MY_TASKS("我的任务", "本组中由我办理的任务"),
        /** Tasks of the group nobody has claimed yet. */
        GROUP_TASKS("组任务", "本组待认领的任务"),
        /** Tasks of the group due by the end of today (the SLA badge's 即将到期). */
        DUE_SOON("即将到期", "本组今天到期、尚未逾期的任务"),
        /** Tasks of the group past their due date. */
        OVERDUE("已逾期", "本组已超过办理期限的任务");

        final String label;
        final String description;

        Kind(String label, String description) {
            this.label = label;
            this.description = description;
        }

        /** E.g. {@code 组任务 · 金水区 乡镇（街道）审核}: a supervisor of several districts tells them apart. */
        String filterName(UserGroup group) {
            return label + " · " + group.name();
        }
    }

    /**
     * Start of tomorrow in the server's time zone (Asia/Shanghai in production), plus the millisecond that makes
     * a deadline at midnight tonight count as due today, as the SLA badge counts it. Filter expressions may use
     * {@code now()} and {@code dateTime()} (a Joda DateTime) but not our working-day calendar.
     */
    static final String START_OF_TOMORROW = "${dateTime().plusDays(1).withTimeAtStartOfDay().plusMillis(1).toDate()}";
    static final String NOW = "${now()}";
    static final String CURRENT_USER = "${currentUser()}";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final UserDirectory directory;
    private final TransactionTemplate transaction;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                    UserDirectory directory, TransactionTemplate transaction) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.directory = directory;
        this.transaction = transaction;
    }

    /** The two filters every reviewer shared before each group had its own; their names are never reused. */
    static final Set<String> RETIRED = Set.of("我的任务", "我的组任务");

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            filters.createTaskFilterQuery().list().stream()
                    .filter(filter -> RETIRED.contains(filter.getName()) && filter.getOwner() == null)
                    .forEach(filter -> filters.deleteFilter(filter.getId()));
            Set<String> existing = filters.createTaskFilterQuery().list().stream().map(Filter::getName)
                    .collect(Collectors.toSet());
            directory.groups().forEach(group -> ensureFilters(group, existing));
        });
    }

    /** Runs inside the transaction that creates the group. */
    @EventListener
    void on(GroupCreated event) {
        ensureFilters(event.group(), Set.of());
    }

    static boolean takesTasks(UserGroup group) {
        return TASK_GROUP_PREFIXES.stream().anyMatch(group.id()::startsWith);
    }

    private void ensureFilters(UserGroup group, Set<String> knownNames) {
        if (!takesTasks(group)) {
            return;
        }
        int priority = 0;
        for (Kind kind : Kind.values()) {
            String name = kind.filterName(group);
            priority++;
            if (knownNames.contains(name) || filters.createTaskFilterQuery().filterName(name).count() > 0) {
                continue;
            }
            Filter filter = filters.newTaskFilter(name);
            filter.setQuery(query(kind, group.id()));
            filter.setProperties(properties(kind, priority));
            filters.saveFilter(filter);
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group.id());
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }

    private TaskQuery query(Kind kind, String groupId) {
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(groupId);
        switch (kind) {
            case MY_TASKS -> query.includeAssignedTasks().taskAssigneeExpression(CURRENT_USER);
            case GROUP_TASKS -> query.taskUnassigned();
            case DUE_SOON -> query.includeAssignedTasks().dueAfterExpression(NOW)
                    .dueBeforeExpression(START_OF_TOMORROW);
            case OVERDUE -> query.includeAssignedTasks().dueBeforeExpression(NOW);
        }
        return query.orderByDueDate().asc();
    }

    /** Tasklist's filter properties: its place in the list, refresh, and the case values each task card shows. */
    private static Map<String, Object> properties(Kind kind, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", kind.description);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of(
                Map.of("name", ReceiptNumberVariable.RECEIPT_NO, "label", "受理编号"),
                Map.of("name", "applicantName", "label", "申请人"),
                Map.of("name", Deadlines.CASE_DEADLINE, "label", "办结期限")));
        return properties;
    }
}
