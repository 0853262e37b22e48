package cn.tongban.review.internal;

import cn.tongban.calendar.CalendarDay;
import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.catalog.Districts;
import cn.tongban.sla.Deadlines;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 网上预约: checks the couple's appointment and takes a place of the chosen half day at the chosen office.
 * An appointment must be for a working day (offices are closed on days off), at least one day ahead, in a year
 * whose holiday arrangement is published. A refusal is a BPMN error whose message, in Chinese, says why:
 * {@value #INVALID} for a request that breaks a rule, {@value #FULL} for a half day without a free place.
 * <p>
 * Sets {@code appointmentEndsAt} (end of the half day: the no-show timer) and the case deadline: the
 * same-day commitment runs on the appointment day, so {@code caseDeadline} is that day's end of business.
 */
@Component("appointmentBook")
class AppointmentBook implements JavaDelegate {

    static final String INVALID = "MARRIAGE_APPOINTMENT_INVALID";
    static final String FULL = "MARRIAGE_APPOINTMENT_FULL";
    private static final String APPOINTMENT_ENDS_AT = "appointmentEndsAt";

    private final MarriageAppointments appointments;
    private final CalendarService calendars;
    private final Districts districts;
    private final MarriageOfficeProperties offices;

    AppointmentBook(MarriageAppointments appointments, CalendarService calendars, Districts districts,
                    MarriageOfficeProperties offices) {
        this.appointments = appointments;
        this.calendars = calendars;
        this.districts = districts;
        this.offices = offices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkingDayCalendar calendar = calendars.current();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        AppointmentRequest request = AppointmentRequest.read(execution, districts);
        List<String> problems = new ArrayList<>(request.problems());
        if (request.slot() != null) {
            problems.addAll(dayProblems(calendar, request.slot().date(), now));
        }
        if (!problems.isEmpty()) {
            throw new BpmnError(INVALID, String.join("；", problems));
        }
        AppointmentSlot slot = request.slot();
        if (!appointments.book(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), slot,
                offices.capacityOf(slot.office()), now)) {
            throw new BpmnError(FULL, slot.date() + (slot.halfDay() == HalfDay.AM ? "上午" : "下午")
                    + "的预约已满，请改约其他时段");
        }
        Instant ends = slot.halfDay() == HalfDay.AM
                ? ZonedDateTime.of(slot.date(), offices.morningEnds(), calendar.zone()).toInstant()
                : calendar.endOfBusiness(slot.date()).toInstant();
        execution.setVariable(APPOINTMENT_ENDS_AT, Date.from(ends));
        // the day is a working day of a published year (checked above), so its end of business is final
        execution.setVariable(Deadlines.CASE_DEADLINE, Date.from(calendar.endOfBusiness(slot.date()).toInstant()));
        execution.setVariable(Deadlines.CASE_DEADLINE_PROVISIONAL, false);
    }

    private static List<String> dayProblems(WorkingDayCalendar calendar, LocalDate date, Instant now) {
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        if (!date.isAfter(today)) {
            return List.of("须至少提前一天预约，最早可约" + today.plusDays(1));
        }
        CalendarDay day = calendar.day(date);
        if (day.provisional()) {
            return List.of(date.getYear() + "年的节假日安排尚未公布，暂不能预约该日");
        }
        if (!day.workingDay()) {
            String why = day.holiday() != null ? day.holiday() + "放假" : "周末";
            return List.of(date + "为" + why + "，婚姻登记机关不办公");
        }
        return List.of();
    }
}
