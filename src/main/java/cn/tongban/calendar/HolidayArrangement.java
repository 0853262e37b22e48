package cn.tongban.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One year's holiday arrangement (节假日安排) as published by the State Council in its yearly notice:
 * the days off of each public holiday and the weekend days worked instead (调休补班).
 * A notice may reach into December of the previous year (the 2023 notice gives 2022-12-31 off),
 * so its days may lie from {@link #firstPossibleDay()} to {@link #lastPossibleDay()}.
 * <p>
 * Instances are always valid: the constructor refuses contradictory or implausible content
 * with an {@link InvalidArrangementException} naming every problem.
 *
 * @param year           the arrangement year the notice is for
 * @param notice         the notice's title, e.g. 国务院办公厅关于2023年部分节假日安排的通知
 * @param source         where the notice is published, or null
 * @param holidays       the holidays with their days off, in the notice's order
 * @param makeupWorkdays the weekend days worked to make up for holidays
 */
public record HolidayArrangement(int year, String notice, String source, List<Holiday> holidays,
                                 List<MakeupWorkday> makeupWorkdays) {

    /** Arrangement years accepted; anything outside is taken for a typing error. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /**
     * A public holiday and its days off.
     *
     * @param name   Chinese name as in the notice, e.g. 春节
     * @param nameEn English name, e.g. Spring Festival
     * @param days   the days off, each listed once
     */
    public record Holiday(String name, String nameEn, List<LocalDate> days) {
        public Holiday {
            days = List.copyOf(days);
        }
    }

    /**
     * A Saturday or Sunday that is a working day.
     *
     * @param date       the day
     * @param forHoliday the name of the holiday it makes up for (written {@code for} in the file)
     */
    public record MakeupWorkday(LocalDate date, String forHoliday) {
        public MakeupWorkday {
            Objects.requireNonNull(date, "date");
        }
    }

    public HolidayArrangement {
        holidays = List.copyOf(holidays);
        makeupWorkdays = List.copyOf(makeupWorkdays);
        List<InvalidArrangementException.Problem> problems = check(year, notice, holidays, makeupWorkdays);
        if (!problems.isEmpty()) {
            throw new InvalidArrangementException(problems);
        }
    }

    /**
     * Reads and validates an arrangement file in the project's format (see {@code seeds/calendar/}).
     *
     * @param json         the file's bytes, UTF-8
     * @param documentName how to name the whole document in problems, e.g. {@code file} or {@code 2023.json}
     * @throws InvalidArrangementException listing every problem found
     */
    public static HolidayArrangement parse(byte[] json, String documentName) {
        return ArrangementJson.read(json, documentName);
    }

    public static HolidayArrangement parse(String json, String documentName) {
        return parse(json.getBytes(StandardCharsets.UTF_8), documentName);
    }

    /** This arrangement in the file format, so that {@code parse(toJson())} gives an equal arrangement. */
    public String toJson() {
        return ArrangementJson.write(this);
    }

    /** The earliest day a notice for this year may name: the New Year holiday can begin in December before. */
    public LocalDate firstPossibleDay() {
        return LocalDate.of(year - 1, 12, 1);
    }

    public LocalDate lastPossibleDay() {
        return LocalDate.of(year, 12, 31);
    }

    /** Number of days off over all holidays. */
    public int daysOff() {
        return holidays.stream().mapToInt(h -> h.days().size()).sum();
    }

    private static List<InvalidArrangementException.Problem> check(int year, String notice, List<Holiday> holidays,
                                                                  List<MakeupWorkday> makeupWorkdays) {
        var problems = new ArrayList<InvalidArrangementException.Problem>();
        boolean yearValid = year >= FIRST_YEAR && year <= LAST_YEAR;
        if (!yearValid) {
            problems.add(new InvalidArrangementException.Problem("year",
                    "年份须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间 / the year must be between "
                            + FIRST_YEAR + " and " + LAST_YEAR + ": " + year));
        }
        if (notice == null || notice.isBlank()) {
            problems.add(new InvalidArrangementException.Problem("notice",
                    "缺少通知标题 / the notice title is missing"));
        }
        if (holidays.isEmpty()) {
            problems.add(new InvalidArrangementException.Problem("holidays",
                    "至少需要一个节日 / at least one holiday is needed"));
        }
        LocalDate first = yearValid ? LocalDate.of(year - 1, 12, 1) : null;
        LocalDate last = yearValid ? LocalDate.of(year, 12, 31) : null;

        Map<LocalDate, String> dayOffAt = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday holiday = holidays.get(i);
            String at = "holidays[" + i + "]";
            if (holiday.name() == null || holiday.name().isBlank()) {
                problems.add(new InvalidArrangementException.Problem(at + ".name",
                        "缺少节日名称 / the holiday's name is missing"));
            } else if (!names.add(holiday.name())) {
                problems.add(new InvalidArrangementException.Problem(at + ".name",
                        "节日重复列出 / holiday listed twice: " + holiday.name()));
            }
            if (holiday.nameEn() == null || holiday.nameEn().isBlank()) {
                problems.add(new InvalidArrangementException.Problem(at + ".nameEn",
                        "缺少节日英文名称 / the holiday's English name is missing"));
            }
            if (holiday.days().isEmpty()) {
                problems.add(new InvalidArrangementException.Problem(at + ".days",
                        "节日至少放假一天 / a holiday needs at least one day off"));
            }
            for (int j = 0; j < holiday.days().size(); j++) {
                LocalDate day = holiday.days().get(j);
                String dayAt = at + ".days[" + j + "]";
                outOfYear(day, year, first, last, dayAt).ifPresent(problems::add);
                String earlier = dayOffAt.putIfAbsent(day, at);
                if (earlier != null) {
                    problems.add(new InvalidArrangementException.Problem(dayAt,
                            "放假日期重复 / day off listed twice: " + day + " (" + earlier + ")"));
                }
            }
        }

        Set<LocalDate> makeupDays = new HashSet<>();
        for (int i = 0; i < makeupWorkdays.size(); i++) {
            MakeupWorkday makeup = makeupWorkdays.get(i);
            String at = "makeupWorkdays[" + i + "]";
            LocalDate day = makeup.date();
            outOfYear(day, year, first, last, at + ".date").ifPresent(problems::add);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(new InvalidArrangementException.Problem(at + ".date",
                        "补班日须为周六或周日 / a make-up workday must be a Saturday or Sunday: "
                                + day + " is a " + day.getDayOfWeek()));
            }
            if (dayOffAt.containsKey(day)) {
                problems.add(new InvalidArrangementException.Problem(at + ".date",
                        "同一天既是放假日又是补班日 / the same day is both a day off and a make-up workday: " + day
                                + " (" + dayOffAt.get(day) + ")"));
            }
            if (!makeupDays.add(day)) {
                problems.add(new InvalidArrangementException.Problem(at + ".date",
                        "补班日重复 / make-up workday listed twice: " + day));
            }
            if (makeup.forHoliday() == null || !names.contains(makeup.forHoliday())) {
                problems.add(new InvalidArrangementException.Problem(at + ".for",
                        "补班日须对应本通知中的一个节日 / a make-up workday must name a holiday of this notice: "
                                + makeup.forHoliday()));
            }
        }
        return problems;
    }

    private static Optional<InvalidArrangementException.Problem> outOfYear(
            LocalDate day, int year, LocalDate first, LocalDate last, String at) {
        if (first == null || (!day.isBefore(first) && !day.isAfter(last))) {
            return Optional.empty();
        }
        return Optional.of(new InvalidArrangementException.Problem(at,
                "日期不属于 " + year + " 年的安排 / the date is outside the " + year + " arrangement ("
                        + first + " .. " + last + "): " + day));
    }
}
