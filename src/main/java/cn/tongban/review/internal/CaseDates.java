package cn.tongban.review.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.sla.Deadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Dates of a case that the models hand to decision tables as plain ISO values,
 * e.g. {@code ${caseDates.acceptanceDay(execution)}}. Public only because the models call it by expression.
 */
@Component("caseDates")
public class CaseDates {

    private final CalendarService calendar;

    CaseDates(CalendarService calendar) {
        this.calendar = calendar;
    }

    /**
     * The acceptance day (受理日) of the case as {@code yyyy-MM-dd}: the day the application was received, or the
     * next working day when it came in after business hours or on a day off.
     */
    public String acceptanceDay(VariableScope execution) {
        if (!(execution.getVariable(Deadlines.ACCEPTED_AT) instanceof Date acceptedAt)) {
            throw new IllegalStateException("the case has no " + Deadlines.ACCEPTED_AT
                    + "; the model must ask for the case deadline first");
        }
        return calendar.current().acceptanceDay(acceptedAt.toInstant()).toString();
    }
}
