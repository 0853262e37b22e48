package cn.tongban.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A service deadline (办理时限) counted in working days.
 *
 * @param from          the receipt time, in the calendar's zone
 * @param workingDays   the limit N in working days
 * @param acceptanceDay the acceptance day (受理日): the receipt day, or the next working day when received
 *                      after the end of business or on a day off
 * @param deadline      end of business of the N-th working day after the acceptance day
 *                      (of the acceptance day itself when N = 0), in the calendar's zone
 * @param provisional   true when a day between receipt and deadline lies in a year whose arrangement
 *                      is not loaded, so the result counted that year by weekdays only
 */
public record Deadline(OffsetDateTime from, int workingDays, LocalDate acceptanceDay, OffsetDateTime deadline,
                       boolean provisional) {

    public Deadline {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(acceptanceDay, "acceptanceDay");
        Objects.requireNonNull(deadline, "deadline");
    }
}
