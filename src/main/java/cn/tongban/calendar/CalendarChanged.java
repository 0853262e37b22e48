package cn.tongban.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Published when the working-day calendar in force has changed (an arrangement loaded, replaced or removed),
 * so that deadlines already computed can be recomputed. Days outside the affected range are unchanged, both in
 * kind and in whether their year is loaded, so a deadline whose days from receipt to deadline do not
 * {@linkplain #affects(LocalDate, LocalDate) overlap} the range stays as it was.
 *
 * @param years    the arrangement years that were loaded, replaced or removed
 * @param firstDay the first day whose kind, holiday or loaded state changed
 * @param lastDay  the last such day
 */
public record CalendarChanged(SortedSet<Integer> years, LocalDate firstDay, LocalDate lastDay) {

    public CalendarChanged {
        years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("affected range ends before it starts: " + firstDay + " .. " + lastDay);
        }
    }

    /** Whether the given day is in the affected range. */
    public boolean affects(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** Whether a span of days (receipt day to deadline day, say) overlaps the affected range. */
    public boolean affects(LocalDate first, LocalDate last) {
        return !last.isBefore(firstDay) && !first.isAfter(lastDay);
    }

    /**
     * What changed from one calendar to the next, or nothing when no day differs (say, only a notice's title
     * was corrected). Days are compared over the span each changed arrangement year may cover.
     */
    static Optional<CalendarChanged> between(WorkingDayCalendar before, WorkingDayCalendar after) {
        SortedSet<Integer> years = new TreeSet<>(before.loadedYears());
        years.addAll(after.loadedYears());
        years.removeIf(year -> before.arrangement(year).equals(after.arrangement(year)));
        LocalDate first = null;
        LocalDate last = null;
        for (int year : years) {
            for (LocalDate day = LocalDate.of(year - 1, 12, 1); day.getYear() <= year; day = day.plusDays(1)) {
                if (!before.day(day).equals(after.day(day))) {
                    first = first == null || day.isBefore(first) ? day : first;
                    last = last == null || day.isAfter(last) ? day : last;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new CalendarChanged(years, first, last));
    }
}
