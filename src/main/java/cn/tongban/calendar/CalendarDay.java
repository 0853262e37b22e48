package cn.tongban.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day as the working-day calendar sees it.
 *
 * @param date      the day
 * @param kind      what the day is
 * @param holiday   for a holiday, its Chinese name; for a make-up workday, the holiday it makes up for; else null
 * @param holidayEn the same name in English, or null
 * @param loaded    whether the arrangement of the day's year is loaded; if not, the day is judged by weekday only
 */
public record CalendarDay(LocalDate date, DayKind kind, String holiday, String holidayEn, boolean loaded) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean workingDay() {
        return kind.isWorkingDay();
    }

    /** True when the answer may change once the year's arrangement is loaded. */
    public boolean provisional() {
        return !loaded;
    }
}
