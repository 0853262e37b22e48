package cn.tongban.review.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.catalog.District;
import cn.tongban.catalog.Districts;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 编制结婚证字号: gives the case the number of its marriage certificate, {@code certificateNumber}:
 * "J" (结婚), the office code, the year of registration and a six-digit serial of the office's year,
 * e.g. J4101052023000001. The office code is the district's six-digit administrative-division code; a functional
 * zone, which has none, uses its district code in capitals.
 */
@Component("certificateNumbering")
class CertificateNumbering implements JavaDelegate {

    private static final String CERTIFICATE_NUMBER = "certificateNumber";

    private final MarriageCertificateSequence sequence;
    private final Districts districts;
    private final CalendarService calendars;

    CertificateNumbering(MarriageCertificateSequence sequence, Districts districts, CalendarService calendars) {
        this.sequence = sequence;
        this.districts = districts;
        this.calendars = calendars;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String districtCode = (String) execution.getVariable("district");
        District district = districts.find(districtCode).orElseThrow(() -> new IllegalStateException(
                "case " + execution.getProcessBusinessKey() + " names an unknown district: " + districtCode));
        String office = district.divisionCode() != null ? district.divisionCode()
                : district.code().toUpperCase(Locale.ROOT);
        int year = ClockUtil.getCurrentTime().toInstant().atZone(calendars.current().zone()).getYear();
        int serial = sequence.next(office, year);
        execution.setVariable(CERTIFICATE_NUMBER, "J%s%d%06d".formatted(office, year, serial));
    }
}
