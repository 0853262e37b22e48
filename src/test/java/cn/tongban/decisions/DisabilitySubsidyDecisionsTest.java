package cn.tongban.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 残疾人两项补贴: living subsidy, care subsidy and payment start of processes/disability-subsidies.dmn. */
class DisabilitySubsidyDecisionsTest {

    static final String FILE = "processes/disability-subsidies.dmn";
    static final DecisionModel MODEL = DecisionModel.load(FILE);

    /** A certificate holder in a 低保 household, grade 1, needing care for a year, with no other benefit. */
    static Vars applicant() {
        return Vars.of(
                "holdsValidDisabilityCertificate", true,
                "receivesExtremePovertySupport", false,
                "receivesOrphanBasicLiving", false,
                "receivesSimilarLivingAllowance", false,
                "inDibaoHousehold", true,
                "inLowIncomeHousehold", false,
                "livingSubsidyCoversLowIncome", false,
                "disabilityGrade", 1,
                "longTermCareMonths", 12,
                "careFundedByInstitution", false,
                "receivesSimilarCareAllowance", false);
    }

    static RuleCase living(String name, Vars inputs, String rule, boolean eligible, String reasonCode) {
        return new RuleCase(name, "livingSubsidy", inputs, rule, Map.of("eligible", eligible, "reasonCode", reasonCode));
    }

    static RuleCase care(String name, Vars inputs, String rule, boolean eligible, String reasonCode) {
        return new RuleCase(name, "careSubsidy", inputs, rule, Map.of("eligible", eligible, "reasonCode", reasonCode));
    }

    static Stream<RuleCase> cases() {
        Vars notDibao = applicant().with("inDibaoHousehold", false);
        return Stream.of(
                living("未持有效残疾人证", applicant().with("holdsValidDisabilityCertificate", false),
                        "living-no-certificate", false, "NO_VALID_CERTIFICATE"),
                living("已纳入特困供养", applicant().with("receivesExtremePovertySupport", true),
                        "living-extreme-poverty", false, "EXTREME_POVERTY_SUPPORTED"),
                living("享受孤儿基本生活保障", applicant().with("receivesOrphanBasicLiving", true),
                        "living-orphan", false, "ORPHAN_BASIC_LIVING"),
                living("已领同类生活补贴", applicant().with("receivesSimilarLivingAllowance", true),
                        "living-similar-allowance", false, "SIMILAR_ALLOWANCE_RECEIVED"),
                living("低保家庭持证残疾人，四级也可", applicant().with("disabilityGrade", 4),
                        "living-dibao-household", true, "DIBAO_HOUSEHOLD"),
                living("低收入家庭，当地已扩大覆盖", notDibao.with("inLowIncomeHousehold", true)
                                .with("livingSubsidyCoversLowIncome", true),
                        "living-low-income-extended", true, "LOW_INCOME_EXTENDED"),
                living("低收入家庭，当地未扩大覆盖", notDibao.with("inLowIncomeHousehold", true),
                        "living-not-covered", false, "NOT_IN_COVERED_GROUP"),
                living("非低保、非低收入家庭", notDibao.with("livingSubsidyCoversLowIncome", true),
                        "living-not-covered", false, "NOT_IN_COVERED_GROUP"),

                care("未持有效残疾人证", applicant().with("holdsValidDisabilityCertificate", false),
                        "care-no-certificate", false, "NO_VALID_CERTIFICATE"),
                care("二级、照护恰好 6 个月", applicant().with("disabilityGrade", 2).with("longTermCareMonths", 6),
                        "care-severe-long-term", true, "SEVERE_LONG_TERM_CARE"),
                care("一级、照护 12 个月，非低保家庭也可", applicant().with("inDibaoHousehold", false),
                        "care-severe-long-term", true, "SEVERE_LONG_TERM_CARE"),
                care("三级不属重度", applicant().with("disabilityGrade", 3).with("longTermCareMonths", 6),
                        "care-grade-not-severe", false, "GRADE_NOT_SEVERE"),
                care("四级不属重度", applicant().with("disabilityGrade", 4),
                        "care-grade-not-severe", false, "GRADE_NOT_SEVERE"),
                care("一级、照护 5 个月", applicant().with("longTermCareMonths", 5),
                        "care-need-under-six-months", false, "CARE_NEED_UNDER_SIX_MONTHS"),
                care("照护费用已由机构承担", applicant().with("disabilityGrade", 2).with("careFundedByInstitution", true),
                        "care-funded-by-institution", false, "CARE_ALREADY_FUNDED"),
                care("已领同类护理补贴", applicant().with("receivesSimilarCareAllowance", true),
                        "care-similar-allowance", false, "SIMILAR_ALLOWANCE_RECEIVED"),
                care("特困供养人员仍可享受护理补贴", applicant().with("receivesExtremePovertySupport", true),
                        "care-severe-long-term", true, "SEVERE_LONG_TERM_CARE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(RuleCase ruleCase) {
        ruleCase.verify(MODEL);
    }

    @Test
    void everyRuleOfBothTablesIsHitByACase() {
        RuleCase.assertEveryRuleIsHit(FILE, cases());
    }

    @Test
    void onePersonCanHoldBothSubsidies() {
        Map<String, Object> person = applicant().asMap();
        assertThat(MODEL.evaluate("livingSubsidy", person).single()).containsEntry("eligible", true);
        assertThat(MODEL.evaluate("careSubsidy", person).single()).containsEntry("eligible", true);
    }

    @Test
    void disabledOrphanIsRefusedTheLivingSubsidyButGetsTheCareSubsidy() {
        Map<String, Object> orphan = applicant().with("inDibaoHousehold", false).with("receivesOrphanBasicLiving", true).asMap();
        assertThat(MODEL.evaluate("livingSubsidy", orphan).single()).containsEntry("eligible", false);
        assertThat(MODEL.evaluate("careSubsidy", orphan).single()).containsEntry("eligible", true);
    }

    @ParameterizedTest(name = "受理日 {0} → 自 {1} 起计发")
    @CsvSource({
            "2025-03-01, 2025-03",
            "2025-03-31, 2025-03",
            "2025-04-01, 2025-04",
            "2024-12-31, 2024-12"})
    void paymentStartsInTheMonthTheApplicationWasAccepted(String acceptedOn, String startMonth) {
        String month = MODEL.evaluate("subsidyPaymentStartMonth", Vars.of("applicationAcceptedDate", acceptedOn).asMap())
                .singleEntry();
        assertThat(month).isEqualTo(startMonth);
    }
}
