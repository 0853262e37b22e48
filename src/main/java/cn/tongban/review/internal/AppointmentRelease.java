package cn.tongban.review.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 释放号源: gives the case's place back to its half day, so another couple may book it. */
@Component("appointmentRelease")
class AppointmentRelease implements JavaDelegate {

    private final MarriageAppointments appointments;

    AppointmentRelease(MarriageAppointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appointments.release(execution.getProcessInstanceId(), ClockUtil.getCurrentTime().toInstant());
    }
}
