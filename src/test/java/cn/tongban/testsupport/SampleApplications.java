package cn.tongban.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Valid start data of the services, for tests that need a case and not a particular applicant. Each call returns
 * a fresh, changeable map with an e-mail address of its own, so mail in the shared GreenMail can be told apart.
 */
public final class SampleApplications {

    /** Held by no household in the demo economic-status data, so the household's own declaration stands. */
    public static final String ID_UNKNOWN_TO_PLATFORM = "410105198808081238";

    private SampleApplications() {
    }

    /** 最低生活保障: a household of three in Jinshui, one member in a key group, declaring 1,500 yuan a month. */
    public static Map<String, Object> minimumLivingAllowance() {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", "张三");
        data.put("applicantIdNumber", ID_UNKNOWN_TO_PLATFORM);
        data.put("applicantPhone", "13800000001");
        data.put("applicantEmail", "allowance-" + UUID.randomUUID() + "@example.cn");
        data.put("district", "jinshui");
        data.put("townshipOffice", "文化路街道");
        data.put("householdMembers", 3);
        data.put("keyGroupMembers", 1);
        data.put("declaredMonthlyIncome", 1500.0);
        data.put("declaredAssetsOverLimit", false);
        data.put("declaredExcludedProperty", false);
        data.put("singlePersonCase", false);
        data.put("applicantSeriouslyIll", false);
        return data;
    }

    /** 残疾人两项补贴: a grade 1 certificate holder in a 低保 household in Jinshui claiming both subsidies. */
    public static Map<String, Object> disabilitySubsidies() {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", "赵建国");
        data.put("applicantIdNumber", "410105198001011234");
        data.put("applicantPhone", "13900000001");
        data.put("applicantEmail", "disability-" + UUID.randomUUID() + "@example.cn");
        data.put("district", "jinshui");
        data.put("townshipOffice", "jingbalu");
        data.put("disabilityCertificateNo", "41010519800101123441");
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

    /** 婚姻登记: an unmarried couple from Sichuan and Guangdong with a residence permit in Jinshui. */
    public static Map<String, Object> marriageRegistration(String appointmentDate, String halfDay) {
        Map<String, Object> couple = new HashMap<>();
        couple.put("applicantName", "李强");
        couple.put("applicantIdNumber", "510107199001010018");
        couple.put("applicantPhone", "13912345678");
        couple.put("applicantEmail", "couple-" + UUID.randomUUID() + "@example.cn");
        couple.put("applicantHukouProvince", "510000");
        couple.put("applicantMaritalStatus", "UNMARRIED");
        couple.put("partnerName", "陈静");
        couple.put("partnerIdNumber", "440106199707210025");
        couple.put("partnerPhone", "13712345678");
        couple.put("partnerHukouProvince", "440000");
        couple.put("partnerMaritalStatus", "UNMARRIED");
        couple.put("district", "jinshui");
        couple.put("appointmentDate", appointmentDate);
        couple.put("appointmentHalfDay", halfDay);
        couple.put("hasIdCard", true);
        couple.put("signedDeclaration", true);
        couple.put("hukouBooksPresented", true);
        couple.put("registeringOfficeIsHukouPlace", false);
        couple.put("residencePermitWhereRegistering", true);
        couple.put("prohibitedKinship", false);
        return couple;
    }
}
