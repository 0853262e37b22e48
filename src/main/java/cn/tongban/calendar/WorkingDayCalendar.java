package cn.tongban.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working-day calendar of the People's Republic of China (工作日历): Monday to Friday, minus the days off
 * of the State Council's yearly holiday arrangement, plus its make-up workdays. Immutable; a new arrangement
 * gives a new calendar ({@link #with}).
 * <p>
 * Rules for service deadlines (办理时限), all in the calendar's zone (Asia/Shanghai unless configured):
 * <ul>
 *   <li>The acceptance day (受理日) is the day of receipt when that is a working day and receipt is at or before
 *       the end of business (17:30 unless configured), otherwise the next working day.</li>
 *   <li>The acceptance day is not counted: N working days end at the end of business of the N-th working day
 *       after it; N = 0 (即办) ends at the end of business of the acceptance day.</li>
 *   <li>A year without a loaded arrangement is counted by weekdays only, and results touching it are
 *       provisional.</li>
 * </ul>
 * A notice may name days in December of the year before its own (the 2023 notice gives 2022-12-31 off);
 * where two notices name the same day, the later year's notice is followed, as the more recent decision.
 * Whether a day is {@linkplain CalendarDay#loaded() loaded} depends only on its own calendar year.
 */
public final class WorkingDayCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalTime DEFAULT_END_OF_BUSINESS = LocalTime.of(17, 30);

    private final ZoneId zone;
    private final LocalTime endOfBusiness;
    private final SortedMap<Integer, HolidayArrangement> arrangements;
    private final Map<LocalDate, NamedDay> namedDays;

    /** A day a notice names: a day off or a make-up workday. */
    private record NamedDay(DayKind kind, String name, String nameEn) {
    }

    private WorkingDayCalendar(SortedMap<Integer, HolidayArrangement> arrangements, ZoneId zone,
                               LocalTime endOfBusiness) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.endOfBusiness = Objects.requireNonNull(endOfBusiness, "endOfBusiness");
        this.arrangements = Collections.unmodifiableSortedMap(arrangements);
        Map<LocalDate, NamedDay> days = new HashMap<>();
        // ascending years: a later notice overwrites what an earlier one said about the same day
        for (HolidayArrangement arrangement : arrangements.values()) {
            Map<String, String> english = new HashMap<>();
            for (HolidayArrangement.Holiday holiday : arrangement.holidays()) {
                english.put(holiday.name(), holiday.nameEn());
                for (LocalDate day : holiday.days()) {
                    days.put(day, new NamedDay(DayKind.HOLIDAY, holiday.name(), holiday.nameEn()));
                }
            }
            for (HolidayArrangement.MakeupWorkday makeup : arrangement.makeupWorkdays()) {
                days.put(makeup.date(), new NamedDay(DayKind.MAKEUP_WORKDAY, makeup.forHoliday(),
                        english.get(makeup.forHoliday())));
            }
        }
        this.namedDays = Map.copyOf(days);
    }

    /** A calendar in Asia/Shanghai with the end of business at 17:30. */
    public static WorkingDayCalendar of(Collection<HolidayArrangement> arrangements) {
        return of(arrangements, DEFAULT_ZONE, DEFAULT_END_OF_BUSINESS);
    }

    /**
     * @throws IllegalArgumentException when two arrangements are for the same year
     */
    public static WorkingDayCalendar of(Collection<HolidayArrangement> arrangements, ZoneId zone,
                                        LocalTime endOfBusiness) {
        SortedMap<Integer, HolidayArrangement> byYear = new TreeMap<>();
        for (HolidayArrangement arrangement : arrangements) {
            if (byYear.put(arrangement.year(), arrangement) != null) {
                throw new IllegalArgumentException("two arrangements for the year " + arrangement.year());
            }
        }
        return new WorkingDayCalendar(byYear, zone, endOfBusiness);
    }

    /** This calendar with the given arrangement in place of any other for the same year. */
    public WorkingDayCalendar with(HolidayArrangement arrangement) {
        SortedMap<Integer, HolidayArrangement> byYear = new TreeMap<>(arrangements);
        byYear.put(arrangement.year(), arrangement);
        return new WorkingDayCalendar(byYear, zone, endOfBusiness);
    }

    /** This calendar without the arrangement for the given year, if it had one. */
    public WorkingDayCalendar without(int year) {
        SortedMap<Integer, HolidayArrangement> byYear = new TreeMap<>(arrangements);
        byYear.remove(year);
        return new WorkingDayCalendar(byYear, zone, endOfBusiness);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime endOfBusiness() {
        return endOfBusiness;
    }

    public List<HolidayArrangement> arrangements() {
        return List.copyOf(arrangements.values());
    }

    public Optional<HolidayArrangement> arrangement(int year) {
        return Optional.ofNullable(arrangements.get(year));
    }

    public SortedSet<Integer> loadedYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(arrangements.keySet()));
    }

    public boolean isLoaded(int year) {
        return arrangements.containsKey(year);
    }

    /** True when some day from {@code first} to {@code last} lies in a year whose arrangement is not loaded. */
    public boolean isProvisional(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!isLoaded(year)) {
                return true;
            }
        }
        return false;
    }

    public CalendarDay day(LocalDate date) {
        boolean loaded = isLoaded(date.getYear());
        NamedDay named = namedDays.get(date);
        if (named != null) {
            return new CalendarDay(date, named.kind(), named.name(), named.nameEn(), loaded);
        }
        DayOfWeek weekday = date.getDayOfWeek();
        DayKind kind = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
        return new CalendarDay(date, kind, null, null, loaded);
    }

    public boolean isWorkingDay(LocalDate date) {
        return day(date).workingDay();
    }

    /** The first working day strictly after the given day. */
    public LocalDate nextWorkingDayAfter(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The end of business of the given day, in the calendar's zone. */
    public OffsetDateTime endOfBusiness(LocalDate date) {
        return ZonedDateTime.of(date, endOfBusiness, zone).toOffsetDateTime();
    }

    /**
     * The acceptance day (受理日) of something received at the given instant: the day of receipt in the
     * calendar's zone if it is a working day and receipt is at or before the end of business, else the next
     * working day.
     */
    public LocalDate acceptanceDay(Instant receivedAt) {
        ZonedDateTime local = receivedAt.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day) && !local.toLocalTime().isAfter(endOfBusiness)) {
            return day;
        }
        return nextWorkingDayAfter(day);
    }

    public LocalDate acceptanceDay(OffsetDateTime receivedAt) {
        return acceptanceDay(receivedAt.toInstant());
    }

    /**
     * The deadline of a limit of {@code workingDays} working days for something received at {@code from}.
     *
     * @throws IllegalArgumentException when workingDays is negative
     */
    public Deadline deadline(Instant from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        LocalDate acceptance = acceptanceDay(from);
        LocalDate last = acceptance;
        for (int counted = 0; counted < workingDays; counted++) {
            last = nextWorkingDayAfter(last);
        }
        LocalDate receiptDay = from.atZone(zone).toLocalDate();
        return new Deadline(from.atZone(zone).toOffsetDateTime(), workingDays, acceptance, endOfBusiness(last),
                isProvisional(receiptDay, last));
    }

    public Deadline deadline(OffsetDateTime from, int workingDays) {
        return deadline(from.toInstant(), workingDays);
    }

    /**
     * The number of working days that have elapsed from {@code from} to {@code to}, in the sense of
     * {@link #deadline}: the count of working days after the acceptance day of {@code from} whose end of
     * business is at or before {@code to}. Hence, for every N ≥ 0,
     * {@code workingDaysBetween(from, deadline(from, N).deadline()) == N}, and one nanosecond before that
     * deadline the count is N − 1 (N ≥ 1). Never negative: 0 while {@code to} is before the end of business
     * of the first working day after the acceptance day, including any {@code to} before {@code from}.
     * Takes time proportional to the number of days between the two instants.
     */
    public int workingDaysBetween(Instant from, Instant to) {
        int elapsed = 0;
        LocalDate day = nextWorkingDayAfter(acceptanceDay(from));
        while (!endOfBusiness(day).toInstant().isAfter(to)) {
            elapsed++;
            day = nextWorkingDayAfter(day);
        }
        return elapsed;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + arrangements.keySet() + " in " + zone + ", end of business " + endOfBusiness;
    }
}
