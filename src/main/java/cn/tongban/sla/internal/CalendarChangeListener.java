package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes open deadlines when a holiday arrangement is loaded, replaced or withdrawn. It listens within the
 * transaction that stores the arrangement (a plain, synchronous listener): the new calendar and every deadline,
 * task due date and timer moved by it commit together or not at all, so no deadline is ever left counted by a
 * calendar that is no longer in force, and a failure here is the upload's failure, reported to the administrator.
 */
@Component
class CalendarChangeListener {

    private final DeadlineMoves moves;

    CalendarChangeListener(DeadlineMoves moves) {
        this.moves = moves;
    }

    @EventListener
    void onCalendarChanged(CalendarChanged changed) {
        moves.recomputeAffected(changed);
    }
}
