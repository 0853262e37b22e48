package cn.tongban.intake;

import cn.tongban.calendar.WorkingDayCalendar;
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", "张三");
        data.put("applicantIdNumber", "410105198808081238");
        data.put("applicantPhone", "13800000001");
        data.put("applicantEmail", "zhangsan@example.com");
        data.put("district", "jinshui");
        data.put("townshipOffice", "文化路街道");
        data.put("householdMembers", 3);
        data.put("keyGroupMembers", 1);
        data.put("declaredMonthlyIncome", 1500.5);
        data.put("declaredAssetsOverLimit", false);
        data.put("declaredExcludedProperty", false);
        data.put("singlePersonCase", false);
        data.put("applicantSeriouslyIll", false);
        return data;
    }

    /** Both subsidies for a grade-1 certificate holder in a 低保 household, hukou in the city; no e-mail given. */
    static Map<String, Object> disability() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", "赵建国");
        data.put("applicantIdNumber", "410105198001011239");
        data.put("applicantPhone", "13800000001");
        data.put("district", "jinshui");
        data.put("townshipOffice", "jingbalu");
        data.put("hukouLocal", true);
        data.put("disabilityCertificateNo", "41010519800101123941");
        data.put("disabilityCategory", "physical");
        data.put("disabilityGrade", 1);
        data.put("subsidiesClaimed", "both");
        data.put("inDibaoHousehold", true);
        data.put("inLowIncomeHousehold", false);
        data.put("longTermCareMonths", 12);
        data.put("receivesExtremePovertySupport", false);
        data.put("receivesOrphanBasicLiving", false);
        data.put("receivesSimilarLivingAllowance", false);
        data.put("receivesSimilarCareAllowance", false);
        data.put("careFundedByInstitution", false);
        return data;
    }

    /** A couple booking the Jinshui office on {@code date}, morning. */
    static Map<String, Object> marriage(LocalDate date) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", "李强");
        data.put("applicantIdNumber", "510107199001010018");
        data.put("applicantPhone", "13912345678");
        data.put("applicantEmail", "couple@example.cn");
        data.put("applicantHukouProvince", "510000");
        data.put("applicantMaritalStatus", "UNMARRIED");
        data.put("partnerName", "陈静");
        data.put("partnerIdNumber", "440106199707210025");
        data.put("partnerPhone", "13712345678");
        data.put("partnerHukouProvince", "440000");
        data.put("partnerMaritalStatus", "DIVORCED");
        data.put("district", "jinshui");
        data.put("appointmentDate", date.toString());
        data.put("appointmentHalfDay", "AM");
        data.put("hasIdCard", true);
        data.put("signedDeclaration", true);
        data.put("hukouBooksPresented", true);
        data.put("registeringOfficeIsHukouPlace", false);
        data.put("residencePermitWhereRegistering", true);
        data.put("prohibitedKinship", false);
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
