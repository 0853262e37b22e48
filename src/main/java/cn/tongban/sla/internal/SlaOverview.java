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
import cn.tongban.web.ConcurrentReads;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The supervisors' figures as the API, the dashboard page and the exports all show them: filters read and checked
 * once, the caller's districts applied, the SLA records counted by {@link SlaReports} and named from the catalogue.
 * Supervisors see the districts whose {@code supervisor-<district>} group they are in; administrators see all.
 */
@Component
class SlaOverview {

    static final String SUPERVISOR_GROUP = "supervisor-";
    static final int MAX_PAGE_SIZE = 100;

    private final SlaReports reports;
    private final ServiceCatalog catalog;
    private final Districts districts;
    private final UserDirectory users;
    private final CalendarService calendars;

    SlaOverview(SlaReports reports, ServiceCatalog catalog, Districts districts, UserDirectory users,
                CalendarService calendars) {
        this.reports = reports;
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

    /**
     * A breach; {@code step} is {@value SlaRecords#CASE_STEP} for the whole case's commitment.
     *
     * @param urges     督办 notices sent about the step so far
     * @param stepOpen  whether the step (or, for a case breach, the case) is still open
     */
    record Breach(long id, String receiptNo, String service, String serviceName, String step, String stepName,
                  String district, String districtName, String assignee, OffsetDateTime deadline,
                  OffsetDateTime detectedAt, String taskId, long urges, boolean stepOpen) {
    }

    record BreachPage(int page, int size, long total, List<Breach> items) {
    }

    // ---- filters

    /** Reads the filters; what is wrong with them is added to {@code problems}. */
    Filters filters(String service, String district, String from, String to, List<InvalidField> problems) {
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

    /**
     * The filters with a period: as given, else the current month (or the month of the one end given), as the
     * dashboard shows it. Every summary is of a bounded period, so it reads the rows closed in it through the
     * closed_at indexes rather than every row ever closed.
     */
    Filters withPeriod(Filters given) {
        LocalDate today = LocalDate.ofInstant(now(), zone());
        LocalDate from = given.from() != null ? given.from()
                : given.to() != null ? given.to().withDayOfMonth(1) : today.withDayOfMonth(1);
        LocalDate to = given.to() != null ? given.to() : from.with(TemporalAdjusters.lastDayOfMonth());
        if (to.isBefore(from)) {
            from = to.withDayOfMonth(1);
        }
        return new Filters(given.service(), given.district(), from, to);
    }

    /** The report filter for the caller: their districts, or the one district they chose if they supervise it. */
    SlaReports.Filter filter(Filters filters, Authentication who) {
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
        ZoneId zone = zone();
        return new SlaReports.Filter(filters.service(), visible,
                filters.from() == null ? null : filters.from().atStartOfDay(zone).toInstant(),
                filters.to() == null ? null : filters.to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The districts the caller supervises; empty when they see every district (administrators). */
    Optional<Set<String>> scope(Authentication who) {
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

    /** 403 unless the caller sees the district. */
    void requireInScope(Authentication who, String district, String what) {
        Optional<Set<String>> scope = scope(who);
        if (scope.isPresent() && !scope.get().contains(district)) {
            throw problem(HttpStatus.FORBIDDEN, "不是所辖区的" + what + " / the " + what
                    + " is not in a district you supervise");
        }
    }

    /** The districts the caller may choose from, in catalogue order. */
    List<District> visibleDistricts(Authentication who) {
        Optional<Set<String>> scope = scope(who);
        return districts.all().stream().filter(d -> scope.isEmpty() || scope.get().contains(d.code())).toList();
    }

    // ---- figures

    Summary summary(Filters filters, SlaReports.Filter filter) {
        Instant now = now();
        // one query per table at the finest grain, the three at once, summed here to each of the summary's groupings
        Supplier<List<SlaReports.Group>> steps = ConcurrentReads.start(() -> reports.steps(filter, now));
        Supplier<Map<Map<String, String>, Long>> breachesRead = ConcurrentReads.start(() -> reports.breaches(filter));
        List<SlaReports.Group> cases = reports.cases(filter, now);
        Map<Map<String, String>, Long> breaches = breachesRead.get();
        Map<Map<String, String>, Long> allBreaches = SlaReports.rollUp(breaches, List.of());
        SlaReports.Figures total = SlaReports.rollUp(cases, List.of()).stream().findFirst()
                .map(g -> withBreaches(g.figures(), allBreaches.getOrDefault(Map.of(), 0L)))
                .orElseThrow();
        long caseBreaches = SlaReports.rollUp(breaches, List.of("step_id"))
                .getOrDefault(Map.of("step_id", SlaRecords.CASE_STEP), 0L);

        Map<Map<String, String>, Long> byServiceBreaches = SlaReports.rollUp(breaches, List.of("service_code"));
        List<ServiceFigures> byService = SlaReports.rollUp(cases, List.of("service_code")).stream()
                .map(g -> new ServiceFigures(g.key().get("service_code"), serviceName(g.key().get("service_code")),
                        withBreaches(g.figures(), byServiceBreaches.getOrDefault(g.key(), 0L))))
                .sorted(Comparator.comparing(ServiceFigures::service))
                .toList();

        Map<Map<String, String>, Long> byDistrictBreaches = SlaReports.rollUp(breaches, List.of("district"));
        List<DistrictFigures> byDistrict = SlaReports.rollUp(cases, List.of("district")).stream()
                .map(g -> new DistrictFigures(g.key().get("district"), districtName(g.key().get("district")),
                        withBreaches(g.figures(), byDistrictBreaches.getOrDefault(g.key(), 0L))))
                .sorted(Comparator.comparing(DistrictFigures::district, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();

        List<String> stepKey = List.of("service_code", "step_id");
        Map<Map<String, String>, Long> byStepBreaches = SlaReports.rollUp(breaches, stepKey);
        List<StepFigures> bySteps = SlaReports.rollUp(steps.get(), stepKey).stream()
                .map(g -> new StepFigures(g.key().get("service_code"), g.key().get("step_id"),
                        stepName(g.key().get("service_code"), g.key().get("step_id")),
                        withBreaches(g.figures(), byStepBreaches.getOrDefault(g.key(), 0L))))
                .sorted(Comparator.comparing(StepFigures::service).thenComparing(StepFigures::step))
                .toList();
        return new Summary(filters, now.atZone(zone()).toOffsetDateTime(), total, caseBreaches, byService, byDistrict,
                bySteps);
    }

    BreachPage breaches(SlaReports.Filter filter, int page, int size) {
        ZoneId zone = zone();
        List<Breach> items = reports.breachPage(filter, page, size).stream()
                .map(b -> new Breach(b.breach().id(), b.breach().receiptNo(), b.breach().serviceCode(),
                        serviceName(b.breach().serviceCode()), b.breach().stepId(),
                        b.breach().wholeCase() ? "整案办结期限" : stepName(b.breach().serviceCode(), b.breach().stepId()),
                        b.breach().district(), districtName(b.breach().district()), b.breach().assignee(),
                        b.breach().deadline().atZone(zone).toOffsetDateTime(),
                        b.breach().detectedAt().atZone(zone).toOffsetDateTime(), b.breach().taskId(), b.urges(),
                        b.open()))
                .toList();
        return new BreachPage(page, size, reports.breachCount(filter), items);
    }

    // ---- names

    String serviceName(String code) {
        return catalog.find(code).map(Service::names).map(Names::zh).orElse(code);
    }

    String districtName(String code) {
        return code == null ? null : districts.find(code).map(District::names).map(Names::zh).orElse(code);
    }

    String stepName(String service, String step) {
        if (SlaRecords.CASE_STEP.equals(step)) {
            return "整案办结期限";
        }
        return catalog.find(service).flatMap(s -> s.step(step)).map(Step::names).map(Names::zh)
                .orElseGet(() -> reports.stepName(service, step).orElse(step));
    }

    ZoneId zone() {
        return calendars.current().zone();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    // ---- input

    static LocalDate date(String name, String value, List<InvalidField> problems) {
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

    static int integer(String name, String value, int absent, int min, int max, List<InvalidField> problems) {
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

    static void check(List<InvalidField> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static SlaReports.Figures withBreaches(SlaReports.Figures figures, long breaches) {
        return new SlaReports.Figures(figures.closed(), figures.closedOnTime(), figures.onTimeRate(), figures.open(),
                breaches);
    }
}
