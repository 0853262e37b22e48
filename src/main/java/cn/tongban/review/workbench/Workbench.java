package cn.tongban.review.workbench;

import cn.tongban.catalog.Material;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.forms.FormDefinition;
import cn.tongban.forms.FormRegistry;
import cn.tongban.forms.FormValidator;
import cn.tongban.identity.UserDirectory;
import cn.tongban.intake.CaseMaterials;
import cn.tongban.intake.CaseMaterials.UploadContent;
import cn.tongban.review.CorrectionNotice;
import cn.tongban.review.ReviewerWorkbench;
import cn.tongban.review.TaskCompleted;
import cn.tongban.review.TaskConflictException;
import cn.tongban.review.TaskDetail;
import cn.tongban.review.TaskDetail.CaseComment;
import cn.tongban.review.TaskDetail.HistoryEntry;
import cn.tongban.review.TaskDetail.MaterialEntry;
import cn.tongban.review.TaskDetail.UploadedMaterial;
import cn.tongban.review.TaskFilter;
import cn.tongban.review.TaskList;
import cn.tongban.review.TaskNotFoundException;
import cn.tongban.review.TaskNotInScopeException;
import cn.tongban.review.TaskSummary;
import cn.tongban.sla.Deadlines;
import cn.tongban.sla.OpenSteps;
import cn.tongban.sla.SlaState;
import cn.tongban.web.ConcurrentReads;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workbench on the engine. Which task a reviewer may open or change is decided twice, the same way Tasklist
 * decides it: the task query runs under the reviewer's engine authentication (user and groups), so Camunda's
 * authorizations apply, and it asks only for tasks whose candidate groups include one of theirs or that are
 * assigned to them, in their district. The list applies the same scope to the SLA module's open steps
 * ({@link OpenSteps}), which record every task's candidate groups, assignee and district. Once a task is known to be in scope, the case's data, history and
 * comments are read without that authentication (reviewers hold no rights on process instances or history).
 *
 * <p>Changes run in one transaction each: claiming before completing, and the log of a case view, commit or roll
 * back together with what they belong to.
 */
@Service
@PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
class Workbench implements ReviewerWorkbench {

    static final String APPLICANT_NAME = "applicantName";
    static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
    static final String DISTRICT = "district";
    static final int MAX_NOTICE_ITEMS = 50;
    static final int MAX_ITEM_TEXT = 500;
    static final int MAX_NOTE = 500;
    static final int MAX_COMMENT = 2000;
    /** Where a model's rejection does not name a field of the form. */
    static final String VARIABLES = "variables";

    /** A model's rejection names the field first: {@code refusalReason: 不予登记须说明理由}. */
    private static final Pattern NAMED_PROBLEM = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*:\\s*(.+)",
            Pattern.DOTALL);
    private static final Pattern LEADING_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\b.*", Pattern.DOTALL);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Reviewers reviewers;
    private final UserDirectory directory;
    private final ServiceSteps steps;
    private final ServiceCatalog catalog;
    private final FormRegistry forms;
    private final FormValidator validator;
    private final CaseViewLog views;
    private final OpenSteps openSteps;
    private final CaseMaterials uploads;
    private final MessageSource messages;
    private final ZoneId zone;
    /** Process definition id → service code; definitions never change once deployed. */
    private final Map<String, String> serviceOfDefinition = new ConcurrentHashMap<>();
    /** The engine's task table, its configured prefix included. */
    private final String taskTable;

    Workbench(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
              ManagementService management, IdentityService identity, Reviewers reviewers, UserDirectory directory,
              ServiceSteps steps, ServiceCatalog catalog, FormRegistry forms, FormValidator validator,
              CaseViewLog views, OpenSteps openSteps, CaseMaterials uploads, MessageSource messages,
              @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.reviewers = reviewers;
        this.directory = directory;
        this.steps = steps;
        this.catalog = catalog;
        this.forms = forms;
        this.validator = validator;
        this.views = views;
        this.openSteps = openSteps;
        this.uploads = uploads;
        this.messages = messages;
        this.zone = zone;
        this.taskTable = management.getTableName(Task.class);
    }

    /**
     * The page and the counts come from the SLA module's record of open steps (one indexed query each); only the
     * page's tasks are then read from the engine. Every task of a service has its step record, written in the
     * engine's transaction, so both agree. The order by arrival has no column there (a step's start is that of
     * its enclosing step): that page is the engine's, as before.
     */
    @Override
    public TaskList tasks(String username, TaskFilter filter, int page, int size, Locale locale) {
        TaskFilter wanted = filter == null ? TaskFilter.ANY : filter;
        checkFilter(wanted, locale);
        Reviewer reviewer = reviewers.of(username);
        Instant now = now();
        int first = Math.multiplyExact(page, size);
        OpenSteps.Scope scope = new OpenSteps.Scope(reviewer.username(), reviewer.groups(), reviewer.district(),
                wanted.service(), wanted.step());
        // the counts read every open step of the scope: at once with the page, which needs only its own rows
        Supplier<OpenSteps.Counts> countsRead = ConcurrentReads.start(() -> openSteps.counts(scope, now, zone));
        List<Task> onPage;
        if (wanted.sort() == TaskFilter.Sort.RECEIVED) {
            onPage = as(reviewer, () -> {
                TaskQuery query = filtered(scope(reviewer), wanted);
                if (wanted.slaState() != null) {
                    SlaWindow.of(wanted.slaState(), now, zone).restrict(query);
                }
                return ordered(query, wanted.sort()).listPage(first, size);
            });
        } else {
            onPage = byIds(openSteps.page(scope, wanted.slaState(), now, zone, first, size));
        }
        List<TaskSummary> items = summaries(onPage, now);
        OpenSteps.Counts counts = countsRead.get();
        long total = wanted.slaState() != null ? counts.byState().get(wanted.slaState()) : counts.total();
        return new TaskList(items, page, size, total,
                Collections.unmodifiableMap(new EnumMap<>(counts.byState())));
    }

    /** The open tasks with these ids, in this order; a task done meanwhile is left out. */
    private List<Task> byIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // a native query: the task query builds its statement from dozens of optional clauses, which for a page
        // of fifty ids cost more than reading them
        NativeTaskQuery query = tasks.createNativeTaskQuery();
        StringJoiner in = new StringJoiner(", ", "SELECT * FROM " + taskTable + " WHERE ID_ IN (", ")");
        for (int i = 0; i < ids.size(); i++) {
            in.add("#{id" + i + "}");
            query.parameter("id" + i, ids.get(i));
        }
        Map<String, Task> found = query.sql(in.toString()).list().stream()
                .collect(Collectors.toMap(Task::getId, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    @Transactional
    public TaskDetail task(String username, String taskId, CaseView view) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        TaskSummary summary = summaries(List.of(task), now()).get(0);
        Optional<FormDefinition> form = formOf(task);
        Map<String, Object> variables = variablesOf(taskId);
        Map<String, Object> data = new LinkedHashMap<>();
        form.ifPresent(definition -> FormVariables.shown(definition).forEach(name -> {
            if (variables.containsKey(name)) {
                data.put(name, json(variables.get(name)));
            }
        }));
        views.record(username, summary.receiptNo(), task.getProcessInstanceId(), taskId, view, Instant.now());
        return new TaskDetail(summary, form.map(FormDefinition::id).orElse(null), data,
                caseHistory(task.getProcessInstanceId()), comments(task.getProcessInstanceId()),
                materials(summary.serviceCode(), variables),
                summary.receiptNo() == null ? List.of() : uploads.of(summary.receiptNo()).stream()
                        .map(upload -> new UploadedMaterial(upload.id(), upload.materialCode(), upload.fileName(),
                                upload.contentType(), upload.size(), upload.uploadedAt()))
                        .toList(),
                CorrectionNoticeForm.at(summary.serviceCode(), task.getTaskDefinitionKey()).isPresent());
    }

    /**
     * A material the applicant uploaded to the case of a task in the reviewer's scope, recorded in the case-view
     * log as {@link CaseView#MATERIAL}.
     *
     * @throws MaterialNotFoundException when the case has no upload of that id
     */
    @Transactional
    public UploadContent material(String username, String taskId, long uploadId) {
        Task task = visible(reviewers.of(username), taskId);
        String receiptNo = receiptNo(task.getProcessInstanceId());
        UploadContent content = receiptNo == null ? null : uploads.open(receiptNo, uploadId).orElse(null);
        if (content == null) {
            throw new MaterialNotFoundException(uploadId);
        }
        views.record(username, receiptNo, task.getProcessInstanceId(), taskId, CaseView.MATERIAL, Instant.now());
        return content;
    }

    /** The Camunda Form of a task the user may see, for a page that reads a post back into form data. */
    @Transactional(readOnly = true)
    public Optional<FormDefinition> form(String username, String taskId) {
        return formOf(visible(reviewers.of(username), taskId));
    }

    @Override
    @Transactional
    public TaskSummary claim(String username, String taskId) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        if (!reviewer.username().equals(task.getAssignee())) {
            if (task.getAssignee() != null) {
                throw TaskConflictException.claimed(taskId, task.getAssignee());
            }
            engine(reviewer, taskId, Set.of(), () -> {
                tasks.claim(taskId, reviewer.username());
                return null;
            });
        }
        return summaries(List.of(reloaded(taskId)), now()).get(0);
    }

    @Override
    @Transactional
    public TaskSummary unclaim(String username, String taskId) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        if (task.getAssignee() != null) {
            if (!reviewer.username().equals(task.getAssignee())) {
                throw TaskConflictException.claimed(taskId, task.getAssignee());
            }
            engine(reviewer, taskId, Set.of(), () -> {
                tasks.claim(taskId, null);
                return null;
            });
        }
        return summaries(List.of(reloaded(taskId)), now()).get(0);
    }

    @Override
    @Transactional
    public TaskCompleted complete(String username, String taskId, Map<String, ?> variables, Locale locale) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        Optional<FormDefinition> form = formOf(task);
        Map<String, Object> accepted = accepted(task, form, variables, locale);
        return finish(reviewer, task, accepted, form.map(FormVariables::shown).orElse(Set.of()));
    }

    @Override
    @Transactional
    public TaskCompleted issueCorrectionNotice(String username, String taskId, CorrectionNotice notice,
                                               Locale locale) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        String service = serviceOf(task);
        CorrectionNoticeForm noticeForm = CorrectionNoticeForm.at(service, task.getTaskDefinitionKey())
                .orElseThrow(() -> new InvalidInputException("step", message("review.notice.not-at-step", locale)));
        String items = noticeItems(service, notice, locale);
        Optional<FormDefinition> form = formOf(task);
        Map<String, Object> accepted = accepted(task, form, noticeForm.variables(items, notice.note()), locale);
        return finish(reviewer, task, accepted, form.map(FormVariables::shown).orElse(Set.of()));
    }

    /**
     * 转办: the colleague becomes the task's assignee and finishes the step, as a bureau hands a case over within
     * the office. Camunda's {@code delegateTask} is not used: it expects the colleague to resolve the task back to
     * its owner, a round trip neither the bureau's practice nor this workbench has. Claiming first when nobody
     * holds the task makes a colleague's simultaneous claim a lost race (409) rather than overwritten.
     */
    @Override
    @Transactional
    public TaskSummary delegate(String username, String taskId, String userId, Locale locale) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(reviewer.username())) {
            throw TaskConflictException.claimed(taskId, assignee);
        }
        String target = blankToNull(userId);
        if (target == null) {
            throw new InvalidInputException("userId", message("review.delegate.required", locale));
        }
        Optional<Colleague> colleague = colleagues(task).stream().filter(c -> c.username().equals(target))
                .findFirst();
        if (colleague.isEmpty() || target.equals(reviewer.username())) {
            throw new InvalidInputException("userId", message("review.delegate.not-colleague", locale, target));
        }
        String note = message("review.delegate.comment", Locale.SIMPLIFIED_CHINESE,
                colleague.get().displayName(), target);
        engine(reviewer, taskId, Set.of(), () -> {
            if (assignee == null) {
                tasks.claim(taskId, reviewer.username());
            }
            tasks.setAssignee(taskId, target);
            return tasks.createComment(taskId, task.getProcessInstanceId(), note);
        });
        return summaries(List.of(reloaded(taskId)), now()).get(0);
    }

    /** Whom the user may hand the task to: see {@link #colleagues(Task)}, the user left out. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(String username, String taskId) {
        Task task = visible(reviewers.of(username), taskId);
        return colleagues(task).stream().filter(c -> !c.username().equals(username)).toList();
    }

    /**
     * The enabled members of the task's candidate groups whose group belongs to the case's district, by name.
     * Groups are per district office (township-jinshui), so a member of another district's office never qualifies.
     */
    private List<Colleague> colleagues(Task task) {
        Object district = runtime.getVariable(task.getProcessInstanceId(), DISTRICT);
        Map<String, Colleague> found = new LinkedHashMap<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
                continue;
            }
            boolean sameDistrict = directory.findGroup(link.getGroupId())
                    .map(group -> group.districtCode() != null && group.districtCode().equals(district))
                    .orElse(false);
            if (sameDistrict) {
                directory.enabledMembersOf(link.getGroupId()).forEach(user -> found.putIfAbsent(user.username(),
                        new Colleague(user.username(), user.displayName())));
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Colleague::displayName)
                .thenComparing(Colleague::username)).toList();
    }

    @Override
    @Transactional
    public CaseComment comment(String username, String taskId, String text, Locale locale) {
        Reviewer reviewer = reviewers.of(username);
        Task task = visible(reviewer, taskId);
        String body = text == null ? "" : text.replace("\r\n", "\n").strip();
        List<InvalidField> errors = new ArrayList<>();
        if (body.isEmpty()) {
            errors.add(new InvalidField("text", message("review.comment.required", locale)));
        } else {
            checkText(body, MAX_COMMENT, true, "text", errors, locale);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Comment comment = engine(reviewer, taskId, Set.of(),
                () -> tasks.createComment(taskId, task.getProcessInstanceId(), body));
        return new CaseComment(comment.getId(), comment.getUserId(), time(comment.getTime()),
                comment.getFullMessage());
    }

    // ---- scope ----

    /** The reviewer's tasks: a candidate group of theirs (claimed or not) or assigned to them, in their district. */
    private TaskQuery scope(Reviewer reviewer) {
        TaskQuery query = tasks.createTaskQuery();
        if (reviewer.groups().isEmpty()) {
            query.taskAssignee(reviewer.username());
        } else {
            query.or().taskCandidateGroupIn(reviewer.groups()).includeAssignedTasks()
                    .taskAssignee(reviewer.username()).endOr();
        }
        if (reviewer.district() != null) {
            query.processVariableValueEquals(DISTRICT, reviewer.district());
        }
        return query;
    }

    private static TaskQuery filtered(TaskQuery query, TaskFilter filter) {
        if (filter.service() != null) {
            query.processDefinitionKey(filter.service());
        }
        if (filter.step() != null) {
            query.taskDefinitionKey(filter.step());
        }
        return query;
    }

    /** Earliest deadline first; ties by age and id, so pages neither repeat nor skip a task. */
    private static TaskQuery ordered(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc();
    }

    private static TaskQuery ordered(TaskQuery query, TaskFilter.Sort sort) {
        return sort == TaskFilter.Sort.RECEIVED
                ? query.orderByTaskCreateTime().asc().orderByTaskId().asc()
                : ordered(query);
    }

    /**
     * The open task if it is in the reviewer's scope. Otherwise: 403 when it is open but not theirs, 409 when it
     * was theirs and is done already, 403 when it is done and was never theirs, 404 when there is no such task.
     */
    private Task visible(Reviewer reviewer, String taskId) {
        Task task = as(reviewer, () -> scope(reviewer).taskId(taskId).initializeFormKeys().singleResult());
        if (task != null) {
            return task;
        }
        if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
            throw new TaskNotInScopeException(taskId);
        }
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done == null) {
            throw new TaskNotFoundException(taskId);
        }
        if (wasInScope(reviewer, done)) {
            throw TaskConflictException.completed(taskId);
        }
        throw new TaskNotInScopeException(taskId);
    }

    private boolean wasInScope(Reviewer reviewer, HistoricTaskInstance done) {
        boolean theirs = reviewer.username().equals(done.getAssignee())
                || history.createHistoricIdentityLinkLogQuery().taskId(done.getId()).type(IdentityLinkType.CANDIDATE)
                .list().stream().anyMatch(link -> reviewer.groups().contains(link.getGroupId()));
        if (!theirs || reviewer.district() == null) {
            return theirs;
        }
        return history.createHistoricVariableInstanceQuery().processInstanceId(done.getProcessInstanceId())
                .variableName(DISTRICT).list().stream().map(HistoricVariableInstance::getValue)
                .anyMatch(reviewer.district()::equals);
    }

    /** Runs {@code action} as the reviewer in the engine, so authorizations apply and history records them. */
    private <T> T as(Reviewer reviewer, Supplier<T> action) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(reviewer.username(), reviewer.groups());
        try {
            return action.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    /** A change to a task as the reviewer, the engine's refusals turned into answers for the caller. */
    private <T> T engine(Reviewer reviewer, String taskId, Set<String> fields, Supplier<T> change) {
        try {
            return as(reviewer, change);
        } catch (RuntimeException e) {
            throw translated(e, taskId, fields);
        }
    }

    /**
     * A rejection by the model (a listener's {@link NotValidException}, a delegate's
     * {@link IllegalArgumentException}) is bad input: 400 naming the field. A lost race is 409: claimed by someone
     * else, changed at the same moment (optimistic lock), or done meanwhile.
     */
    private RuntimeException translated(RuntimeException e, String taskId, Set<String> fields) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NotValidException || cause instanceof IllegalArgumentException) {
                return new InvalidInputException(rejection(cause.getMessage(), fields));
            }
        }
        if (e instanceof TaskAlreadyClaimedException claimed) {
            return TaskConflictException.claimed(taskId, claimed.getTaskAssignee());
        }
        if (e instanceof OptimisticLockingException) {
            return TaskConflictException.changed(taskId);
        }
        // a colleague completing the task at the same moment removes it, its execution and the permissions on
        // it; the engine notices that as a missing task, a missing permission or a failure on the execution
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return TaskConflictException.completed(taskId);
        }
        if (e instanceof AuthorizationException) {
            return new TaskNotInScopeException(taskId);
        }
        return e;
    }

    /** {@code a: x; b: y} as two fields when a and b are the form's; anything else under {@value #VARIABLES}. */
    static List<InvalidField> rejection(String message, Set<String> fields) {
        String text = message == null || message.isBlank() ? "rejected" : message.strip();
        List<InvalidField> errors = new ArrayList<>();
        for (String part : text.split(";\\s*")) {
            String problem = part.strip();
            if (problem.isEmpty()) {
                continue;
            }
            Matcher named = NAMED_PROBLEM.matcher(problem);
            Matcher leading = LEADING_NAME.matcher(problem);
            if (named.matches() && fields.contains(named.group(1))) {
                errors.add(new InvalidField(named.group(1), named.group(2).strip()));
            } else if (leading.matches() && fields.contains(leading.group(1))) {
                errors.add(new InvalidField(leading.group(1), problem));
            } else {
                errors.add(new InvalidField(VARIABLES, problem));
            }
        }
        return errors;
    }

    // ---- completing ----

    /**
     * The values to complete with: the submission checked against the task's form. The form's conditions see the
     * case's values of the fields the reviewer cannot change, as Tasklist shows them.
     */
    private Map<String, Object> accepted(Task task, Optional<FormDefinition> form, Map<String, ?> submitted,
                                         Locale locale) {
        Map<String, ?> given = submitted == null ? Map.of() : submitted;
        if (form.isEmpty()) {
            if (!given.isEmpty()) {
                throw new InvalidInputException(VARIABLES, message("review.complete.no-form", locale));
            }
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>(given);
        data.putAll(FormVariables.fixedValues(form.get(), variablesOf(task.getId())));
        return validator.accept(form.get(), data, locale);
    }

    /** Claims the task for the reviewer when nobody holds it, then completes it, as one change. */
    private TaskCompleted finish(Reviewer reviewer, Task task, Map<String, Object> variables, Set<String> fields) {
        String taskId = task.getId();
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(reviewer.username())) {
            throw TaskConflictException.claimed(taskId, assignee);
        }
        String receiptNo = receiptNo(task.getProcessInstanceId());
        engine(reviewer, taskId, fields, () -> {
            if (assignee == null) {
                tasks.claim(taskId, reviewer.username());
            }
            tasks.complete(taskId, variables);
            return null;
        });
        return new TaskCompleted(taskId, task.getTaskDefinitionKey(), task.getName(), receiptNo,
                reviewer.username(), time(Date.from(now())));
    }

    /** The notice's items as the numbered list the applicant's mail shows, material names from the catalogue. */
    private String noticeItems(String service, CorrectionNotice notice, Locale locale) {
        List<CorrectionNotice.Item> items = notice == null || notice.items() == null ? List.of() : notice.items();
        List<InvalidField> errors = new ArrayList<>();
        if (items.isEmpty()) {
            throw new InvalidInputException("items", message("review.notice.no-items", locale));
        }
        if (items.size() > MAX_NOTICE_ITEMS) {
            throw new InvalidInputException("items", message("review.notice.too-many-items", locale,
                    MAX_NOTICE_ITEMS));
        }
        Map<String, Material> materials = catalog.materials(service).stream()
                .collect(Collectors.toMap(Material::code, Function.identity()));
        Set<String> listed = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "items[" + i + "]";
            CorrectionNotice.Item item = items.get(i);
            String code = item == null ? null : blankToNull(item.materialCode());
            String text = item == null ? null : blankToNull(item.text());
            Material material = code == null ? null : materials.get(code);
            if (code != null && material == null) {
                errors.add(new InvalidField(path + ".materialCode", message("review.notice.unknown-material", locale)));
            } else if (code != null && !listed.add(code)) {
                errors.add(new InvalidField(path + ".materialCode",
                        message("review.notice.duplicate-material", locale)));
            } else if (code == null && text == null) {
                errors.add(new InvalidField(path + ".text", message("review.notice.text-required", locale)));
            }
            if (text != null) {
                checkText(text, MAX_ITEM_TEXT, false, path + ".text", errors, locale);
            }
            String line = material == null ? text : text == null ? material.names().zh()
                    : material.names().zh() + "：" + text;
            // one item a line, unnumbered: the page, the mail and the form each show them as a list of their own
            lines.add(line);
        }
        if (notice.note() != null) {
            checkText(notice.note().strip(), MAX_NOTE, true, "note", errors, locale);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return String.join("\n", lines);
    }

    private void checkText(String text, int max, boolean multiline, String field, List<InvalidField> errors,
                           Locale locale) {
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new InvalidField(field, message("review.text.too-long", locale, max)));
        } else if (text.chars().anyMatch(c -> forbidden((char) c, multiline))) {
            errors.add(new InvalidField(field, message("review.text.forbidden-characters", locale)));
        }
    }

    /** Control characters (line breaks and tabs only where several lines are allowed) and bidirectional overrides. */
    private static boolean forbidden(char c, boolean multiline) {
        if (c == '\n' || c == '\t') {
            return !multiline;
        }
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    // ---- reading ----

    /** The tasks as the list shows them, with ONE query each for their cases' keys and for the applicant data. */
    private List<TaskSummary> summaries(List<Task> found, Instant now) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> cases = found.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> receiptNos = new HashMap<>();
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (!cases.isEmpty()) {
            receiptNos.putAll(openSteps.receiptNos(cases));
            Set<String> untracked = new HashSet<>(cases);
            untracked.removeAll(receiptNos.keySet());
            if (!untracked.isEmpty()) {
                for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(untracked)
                        .list()) {
                    receiptNos.put(instance.getId(), instance.getBusinessKey());
                }
            }
            List<VariableInstance> variables = runtime.createVariableInstanceQuery()
                    .processInstanceIdIn(cases.toArray(String[]::new))
                    .variableNameIn(APPLICANT_NAME, APPLICANT_ID_NUMBER, Deadlines.CASE_DEADLINE_PROVISIONAL)
                    .disableBinaryFetching().disableCustomObjectDeserialization().list();
            for (VariableInstance variable : variables) {
                // the case's own value, not a copy some step keeps locally
                if (variable.getTaskId() == null
                        && Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId())) {
                    values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                            .put(variable.getName(), variable.getValue());
                }
            }
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        List<TaskSummary> summaries = new ArrayList<>();
        for (Task task : found) {
            Map<String, Object> caseValues = values.getOrDefault(task.getProcessInstanceId(), Map.of());
            Date due = task.getDueDate();
            summaries.add(new TaskSummary(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                    receiptNos.get(task.getProcessInstanceId()), serviceOf(task), task.getAssignee(), time(due),
                    due == null ? null : SlaState.at(due.toInstant(), now, zone),
                    Boolean.TRUE.equals(caseValues.get(Deadlines.CASE_DEADLINE_PROVISIONAL)),
                    Masking.name(caseValues.get(APPLICANT_NAME)),
                    Masking.idNumber(caseValues.get(APPLICANT_ID_NUMBER), today), time(task.getCreateTime())));
        }
        return summaries;
    }

    /** What the task sees of its case; the task may be completed by someone else since it was found: 409 then. */
    private Map<String, Object> variablesOf(String taskId) {
        try {
            return tasks.getVariables(taskId);
        } catch (RuntimeException e) {
            // depending on the moment, the engine reports a task completed meanwhile as missing, or fails on
            // its vanished execution while checking permissions
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw TaskConflictException.completed(taskId);
            }
            throw e;
        }
    }

    private Task reloaded(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw TaskConflictException.completed(taskId);
        }
        return task;
    }

    private Optional<FormDefinition> formOf(Task task) {
        CamundaFormRef ref = task.getCamundaFormRef();
        return ref == null ? Optional.empty() : forms.find(ref.getKey());
    }

    private String serviceOf(Task task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId == null ? null : serviceOfDefinition.computeIfAbsent(definitionId,
                id -> repository.getProcessDefinition(id).getKey());
    }

    private String receiptNo(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** The case's steps so far, gateways left out: they are routing, not work. */
    private List<HistoryEntry> caseHistory(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .filter(step -> !step.getActivityType().endsWith("Gateway")
                        && !"multiInstanceBody".equals(step.getActivityType()))
                .map(step -> new HistoryEntry(step.getActivityId(), step.getActivityName(), step.getActivityType(),
                        step.getAssignee(), time(step.getStartTime()), time(step.getEndTime())))
                .toList();
    }

    private List<CaseComment> comments(String processInstanceId) {
        return tasks.getProcessInstanceComments(processInstanceId).stream()
                .sorted(Comparator.comparing(Comment::getTime).thenComparing(Comment::getId))
                .map(c -> new CaseComment(c.getId(), c.getUserId(), time(c.getTime()), c.getFullMessage()))
                .toList();
    }

    /** The materials asked for on the day the case was received (the rules of that day decide). */
    private List<MaterialEntry> materials(String service, Map<String, Object> variables) {
        LocalDate received = variables.get(Deadlines.ACCEPTED_AT) instanceof Date date
                ? date.toInstant().atZone(zone).toLocalDate() : now().atZone(zone).toLocalDate();
        return catalog.materials(service, received).stream()
                .map(m -> new MaterialEntry(m.code(), m.names().zh(), m.names().en(), m.optional()))
                .toList();
    }

    private void checkFilter(TaskFilter filter, Locale locale) {
        List<InvalidField> errors = filterProblems(filter, locale);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** An unknown service or step of a filter, each as a bad field; none for a filter the list can apply. */
    List<InvalidField> filterProblems(TaskFilter filter, Locale locale) {
        List<InvalidField> errors = new ArrayList<>();
        boolean knownService = filter.service() == null || catalog.find(filter.service()).isPresent();
        if (!knownService) {
            errors.add(new InvalidField("service", message("review.filter.unknown-service", locale)));
        }
        if (filter.step() != null && !steps.known(knownService ? filter.service() : null, filter.step())) {
            errors.add(new InvalidField("step", message("review.filter.unknown-step", locale)));
        }
        return errors;
    }

    /** A variable's value as JSON shows it: times with their offset, everything else as it is. */
    private Object json(Object value) {
        if (value instanceof Date date) {
            return time(date);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(key), json(entry)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(this::json).toList();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    /** The engine's clock, which process tests move. */
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
