package cn.tongban.intake;

import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.testsupport.SampleApplications;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Valid start-form data of each service, as the process tests of the models use it. */
final class ApplicationData {

    static final String DIBAO = "minimum-living-allowance";
    static final String DISABILITY = "disability-subsidies";
    static final String MARRIAGE = "marriage-registration";

    private ApplicationData() {
    }

    /** A 低保 household of three in Jinshui, one of them in a key group; unknown to the data platform. */
    static Map<String, Object> dibao() {
        Map<String, Object> data = new LinkedHashMap<>(SampleApplications.minimumLivingAllowance());
        data.put("applicantEmail", "zhangsan@example.com");
        data.put("declaredMonthlyIncome", 1500.5);
        return data;
    }

    /** Both subsidies for a grade-1 certificate holder in a 低保 household, hukou in the city; no e-mail given. */
    static Map<String, Object> disability() {
        Map<String, Object> data = new LinkedHashMap<>(SampleApplications.disabilitySubsidies());
        data.remove("applicantEmail");
        // the intake checks the ID number's check digit (ISO 7064 MOD 11-2)
        data.put("applicantIdNumber", "410105198001011239");
        data.put("applicantPhone", "13800000001");
        data.put("hukouLocal", true);
        data.put("disabilityCertificateNo", "41010519800101123941");
        return data;
    }

    /** A couple booking the Jinshui office on {@code date}, morning. */
    static Map<String, Object> marriage(LocalDate date) {
        Map<String, Object> data = new LinkedHashMap<>(SampleApplications.marriageRegistration(date.toString(), "AM"));
        data.put("applicantEmail", "couple@example.cn");
        data.put("partnerMaritalStatus", "DIVORCED");
        return data;
    }

    /**
     * The first working day after {@code today} in a year whose holidays are published: a marriage office takes
     * appointments from the next day on, and the form refuses past dates by the real clock.
     */
    static Optional<LocalDate> nextOfficeDay(WorkingDayCalendar calendar, LocalDate today) {
        LocalDate day = today.plusDays(1);
        for (int i = 0; i < 20; i++, day = day.plusDays(1)) {
            if (calendar.isLoaded(day.getYear()) && calendar.isWorkingDay(day)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
