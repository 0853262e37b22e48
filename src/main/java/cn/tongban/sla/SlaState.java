package cn.tongban.sla;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Where an open step or case stands against its deadline: on track (正常), due soon (即将到期: from the start
 * of its last day) or overdue (已超期: after the deadline).
 */
public enum SlaState {
    ON_TRACK, DUE_SOON, OVERDUE;

    /** The state at {@code now} of something due at {@code deadline}, days counted in {@code zone}. */
    public static SlaState at(Instant deadline, Instant now, ZoneId zone) {
        if (now.isAfter(deadline)) {
            return OVERDUE;
        }
        return now.isBefore(dueSoonFrom(deadline, zone)) ? ON_TRACK : DUE_SOON;
    }

    /**
     * The start of the last day before the deadline: 00:00 of the deadline's own day for a deadline at the end
     * of business, 00:00 of the day before for a deadline at midnight (a calendar-day limit).
     */
    public static Instant dueSoonFrom(Instant deadline, ZoneId zone) {
        return deadline.minusNanos(1).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
