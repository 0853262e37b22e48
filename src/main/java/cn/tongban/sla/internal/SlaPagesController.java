package cn.tongban.sla.internal;

import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.sla.SlaState;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's pages (督办看板): the dashboard of a period with its charts, tables, exports and breach list, and
 * a case with its steps, deadlines, breaches, clock stops, extension, actions and engine history, where a supervisor
 * urges or reassigns an open step. Administrators see the figures of every district but act on none.
 */
@Controller
@RequestMapping("/sla")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SlaPagesController {

    private static final int PAGE_SIZE = 20;

    private final SlaOverview overview;
    private final SlaDashboard dashboard;
    private final SlaRecords records;
    private final SlaActions actions;
    private final SlaSupervision supervision;
    private final ServiceCatalog catalog;
    private final UserDirectory users;
    private final HistoryService history;
    private final MessageSource messages;

    SlaPagesController(SlaOverview overview, SlaDashboard dashboard, SlaRecords records, SlaActions actions,
                       SlaSupervision supervision, ServiceCatalog catalog, UserDirectory users,
                       HistoryService history, MessageSource messages) {
        this.overview = overview;
        this.dashboard = dashboard;
        this.records = records;
        this.actions = actions;
        this.supervision = supervision;
        this.catalog = catalog;
        this.users = users;
        this.history = history;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String service, @RequestParam(required = false) String district,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String page, Authentication who, Locale locale, Model model) {
        List<InvalidField> problems = new ArrayList<>();
        SlaOverview.Filters given = overview.filters(service, district, from, to, problems);
        int pageNumber = SlaOverview.integer("page", page, 0, 0, Integer.MAX_VALUE / PAGE_SIZE, problems);
        // bad filters are named on the page, the rest still applies
        SlaOverview.Filters period = overview.withPeriod(given);
        LocalDate fromDate = period.from();
        LocalDate toDate = period.to();
        String serviceCode = named(problems, "service") ? null : given.service();
        String districtCode = named(problems, "district") ? null : given.district();
        SlaOverview.Filters filters = new SlaOverview.Filters(serviceCode, districtCode, fromDate, toDate);
        SlaReports.Filter filter = overview.filter(filters, who);
        SlaOverview.Summary summary = overview.summary(filters, filter);
        SlaDashboard.Extras extras = dashboard.extras(filter, fromDate, toDate, overview.zone());

        model.addAttribute("problems", problems);
        model.addAttribute("filters", filters);
        model.addAttribute("summary", summary);
        model.addAttribute("extras", extras);
        model.addAttribute("breaches", overview.breaches(filter, pageNumber, PAGE_SIZE));
        model.addAttribute("services", catalog.all());
        model.addAttribute("serviceNames", catalog.all().stream()
                .collect(Collectors.toMap(Service::code, s -> overview.serviceName(s.code()))));
        model.addAttribute("districts", overview.visibleDistricts(who));
        model.addAttribute("exports", SlaTables.NAMES);
        model.addAttribute("query", query(filters));
        model.addAttribute("chartJson", dashboard.chartJson(summary, extras, chartLabels(locale)));
        return "sla/dashboard";
    }

    @GetMapping("/cases/{receiptNo}")
    String caseFile(@PathVariable String receiptNo, Authentication who, Model model) {
        CaseRecord c = records.findCasesByReceiptNo(receiptNo).stream().findFirst()
                .orElseThrow(() -> SlaOverview.problem(HttpStatus.NOT_FOUND, "无此案件 / no case " + receiptNo));
        overview.requireInScope(who, c.district(), "案件");
        ZoneId zone = overview.zone();
        Instant now = SlaOverview.now();
        List<StepView> steps = records.steps(c.processInstanceId()).stream()
                .map(s -> new StepView(s, overview.stepName(s.serviceCode(), s.stepId()), time(s.startedAt(), zone),
                        time(s.deadline(), zone), time(s.closedAt(), zone),
                        s.closedAt() == null ? SlaState.at(s.deadline(), now, zone).name() : null,
                        s.closedAt() == null ? supervision.candidates(s.taskId()) : List.of()))
                .toList();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list().stream()
                .filter(a -> a.getActivityName() != null)
                .toList();
        model.addAttribute("caseRecord", c);
        model.addAttribute("serviceName", overview.serviceName(c.serviceCode()));
        model.addAttribute("districtName", overview.districtName(c.district()));
        model.addAttribute("acceptedAt", time(c.acceptedAt(), zone));
        model.addAttribute("deadline", time(c.deadline(), zone));
        model.addAttribute("closedAt", time(c.closedAt(), zone));
        model.addAttribute("stoppedSince", time(c.stoppedSince(), zone));
        model.addAttribute("caseState", c.open() && c.stoppedSince() == null
                ? SlaState.at(c.deadline(), now, zone).name() : null);
        model.addAttribute("steps", steps);
        model.addAttribute("breaches", records.breaches(c.processInstanceId()).stream()
                .map(b -> new BreachView(b, overview.stepName(b.serviceCode(), b.stepId()), time(b.deadline(), zone),
                        time(b.detectedAt(), zone)))
                .toList());
        model.addAttribute("clockStops", records.clockStops(c.processInstanceId()).stream()
                .map(s -> new ClockStopView(time(s.stoppedAt(), zone), time(s.resumedAt(), zone), s.workingDays()))
                .toList());
        model.addAttribute("extension", records.extension(c.processInstanceId())
                .map(e -> new ExtensionView(e, time(e.extendedAt(), zone))).orElse(null));
        model.addAttribute("actions", actions.ofCase(c.processInstanceId()));
        model.addAttribute("history", activities.stream()
                .map(a -> new HistoryView(a.getActivityName(), a.getActivityType(), a.getAssignee(),
                        time(a.getStartTime() == null ? null : a.getStartTime().toInstant(), zone),
                        time(a.getEndTime() == null ? null : a.getEndTime().toInstant(), zone),
                        a.isCanceled()))
                .toList());
        model.addAttribute("userNames", users(steps));
        return "sla/case";
    }

    @PostMapping("/steps/{taskId}/urge")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String urge(@PathVariable String taskId, @RequestParam(required = false) String message,
                @RequestParam String receiptNo, Authentication who, Locale locale, RedirectAttributes redirect) {
        return actOnStep(() -> supervision.urge(taskId, who, message), "sla.urge.done", receiptNo, locale, redirect);
    }

    @PostMapping("/steps/{taskId}/reassign")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String reassign(@PathVariable String taskId, @RequestParam(required = false) String assignee,
                    @RequestParam String receiptNo, Authentication who, Locale locale, RedirectAttributes redirect) {
        return actOnStep(() -> supervision.reassign(taskId, who, assignee), "sla.reassign.done", receiptNo, locale,
                redirect);
    }

    /** Urge or reassign, then back to the case page with the confirmation, or the problem in words. */
    private String actOnStep(Supplier<SlaActions.Action> act, String doneKey, String receiptNo, Locale locale,
                             RedirectAttributes redirect) {
        try {
            SlaActions.Action action = act.get();
            redirect.addFlashAttribute("success", messages.getMessage(doneKey,
                    new Object[] {action.stepName(), action.recipient()}, locale));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/sla/cases/" + encode(receiptNo);
    }

    /** A step of the case as the page shows it; {@code candidates} are whom it may be reassigned to. */
    record StepView(StepRecord step, String name, OffsetDateTime startedAt, OffsetDateTime deadline,
                    OffsetDateTime closedAt, String state, List<UserAccount> candidates) {
    }

    record BreachView(BreachRecord breach, String stepName, OffsetDateTime deadline, OffsetDateTime detectedAt) {
    }

    record ClockStopView(OffsetDateTime stoppedAt, OffsetDateTime resumedAt, Integer workingDays) {
    }

    record ExtensionView(SlaRecords.Extension extension, OffsetDateTime extendedAt) {
    }

    record HistoryView(String name, String type, String assignee, OffsetDateTime startedAt, OffsetDateTime endedAt,
                       boolean canceled) {
    }

    private Map<String, String> users(List<StepView> steps) {
        Map<String, String> names = new LinkedHashMap<>();
        for (StepView step : steps) {
            step.candidates().forEach(user -> names.put(user.username(), user.displayName()));
            if (step.step().assignee() != null) {
                names.computeIfAbsent(step.step().assignee(), id -> users.findUser(id)
                        .map(UserAccount::displayName).orElse(id));
            }
        }
        return names;
    }

    private Map<String, String> chartLabels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("onTimeRate", "breaches", "ON_TRACK", "DUE_SOON", "OVERDUE", "clockStopped")) {
            labels.put(key, messages.getMessage("sla.col." + key, null, key, locale));
        }
        return labels;
    }

    /** The filters as a query string for the export links and the pages of the breach list. */
    private static String query(SlaOverview.Filters filters) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", filters.service());
        params.put("district", filters.district());
        params.put("from", filters.from());
        params.put("to", filters.to());
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + encode(e.getValue().toString()))
                .collect(Collectors.joining("&"));
    }

    private static boolean named(List<InvalidField> problems, String field) {
        return problems.stream().anyMatch(problem -> field.equals(problem.field()));
    }

    private String problemText(ErrorResponseException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
        }
        String detail = e.getBody().getDetail();
        return detail != null ? detail : messages.getMessage("sla.action.failed", null, locale);
    }

    private static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
