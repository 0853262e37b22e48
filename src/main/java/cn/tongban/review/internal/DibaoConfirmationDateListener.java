package cn.tongban.review.internal;

import cn.tongban.calendar.CalendarService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records the day the county decides a 低保 case ({@code confirmationDate}, ISO yyyy-MM-dd, in the calendar's
 * zone): the allowance is paid from the month after it.
 */
@Component("dibaoConfirmationDate")
class DibaoConfirmationDateListener implements ExecutionListener {

    private final CalendarService calendar;

    DibaoConfirmationDateListener(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.current().zone());
        execution.setVariable("confirmationDate", today.toString());
    }
}
