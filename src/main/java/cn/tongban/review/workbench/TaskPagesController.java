package cn.tongban.review.workbench;

import cn.tongban.forms.FormDefinition;
import cn.tongban.forms.FormRegistry;
import cn.tongban.forms.FormSubmissions;
import cn.tongban.intake.CaseMaterials.UploadContent;
import cn.tongban.review.CorrectionNotice;
import cn.tongban.review.ReviewerWorkbench.CaseView;
import cn.tongban.review.TaskCompleted;
import cn.tongban.review.TaskConflictException;
import cn.tongban.review.TaskDetail;
import cn.tongban.review.TaskFilter;
import cn.tongban.review.TaskList;
import cn.tongban.review.TaskSummary;
import cn.tongban.sla.SlaState;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's pages: the task list ({@code /tasks}) and a task with its case ({@code /tasks/{id}}), where the
 * reviewer claims, completes with the task's Camunda Form, issues a correction notice and comments. Works without
 * script: every action is a form post that answers with a redirect, or with the page again and its errors.
 */
@Controller
@RequestMapping("/tasks")
@PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
class TaskPagesController {

    private static final String TASK_ID = TaskApiController.TASK_ID;
    private static final String SUCCESS = "success";
    private static final String PROBLEM = "problem";
    /** Page links on either side of the current page. */
    private static final int PAGE_LINKS = 3;

    private final Workbench workbench;
    private final SavedFilters savedFilters;
    private final ServiceSteps steps;
    private final Reviewers reviewers;
    private final FormRegistry forms;
    private final MessageSource messages;

    TaskPagesController(Workbench workbench, SavedFilters savedFilters, ServiceSteps steps, Reviewers reviewers,
                        FormRegistry forms, MessageSource messages) {
        this.workbench = workbench;
        this.savedFilters = savedFilters;
        this.steps = steps;
        this.reviewers = reviewers;
        this.forms = forms;
        this.messages = messages;
    }

    /** One row of the list, with what the page prints besides the task itself. */
    record Row(TaskSummary task, String serviceName, String stepName, String assigneeName, String url) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    record ChoiceGroup(String label, List<Choice> choices) {
    }

    /** A count per SLA state at the top of the list, linking to the list filtered by that state. */
    record StateCount(SlaState state, long count, String url, boolean selected) {
    }

    /** A page link of the list. */
    record PageLink(int number, String url, boolean current) {
    }

    /** A saved filter as a quick link above the list. */
    record SavedLink(SavedFilter filter, String url, boolean current) {
    }

    @GetMapping
    String list(Principal user,
                @RequestParam(name = "service", required = false) String service,
                @RequestParam(name = "step", required = false) String step,
                @RequestParam(name = "slaState", required = false) SlaState slaState,
                @RequestParam(name = "sort", required = false) TaskFilter.Sort sort,
                @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(TaskApiController.MAX_PAGE) int page,
                @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(TaskApiController.MAX_SIZE) int size,
                Locale locale, Model model) {
        ListState state = new ListState(blankToNull(service), blankToNull(step), slaState, sort, page, size);
        TaskList tasks = workbench.tasks(user.getName(), state.filter(), page, size, locale);
        Map<String, String> names = reviewers.displayNames(tasks.items().stream().map(TaskSummary::assignee).toList());
        List<Row> rows = tasks.items().stream().map(task -> new Row(task,
                steps.serviceName(task.serviceCode(), locale),
                steps.name(task.serviceCode(), task.step(), task.name(), locale),
                task.assignee() == null ? null : names.get(task.assignee()),
                state.taskUrl(task.id()))).toList();
        List<StateCount> counts = new ArrayList<>();
        tasks.counts().forEach((slaStateShown, count) -> counts.add(new StateCount(slaStateShown, count,
                state.withSlaState(slaStateShown).listUrl(), slaStateShown == slaState)));
        List<PageLink> pages = new ArrayList<>();
        for (int number : pageNumbers(page, tasks.pages())) {
            pages.add(new PageLink(number, state.withPage(number).listUrl(), number == page));
        }
        model.addAttribute("tasks", tasks);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", page > 0 ? state.withPage(page - 1).listUrl() : null);
        model.addAttribute("next", page + 1 < tasks.pages() ? state.withPage(page + 1).listUrl() : null);
        model.addAttribute("state", state);
        model.addAttribute("serviceChoices", serviceChoices(state.service(), locale));
        model.addAttribute("stepChoices", stepChoices(state.service(), state.step(), locale));
        model.addAttribute("slaStates", SlaState.values());
        model.addAttribute("sorts", TaskFilter.Sort.values());
        model.addAttribute("sortShown", state.filter().sort());
        model.addAttribute("savedFilters", savedFilters.of(user.getName()).stream().map(saved -> {
            ListState shown = ListState.of(saved.filter(), size);
            return new SavedLink(saved, shown.listUrl(), shown.filter().equals(state.filter()));
        }).toList());
        model.addAttribute("hidden", state.hiddenFields());
        return "review/tasks";
    }

    @PostMapping("/saved-filters")
    String saveFilter(Principal user, @RequestParam(name = "name", required = false) String name,
                      HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        ListState state = posted(request);
        try {
            SavedFilter saved = savedFilters.save(user.getName(), name, state.filter(), locale);
            redirect.addFlashAttribute(SUCCESS, message("review.saved-filter.saved", locale, saved.name()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(PROBLEM, String.join(" ", e.errors().stream().map(InvalidField::message)
                    .toList()));
        }
        return "redirect:" + state.listUrl();
    }

    @PostMapping("/saved-filters/{id}/delete")
    String deleteFilter(Principal user, @PathVariable("id") long id, HttpServletRequest request, Locale locale,
                        RedirectAttributes redirect) {
        SavedFilter deleted = savedFilters.delete(user.getName(), id);
        redirect.addFlashAttribute(SUCCESS, message("review.saved-filter.deleted", locale, deleted.name()));
        return "redirect:" + posted(request).listUrl();
    }

    @GetMapping("/{id}")
    String task(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id, HttpServletRequest request,
                Locale locale, Model model) {
        ListState state = ListState.from(request.getParameterMap(), "");
        TaskDetail detail = workbench.task(user.getName(), id, CaseView.TASK_PAGE);
        return taskPage(user, detail, state, detail.data(), List.of(), NoticeInput.EMPTY, List.of(), locale, model);
    }

    /**
     * An uploaded material of the task's case, shown in the browser: PDFs and images only (their type was read
     * from the content on upload), never sniffed into anything else, running nothing.
     */
    @GetMapping("/{id}/materials/{uploadId}")
    ResponseEntity<byte[]> material(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                                    @PathVariable("uploadId") long uploadId, HttpServletResponse response) {
        UploadContent material = workbench.material(user.getName(), id, uploadId);
        // binary content has no charset; the UTF-8 forced on every response would be appended to its type
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(material.upload().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(material.upload().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; object-src 'self'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(material.content());
    }

    @PostMapping("/{id}/claim")
    String claim(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                 HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        ListState state = posted(request);
        try {
            workbench.claim(user.getName(), id);
            redirect.addFlashAttribute(SUCCESS, message("review.task.claimed", locale));
        } catch (TaskConflictException e) {
            return conflict(e, id, state, locale, redirect);
        }
        return "redirect:" + state.taskUrl(id);
    }

    @PostMapping("/{id}/unclaim")
    String unclaim(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                   HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        ListState state = posted(request);
        try {
            workbench.unclaim(user.getName(), id);
            redirect.addFlashAttribute(SUCCESS, message("review.task.unclaimed", locale));
        } catch (TaskConflictException e) {
            return conflict(e, id, state, locale, redirect);
        }
        return "redirect:" + state.taskUrl(id);
    }

    @PostMapping("/{id}/delegate")
    String delegate(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                    @RequestParam(name = "userId", required = false) String userId, HttpServletRequest request,
                    Locale locale, RedirectAttributes redirect) {
        ListState state = posted(request);
        try {
            TaskSummary task = workbench.delegate(user.getName(), id, userId, locale);
            redirect.addFlashAttribute(SUCCESS, message("review.delegate.done", locale, task.receiptNo(),
                    reviewers.displayNames(List.of(task.assignee())).get(task.assignee())));
            return "redirect:" + state.listUrl();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(PROBLEM, String.join(" ", e.errors().stream().map(InvalidField::message)
                    .toList()));
        } catch (TaskConflictException e) {
            return conflict(e, id, state, locale, redirect);
        }
        return "redirect:" + state.taskUrl(id) + "#delegate";
    }

    @PostMapping("/{id}/complete")
    String complete(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                    HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                    RedirectAttributes redirect) {
        ListState state = posted(request);
        Map<String, Object> submitted = Map.of();
        try {
            FormDefinition form = workbench.form(user.getName(), id).orElse(null);
            if (form != null) {
                submitted = FormSubmissions.fromRequestParameters(form, request.getParameterMap());
                if (FormSubmissions.editsList(request.getParameterMap())) {
                    TaskDetail detail = workbench.task(user.getName(), id, CaseView.TASK_PAGE);
                    return taskPage(user, detail, state, shown(detail, submitted), List.of(), NoticeInput.EMPTY,
                            List.of(), locale, model);
                }
            }
            TaskCompleted done = workbench.complete(user.getName(), id, submitted, locale);
            redirect.addFlashAttribute(SUCCESS, message("review.task.completed", locale, done.receiptNo(),
                    done.name()));
            return "redirect:" + state.listUrl();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            TaskDetail detail = workbench.task(user.getName(), id, CaseView.TASK_PAGE);
            return taskPage(user, detail, state, shown(detail, submitted), e.errors(), NoticeInput.EMPTY, List.of(),
                    locale, model);
        } catch (TaskConflictException e) {
            return conflict(e, id, state, locale, redirect);
        }
    }

    /** What the reviewer entered in the correction-notice builder, kept when it has to be corrected. */
    record NoticeInput(Set<String> materials, String otherItems, String note) {

        static final NoticeInput EMPTY = new NoticeInput(Set.of(), "", "");
    }

    @PostMapping("/{id}/correction-notice")
    String correctionNotice(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                            @RequestParam(name = "materials", required = false) List<String> materials,
                            @RequestParam(name = "otherItems", required = false) String otherItems,
                            @RequestParam(name = "note", required = false) String note,
                            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
                            RedirectAttributes redirect) {
        ListState state = posted(request);
        List<CorrectionNotice.Item> items = new ArrayList<>();
        if (materials != null) {
            materials.forEach(code -> items.add(new CorrectionNotice.Item(code, null)));
        }
        if (otherItems != null) {
            otherItems.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> items.add(new CorrectionNotice.Item(null, line)));
        }
        try {
            TaskCompleted done = workbench.issueCorrectionNotice(user.getName(), id, new CorrectionNotice(items, note),
                    locale);
            redirect.addFlashAttribute(SUCCESS, message("review.notice.issued", locale, done.receiptNo()));
            return "redirect:" + state.listUrl();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            TaskDetail detail = workbench.task(user.getName(), id, CaseView.TASK_PAGE);
            NoticeInput input = new NoticeInput(materials == null ? Set.of() : new HashSet<>(materials),
                    otherItems == null ? "" : otherItems, note == null ? "" : note);
            return taskPage(user, detail, state, detail.data(), List.of(), input, e.errors(), locale, model);
        } catch (TaskConflictException e) {
            return conflict(e, id, state, locale, redirect);
        }
    }

    @PostMapping("/{id}/comments")
    String comment(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                   @RequestParam(name = "text", required = false) String text, HttpServletRequest request,
                   Locale locale, RedirectAttributes redirect) {
        ListState state = posted(request);
        try {
            workbench.comment(user.getName(), id, text, locale);
            redirect.addFlashAttribute(SUCCESS, message("review.comments.added", locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(PROBLEM, String.join(" ", e.errors().stream().map(InvalidField::message)
                    .toList()));
        }
        return "redirect:" + state.taskUrl(id) + "#comments";
    }

    private String taskPage(Principal user, TaskDetail detail, ListState state, Map<String, ?> values,
                            List<InvalidField> errors, NoticeInput notice, List<InvalidField> noticeErrors,
                            Locale locale, Model model) {
        TaskSummary task = detail.task();
        Set<String> people = new HashSet<>();
        people.add(task.assignee());
        detail.history().forEach(step -> people.add(step.assignee()));
        detail.comments().forEach(comment -> people.add(comment.author()));
        people.remove(null);
        model.addAttribute("detail", detail);
        Map<String, String> materialNames = new LinkedHashMap<>();
        detail.materials().forEach(material -> materialNames.put(material.code(),
                "zh".equals(locale.getLanguage()) ? material.name() : material.nameEn()));
        model.addAttribute("materialNames", materialNames);
        model.addAttribute("task", task);
        model.addAttribute("form", detail.formId() == null ? null : forms.find(detail.formId()).orElse(null));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("noticeErrors", noticeErrors);
        model.addAttribute("names", reviewers.displayNames(people));
        model.addAttribute("mine", user.getName().equals(task.assignee()));
        boolean heldByOther = task.assignee() != null && !user.getName().equals(task.assignee());
        model.addAttribute("heldByOther", heldByOther);
        model.addAttribute("colleagues", heldByOther ? List.of() : workbench.colleagues(user.getName(), task.id()));
        model.addAttribute("serviceName", steps.serviceName(task.serviceCode(), locale));
        model.addAttribute("stepName", steps.name(task.serviceCode(), task.step(), task.name(), locale));
        model.addAttribute("state", state);
        model.addAttribute("listUrl", state.listUrl());
        model.addAttribute("hidden", state.hiddenFields());
        return "review/task";
    }

    /** The case's values with what the reviewer entered on top, so a page shown again keeps their input. */
    private static Map<String, Object> shown(TaskDetail detail, Map<String, ?> submitted) {
        Map<String, Object> values = new LinkedHashMap<>(detail.data());
        values.putAll(submitted);
        return values;
    }

    /** A lost race: back to the task if it is still open, else to the list, with what happened. */
    private String conflict(TaskConflictException e, String id, ListState state, Locale locale,
                            RedirectAttributes redirect) {
        redirect.addFlashAttribute(PROBLEM, messages.getMessage(e.getDetailMessageCode(),
                e.getDetailMessageArguments(), locale));
        return "redirect:" + (e.reason() == TaskConflictException.Reason.COMPLETED ? state.listUrl()
                : state.taskUrl(id));
    }

    /** The first and last page and those near the current one: a long list keeps a short row of links. */
    static List<Integer> pageNumbers(int current, int pages) {
        Set<Integer> numbers = new TreeSet<>();
        if (pages > 0) {
            numbers.add(0);
            numbers.add(pages - 1);
        }
        for (int number = Math.max(0, current - PAGE_LINKS); number <= Math.min(pages - 1, current + PAGE_LINKS);
             number++) {
            numbers.add(number);
        }
        return List.copyOf(numbers);
    }

    private static ListState posted(HttpServletRequest request) {
        return ListState.from(request.getParameterMap(), ListState.POSTED_PREFIX);
    }

    private List<Choice> serviceChoices(String selected, Locale locale) {
        Set<String> seen = new HashSet<>();
        List<Choice> choices = new ArrayList<>();
        for (ServiceSteps.StepOption option : steps.all()) {
            if (seen.add(option.service())) {
                choices.add(new Choice(option.service(), steps.serviceName(option.service(), locale),
                        option.service().equals(selected)));
            }
        }
        return choices;
    }

    /** Steps by service; a step id several services share is selected under the chosen service only. */
    private List<ChoiceGroup> stepChoices(String selectedService, String selected, Locale locale) {
        Map<String, List<Choice>> byService = new LinkedHashMap<>();
        for (ServiceSteps.StepOption option : steps.all()) {
            byService.computeIfAbsent(option.service(), service -> new ArrayList<>()).add(new Choice(option.id(),
                    steps.name(option.service(), option.id(), option.modelName(), locale),
                    option.id().equals(selected)
                            && (selectedService == null || selectedService.equals(option.service()))));
        }
        List<ChoiceGroup> groups = new ArrayList<>();
        byService.forEach((service, choices) -> groups.add(new ChoiceGroup(steps.serviceName(service, locale),
                choices)));
        return groups;
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
