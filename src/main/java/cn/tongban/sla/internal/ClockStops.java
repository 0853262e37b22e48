package cn.tongban.sla.internal;

import cn.tongban.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The working days that count as stopped while a correction notice was out: the working days that began
 * (at 00:00 in the calendar's zone) from the notice going out until the answer came in.
 */
public final class ClockStops {

    private ClockStops() {
    }

    /** Working days whose start lies in [{@code from}, {@code to}). */
    public static int workingDaysBegun(WorkingDayCalendar calendar, Instant from, Instant to) {
        ZoneId zone = calendar.zone();
        int begun = 0;
        for (LocalDate day = from.atZone(zone).toLocalDate(); day.atStartOfDay(zone).toInstant().isBefore(to);
             day = day.plusDays(1)) {
            if (!day.atStartOfDay(zone).toInstant().isBefore(from) && calendar.isWorkingDay(day)) {
                begun++;
            }
        }
        return begun;
    }

    /** The working days the finished stops added to a limit that started counting at {@code since}. */
    public static int stoppedWorkingDays(WorkingDayCalendar calendar, List<ClockStop> stops, Instant since) {
        int days = 0;
        for (ClockStop stop : stops) {
            if (stop.resumedAt() != null && stop.resumedAt().isAfter(since)) {
                Instant from = stop.stoppedAt().isAfter(since) ? stop.stoppedAt() : since;
                days += workingDaysBegun(calendar, from, stop.resumedAt());
            }
        }
        return days;
    }
}
