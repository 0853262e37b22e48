package cn.tongban.review.workbench;

import cn.tongban.sla.SlaState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The due dates of the tasks in one SLA state at {@code now}, as exclusive bounds a task query can filter on
 * ({@code dueAfter}, {@code dueBefore}): the same partition as {@link SlaState#at}, so the list can filter and
 * count by state in the database. Due dates are stored to the millisecond.
 *
 * @param after  due strictly after this, or null
 * @param before due strictly before this, or null
 */
record SlaWindow(SlaState state, Instant after, Instant before) {

    private static final Duration PRECISION = Duration.ofMillis(1);

    /**
     * Overdue: due before now. Due soon: from now up to the start of tomorrow (a deadline at the end of business
     * today, or at midnight tonight). On track: due later than that.
     */
    static SlaWindow of(SlaState state, Instant now, ZoneId zone) {
        Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return switch (state) {
            case OVERDUE -> new SlaWindow(state, null, now);
            case DUE_SOON -> new SlaWindow(state, now.minus(PRECISION), tomorrow.plus(PRECISION));
            case ON_TRACK -> new SlaWindow(state, tomorrow, null);
        };
    }

    TaskQuery restrict(TaskQuery query) {
        if (after != null) {
            query.dueAfter(Date.from(after));
        }
        if (before != null) {
            query.dueBefore(Date.from(before));
        }
        return query;
    }
}
