package cn.tongban.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 最低生活保障: eligibility table, amount and payment start of processes/minimum-living-allowance-eligibility.dmn. */
class MinimumLivingAllowanceDecisionsTest {

    static final String FILE = "processes/minimum-living-allowance-eligibility.dmn";
    static final DecisionModel MODEL = DecisionModel.load(FILE);

    /** Three members, 1500 yuan a month (500 per head) against a 750 standard: a clear full-household case. */
    static Vars household() {
        return Vars.of(
                "householdAssetsOverLimit", false,
                "hasExcludedProperty", false,
                "householdMonthlyIncome", 1500.00,
                "householdMembers", 3,
                "localStandard", 750.00,
                "borderlineFactor", 1.5,
                "singlePersonCase", false,
                "applicantDisabilityGrade", null,
                "applicantDisabilityCategory", null,
                "applicantSeriouslyIll", false,
                "keyGroupSupplement", 100.00,
                "keyGroupMembers", 0,
                "applicantMonthlyIncome", null);
    }

    /** Two members, 2000 yuan a month (1000 per head): above the 750 standard, below 1.5 × 750 = 1125. */
    static Vars borderlineApplicant() {
        return household()
                .with("householdMonthlyIncome", 2000.00)
                .with("householdMembers", 2)
                .with("singlePersonCase", true)
                .with("applicantDisabilityGrade", 1)
                .with("applicantDisabilityCategory", "PHYSICAL")
                .with("applicantMonthlyIncome", 300.00);
    }

    static RuleCase eligibility(String name, Vars inputs, String rule, boolean eligible, String category, String reasonCode) {
        return new RuleCase(name, "dibaoEligibility", inputs, rule,
                Map.of("eligible", eligible, "category", category, "reasonCode", reasonCode));
    }

    static Stream<RuleCase> eligibilityCases() {
        return Stream.of(
                eligibility("财产超标，收入再低也不纳入", household().with("householdAssetsOverLimit", true),
                        "dibao-assets-over-limit", false, "NONE", "ASSETS_OVER_LIMIT"),
                eligibility("单人保同样受财产条件约束", borderlineApplicant().with("householdAssetsOverLimit", true),
                        "dibao-assets-over-limit", false, "NONE", "ASSETS_OVER_LIMIT"),
                eligibility("拥有不得纳入的财产", household().with("hasExcludedProperty", true),
                        "dibao-excluded-property", false, "NONE", "EXCLUDED_PROPERTY"),
                eligibility("人均 500 元，低于标准", household(),
                        "dibao-household-below-standard", true, "FULL_HOUSEHOLD", "HOUSEHOLD_INCOME_BELOW_STANDARD"),
                eligibility("人均 749.99 元，比标准低一分", household().with("householdMonthlyIncome", 2249.97),
                        "dibao-household-below-standard", true, "FULL_HOUSEHOLD", "HOUSEHOLD_INCOME_BELOW_STANDARD"),
                eligibility("人均恰好等于标准不符合", household().with("householdMonthlyIncome", 2250.00),
                        "dibao-income-not-below-standard", false, "NONE", "INCOME_NOT_BELOW_STANDARD"),
                eligibility("人均远高于标准", household().with("householdMonthlyIncome", 9000.00),
                        "dibao-income-not-below-standard", false, "NONE", "INCOME_NOT_BELOW_STANDARD"),
                eligibility("申请单人保但全户已低于标准，按全户纳入", borderlineApplicant().with("householdMonthlyIncome", 1400.00),
                        "dibao-household-below-standard", true, "FULL_HOUSEHOLD", "HOUSEHOLD_INCOME_BELOW_STANDARD"),
                eligibility("单人保：人均恰好 1.5 倍，不属于边缘家庭", borderlineApplicant().with("householdMonthlyIncome", 2250.00),
                        "dibao-single-not-borderline", false, "NONE", "NOT_BORDERLINE_HOUSEHOLD"),
                eligibility("单人保：人均 1124.99 元，二级残疾", borderlineApplicant()
                                .with("householdMonthlyIncome", 2249.98).with("applicantDisabilityGrade", 2),
                        "dibao-single-severe-disability", true, "SINGLE_PERSON", "SINGLE_SEVERE_DISABILITY"),
                eligibility("单人保：人均恰好等于标准，一级残疾", borderlineApplicant().with("householdMonthlyIncome", 1500.00),
                        "dibao-single-severe-disability", true, "SINGLE_PERSON", "SINGLE_SEVERE_DISABILITY"),
                eligibility("单人保：三级智力残疾", borderlineApplicant()
                                .with("applicantDisabilityGrade", 3).with("applicantDisabilityCategory", "INTELLECTUAL"),
                        "dibao-single-intellectual-mental-grade-3", true, "SINGLE_PERSON", "SINGLE_INTELLECTUAL_MENTAL_GRADE_3"),
                eligibility("单人保：三级精神残疾", borderlineApplicant()
                                .with("applicantDisabilityGrade", 3).with("applicantDisabilityCategory", "MENTAL"),
                        "dibao-single-intellectual-mental-grade-3", true, "SINGLE_PERSON", "SINGLE_INTELLECTUAL_MENTAL_GRADE_3"),
                eligibility("单人保：三级肢体残疾且患重病", borderlineApplicant()
                                .with("applicantDisabilityGrade", 3).with("applicantSeriouslyIll", true),
                        "dibao-single-serious-illness", true, "SINGLE_PERSON", "SINGLE_SERIOUS_ILLNESS"),
                eligibility("单人保：无残疾，患重病", borderlineApplicant()
                                .with("applicantDisabilityGrade", null).with("applicantDisabilityCategory", null)
                                .with("applicantSeriouslyIll", true),
                        "dibao-single-serious-illness", true, "SINGLE_PERSON", "SINGLE_SERIOUS_ILLNESS"),
                eligibility("单人保：三级肢体残疾，无重病", borderlineApplicant().with("applicantDisabilityGrade", 3),
                        "dibao-single-not-qualifying", false, "NONE", "SINGLE_PERSON_NOT_QUALIFYING"),
                eligibility("单人保：四级智力残疾，无重病", borderlineApplicant()
                                .with("applicantDisabilityGrade", 4).with("applicantDisabilityCategory", "INTELLECTUAL"),
                        "dibao-single-not-qualifying", false, "NONE", "SINGLE_PERSON_NOT_QUALIFYING"),
                eligibility("边缘倍数取自输入：标准 800、倍数 2，人均 1500 属边缘家庭", borderlineApplicant()
                                .with("localStandard", 800.00).with("borderlineFactor", 2.0)
                                .with("householdMonthlyIncome", 3000.00),
                        "dibao-single-severe-disability", true, "SINGLE_PERSON", "SINGLE_SEVERE_DISABILITY"),
                eligibility("同一家庭按 1.5 倍不属边缘家庭", borderlineApplicant()
                                .with("localStandard", 800.00).with("householdMonthlyIncome", 3000.00),
                        "dibao-single-not-borderline", false, "NONE", "NOT_BORDERLINE_HOUSEHOLD"),
                eligibility("标准取自输入：标准 800 时人均 760 元符合", household()
                                .with("localStandard", 800.00).with("householdMonthlyIncome", 2280.00),
                        "dibao-household-below-standard", true, "FULL_HOUSEHOLD", "HOUSEHOLD_INCOME_BELOW_STANDARD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibilityCases")
    void eligibility(RuleCase ruleCase) {
        ruleCase.verify(MODEL);
    }

    @Test
    void everyRuleOfTheEligibilityTableIsHitByACase() {
        RuleCase.assertEveryRuleIsHit(FILE, eligibilityCases());
    }

    @Test
    void fullHouseholdGetsTheGapPlusTheSupplementForEachKeyGroupMember() {
        // 750 × 3 − 1500 + 100 × 1
        assertThat(amount(household().with("keyGroupMembers", 1))).isEqualTo(850.00);
    }

    @Test
    void amountKeepsFen() {
        // 750 × 3 − 1234.56 + 100 × 2
        assertThat(amount(household().with("householdMonthlyIncome", 1234.56).with("keyGroupMembers", 2)))
                .isEqualTo(1215.44);
    }

    @Test
    void amountRoundsHalfUpToTheFen() {
        // 2250 − 1234.575 = 1015.425: half up gives .43 (banker's rounding would give .42)
        assertThat(amount(household().with("householdMonthlyIncome", 1234.575))).isEqualTo(1015.43);
    }

    @Test
    void amountUsesTheStandardAndSupplementItIsGiven() {
        // 800 × 3 − 1500 + 120 × 1
        assertThat(amount(household().with("localStandard", 800.00).with("keyGroupSupplement", 120.00)
                .with("keyGroupMembers", 1))).isEqualTo(1020.00);
    }

    @Test
    void singlePersonIsCountedAsOneMemberWithTheirOwnIncomeAndOneSupplement() {
        // 750 − 300 + 100; household income and keyGroupMembers play no part
        assertThat(amount(borderlineApplicant().with("keyGroupMembers", 2))).isEqualTo(550.00);
    }

    @Test
    void singlePersonWithOwnIncomeAboveTheStandardGetsOnlyTheSupplement() {
        assertThat(amount(borderlineApplicant().with("applicantMonthlyIncome", 900.00))).isEqualTo(100.00);
    }

    @Test
    void ineligibleHouseholdGetsNothing() {
        assertThat(amount(household().with("householdMonthlyIncome", 2250.00).with("keyGroupMembers", 2)))
                .isEqualTo(0.0);
    }

    @Test
    void amountIsDecidedOnTheEligibilityItRequires() {
        DecisionModel.Evaluation evaluation = MODEL.evaluate("dibaoAmount", household().asMap());
        assertThat(evaluation.matchedRules()).containsEntry("dibaoEligibility",
                java.util.List.of("dibao-household-below-standard"));
    }

    @ParameterizedTest(name = "决定日 {0} → 自 {1} 起发放")
    @CsvSource({
            "2025-01-31, 2025-02",
            "2025-02-01, 2025-03",
            "2024-12-15, 2025-01",
            "2024-02-29, 2024-03"})
    void paymentStartsTheMonthAfterTheConfirmationDecision(String confirmationDate, String startMonth) {
        String month = MODEL.evaluate("dibaoPaymentStartMonth", Vars.of("confirmationDate", confirmationDate).asMap())
                .singleEntry();
        assertThat(month).isEqualTo(startMonth);
    }

    private static Double amount(Vars inputs) {
        return MODEL.evaluate("dibaoAmount", inputs.asMap()).singleEntry();
    }
}
