package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.catalog.District;
import cn.tongban.catalog.Districts;
import cn.tongban.catalog.Names;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import cn.tongban.sla.CaseExtension;
import cn.tongban.sla.SlaCases;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' API (督办): on-time rates, open cases by SLA state, breaches, and the one extension of a case.
 * Supervisors see the districts whose {@code supervisor-<district>} group they are in; administrators see all.
 * The period ({@code from}, {@code to}, dates in Beijing time, both included) selects what closed and what was
 * breached; open cases are counted as they stand now.
 */
@RestController
@RequestMapping(path = "/api/sla", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "办理时限督办 / Service deadlines", description = "按时办结率、超期记录、延期 / on-time rates, breaches,"
        + " extensions")
@ApiResponse(responseCode = "400", description = "查询条件无效 / invalid filter; `errors` names each parameter",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "非督办人员，或不是其所辖区 / not a supervisor of that district",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class SlaController {

    private static final String SUPERVISOR_GROUP = "supervisor-";
    private static final int MAX_PAGE_SIZE = 100;

    private final SlaReports reports;
    private final SlaCases cases;
    private final SlaRecords records;
    private final ServiceCatalog catalog;
    private final Districts districts;
    private final UserDirectory users;
    private final CalendarService calendars;

    SlaController(SlaReports reports, SlaCases cases, SlaRecords records, ServiceCatalog catalog, Districts districts,
                  UserDirectory users, CalendarService calendars) {
        this.reports = reports;
        this.cases = cases;
        this.records = records;
        this.catalog = catalog;
        this.districts = districts;
        this.users = users;
        this.calendars = calendars;
    }

    /** The filters as given. */
    record Filters(String service, String district, LocalDate from, LocalDate to) {
    }

    record ServiceFigures(String service, String name, @JsonUnwrapped SlaReports.Figures figures) {
    }

    record DistrictFigures(String district, String name, @JsonUnwrapped SlaReports.Figures figures) {
    }

    record StepFigures(String service, String step, String name, @JsonUnwrapped SlaReports.Figures figures) {
    }

    /**
     * @param cases        all cases of the filter; {@code breaches} counts step and case breaches
     * @param caseBreaches breaches of a whole case's commitment among them
     */
    record Summary(Filters filters, OffsetDateTime asOf, SlaReports.Figures cases, long caseBreaches,
                   List<ServiceFigures> byService, List<DistrictFigures> byDistrict, List<StepFigures> bySteps) {
    }

    /** A breach; {@code step} is {@value SlaRecords#CASE_STEP} for the whole case's commitment. */
    record Breach(long id, String receiptNo, String service, String serviceName, String step, String stepName,
                  String district, String districtName, String assignee, OffsetDateTime deadline,
                  OffsetDateTime detectedAt) {
    }

    record BreachPage(int page, int size, long total, List<Breach> items) {
    }

    record ExtensionRequest(@NotBlank @Size(max = SlaCases.MAX_REASON_LENGTH) String reason) {
    }

    @GetMapping("/summary")
    @Operation(summary = "时限概况 / Deadline summary",
            description = "按时办结率（期内办结且不晚于期限的案件 / 期内办结的案件），在办案件按时限状态，期内超期数；"
                    + "按事项、区和环节分列 / on-time rate of the cases closed in the period, open cases by SLA state,"
                    + " breaches in the period; by service, district and step")
    public Summary summary(@Parameter(example = "minimum-living-allowance") @RequestParam(required = false) String service,
                           @Parameter(example = "jinshui") @RequestParam(required = false) String district,
                           @Parameter(example = "2023-01-01") @RequestParam(required = false) String from,
                           @Parameter(example = "2023-12-31") @RequestParam(required = false) String to,
                           Authentication who) {
        List<InvalidField> problems = new ArrayList<>();
        Filters filters = filters(service, district, from, to, problems);
        check(problems);
        SlaReports.Filter filter = filter(filters, who);
        ZoneId zone = calendars.current().zone();
        Instant now = ClockUtil.getCurrentTime().toInstant();

        Map<Map<String, String>, Long> allBreaches = reports.breaches(filter, List.of());
        SlaReports.Figures total = reports.cases(filter, now, List.of()).stream().findFirst()
                .map(g -> withBreaches(g.figures(), allBreaches.getOrDefault(Map.of(), 0L)))
                .orElseThrow();
        long caseBreaches = reports.breaches(filter, List.of("step_id"))
                .getOrDefault(Map.of("step_id", SlaRecords.CASE_STEP), 0L);

        Map<Map<String, String>, Long> byServiceBreaches = reports.breaches(filter, List.of("service_code"));
        List<ServiceFigures> byService = reports.cases(filter, now, List.of("service_code")).stream()
                .map(g -> new ServiceFigures(g.key().get("service_code"), serviceName(g.key().get("service_code")),
                        withBreaches(g.figures(), byServiceBreaches.getOrDefault(g.key(), 0L))))
                .sorted(Comparator.comparing(ServiceFigures::service))
                .toList();

        Map<Map<String, String>, Long> byDistrictBreaches = reports.breaches(filter, List.of("district"));
        List<DistrictFigures> byDistrict = reports.cases(filter, now, List.of("district")).stream()
                .map(g -> new DistrictFigures(g.key().get("district"), districtName(g.key().get("district")),
                        withBreaches(g.figures(), byDistrictBreaches.getOrDefault(g.key(), 0L))))
                .sorted(Comparator.comparing(DistrictFigures::district, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();

        Map<Map<String, String>, Long> byStepBreaches = reports.breaches(filter, List.of("service_code", "step_id"));
        List<StepFigures> bySteps = reports.steps(filter, now, List.of("service_code", "step_id")).stream()
                .map(g -> new StepFigures(g.key().get("service_code"), g.key().get("step_id"),
                        stepName(g.key().get("service_code"), g.key().get("step_id")),
                        withBreaches(g.figures(), byStepBreaches.getOrDefault(g.key(), 0L))))
                .sorted(Comparator.comparing(StepFigures::service).thenComparing(StepFigures::step))
                .toList();
        return new Summary(filters, now.atZone(zone).toOffsetDateTime(), total, caseBreaches, byService, byDistrict,
                bySteps);
    }

    @GetMapping("/breaches")
    @Operation(summary = "超期记录 / Breaches",
            description = "期内记录的超期，最新的在前，分页（page 从 0 起） / breaches recorded in the period, latest first,"
                    + " paged (page counts from 0)")
    public BreachPage breaches(@RequestParam(required = false) String service,
                               @RequestParam(required = false) String district,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @Parameter(example = "0") @RequestParam(required = false) String page,
                               @Parameter(example = "20") @RequestParam(required = false) String size,
                               Authentication who) {
        List<InvalidField> problems = new ArrayList<>();
        Filters filters = filters(service, district, from, to, problems);
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, problems);
        int pageSize = integer("size", size, 20, 1, MAX_PAGE_SIZE, problems);
        check(problems);
        SlaReports.Filter filter = filter(filters, who);
        ZoneId zone = calendars.current().zone();
        List<Breach> items = reports.breachPage(filter, pageNumber, pageSize).stream()
                .map(b -> new Breach(b.id(), b.receiptNo(), b.serviceCode(), serviceName(b.serviceCode()),
                        b.stepId(), b.wholeCase() ? "整案办结期限" : stepName(b.serviceCode(), b.stepId()),
                        b.district(), districtName(b.district()), b.assignee(),
                        b.deadline().atZone(zone).toOffsetDateTime(), b.detectedAt().atZone(zone).toOffsetDateTime()))
                .toList();
        return new BreachPage(pageNumber, pageSize, reports.breachCount(filter), items);
    }

    @PostMapping(path = "/cases/{receiptNo}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "延期 / Extend a case",
            description = "督办人员把可延期事项的承诺期限延长一次（低保 30 → 45 个工作日），须说明理由 / a supervisor extends"
                    + " the commitment of an extendable service once (低保 30 → 45 working days), with a reason")
    @ApiResponse(responseCode = "201", description = "已延期 / extended")
    @ApiResponse(responseCode = "404", description = "无此案件 / unknown receipt number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "已延期过、不可延期或已办结 / already extended, not extendable, or closed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CaseExtension> extend(@PathVariable String receiptNo,
                                                @Valid @RequestBody ExtensionRequest request, Authentication who) {
        CaseRecord c = records.findCasesByReceiptNo(receiptNo).stream().findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "无此案件 / no case " + receiptNo));
        Optional<Set<String>> scope = scope(who);
        if (scope.isPresent() && !scope.get().contains(c.district())) {
            throw problem(HttpStatus.FORBIDDEN, "不是所辖区的案件 / the case is not in a district you supervise");
        }
        CaseExtension extension = cases.extendCase(receiptNo, who.getName(), request.reason());
        return ResponseEntity.created(URI.create("/api/sla/cases/" + receiptNo + "/extension")).body(extension);
    }

    // ---- filters

    private Filters filters(String service, String district, String from, String to, List<InvalidField> problems) {
        String serviceCode = blankToNull(service);
        if (serviceCode != null && catalog.find(serviceCode).isEmpty()) {
            problems.add(new InvalidField("service", "未知的事项 / unknown service: " + serviceCode));
        }
        String districtCode = blankToNull(district);
        if (districtCode != null && districts.find(districtCode).isEmpty()) {
            problems.add(new InvalidField("district", "未知的区 / unknown district: " + districtCode));
        }
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new InvalidField("to", "结束日期早于开始日期 / ends before from"));
        }
        return new Filters(serviceCode, districtCode, fromDate, toDate);
    }

    private SlaReports.Filter filter(Filters filters, Authentication who) {
        Optional<Set<String>> scope = scope(who);
        Set<String> visible = null;
        if (filters.district() != null) {
            if (scope.isPresent() && !scope.get().contains(filters.district())) {
                throw problem(HttpStatus.FORBIDDEN, "不是所辖区 / you do not supervise " + filters.district());
            }
            visible = Set.of(filters.district());
        } else if (scope.isPresent()) {
            visible = scope.get();
        }
        ZoneId zone = calendars.current().zone();
        return new SlaReports.Filter(filters.service(), visible,
                filters.from() == null ? null : filters.from().atStartOfDay(zone).toInstant(),
                filters.to() == null ? null : filters.to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The districts the caller supervises; empty when they see every district (administrators). */
    private Optional<Set<String>> scope(Authentication who) {
        boolean admin = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(Role.ADMIN.authority()::equals);
        if (admin) {
            return Optional.empty();
        }
        Set<String> supervised = new TreeSet<>();
        for (String group : users.groupIdsOf(who.getName())) {
            if (group.startsWith(SUPERVISOR_GROUP)) {
                supervised.add(group.substring(SUPERVISOR_GROUP.length()));
            }
        }
        return Optional.of(supervised);
    }

    private static LocalDate date(String name, String value, List<InvalidField> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidField(name, "应为日期，如 2023-01-20 / expected a date such as 2023-01-20"));
            return null;
        }
    }

    private static int integer(String name, String value, int absent, int min, int max, List<InvalidField> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        problems.add(new InvalidField(name, "应为 " + min + " 至 " + max + " 的整数 / expected a whole number from "
                + min + " to " + max));
        return absent;
    }

    private static void check(List<InvalidField> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---- names

    private String serviceName(String code) {
        return catalog.find(code).map(Service::names).map(Names::zh).orElse(code);
    }

    private String districtName(String code) {
        return code == null ? null : districts.find(code).map(District::names).map(Names::zh).orElse(code);
    }

    private String stepName(String service, String step) {
        return catalog.find(service).flatMap(s -> s.step(step)).map(Step::names).map(Names::zh)
                .orElseGet(() -> reports.stepName(service, step).orElse(step));
    }

    private static SlaReports.Figures withBreaches(SlaReports.Figures figures, long breaches) {
        return new SlaReports.Figures(figures.closed(), figures.closedOnTime(), figures.onTimeRate(), figures.open(),
                breaches);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
