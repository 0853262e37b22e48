package cn.tongban.sla.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the dashboard page shows beyond the summary: the breach trend per day (per week for periods over two
 * months), the share of 即办 and of short-limit cases among those received, and the charts' data as JSON.
 */
@Component
class SlaDashboard {

    /** Cases with a commitment of at most this many working days count as short-limit (≤3 个工作日). */
    static final int SHORT_LIMIT = 3;
    /** Periods longer than this many days show the trend per week. */
    static final int DAILY_TREND_DAYS = 62;

    private final SlaReports reports;
    private final ObjectMapper json;

    SlaDashboard(SlaReports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /** A point of the breach trend: the day, or the Monday of the week, and the breaches recorded in it. */
    record TrendPoint(LocalDate start, long breaches) {
    }

    /**
     * @param weekly           whether the points are weeks (else days)
     * @param immediateShare   即办 cases / cases received, null when none was received
     * @param shortLimitShare  cases with a commitment of at most {@value #SHORT_LIMIT} working days / received
     */
    record Extras(List<TrendPoint> trend, boolean weekly, SlaReports.Intake intake, BigDecimal immediateShare,
                  BigDecimal shortLimitShare) {
    }

    Extras extras(SlaReports.Filter filter, LocalDate from, LocalDate to, ZoneId zone) {
        Map<LocalDate, Long> perDay = reports.breachesPerDay(filter, zone);
        boolean weekly = ChronoUnit.DAYS.between(from, to) + 1 > DAILY_TREND_DAYS;
        Map<LocalDate, Long> points = new LinkedHashMap<>();
        LocalDate first = weekly ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(weekly ? 7 : 1)) {
            points.put(day, 0L);
        }
        perDay.forEach((day, count) -> {
            LocalDate key = weekly ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
            points.merge(key, count, Long::sum);
        });
        List<TrendPoint> trend = new ArrayList<>();
        points.forEach((day, count) -> trend.add(new TrendPoint(day, count)));
        SlaReports.Intake intake = reports.intake(filter, SHORT_LIMIT);
        return new Extras(trend, weekly, intake, SlaReports.rate(intake.immediate(), intake.cases()),
                SlaReports.rate(intake.shortLimit(), intake.cases()));
    }

    /**
     * The charts' data as JSON to embed in a {@code <script type="application/json">} element: with {@code <},
     * {@code >} and {@code &} escaped, no text from the data can close the element.
     */
    String chartJson(SlaOverview.Summary summary, Extras extras, Map<String, String> labels) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("labels", labels);
        charts.put("byService", summary.byService().stream()
                .map(s -> Map.of("name", s.name(), "rate", percent(s.figures().onTimeRate()))).toList());
        charts.put("byDistrict", summary.byDistrict().stream()
                .map(d -> Map.of("name", d.name() == null ? "-" : d.name(), "rate", percent(d.figures().onTimeRate())))
                .toList());
        charts.put("bySteps", summary.bySteps().stream()
                .map(s -> Map.of("name", s.name(), "rate", percent(s.figures().onTimeRate()))).toList());
        SlaReports.OpenCounts open = summary.cases().open();
        charts.put("open", List.of(open.onTrack(), open.dueSoon(), open.overdue(), open.clockStopped()));
        charts.put("trend", extras.trend().stream()
                .map(p -> Map.of("day", p.start().toString(), "breaches", p.breaches())).toList());
        try {
            return json.writeValueAsString(charts).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not written", e);
        }
    }

    /** A rate as a percentage with one decimal, or -1 where nothing closed (the chart leaves that bar out). */
    private static double percent(BigDecimal rate) {
        return rate == null ? -1 : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
