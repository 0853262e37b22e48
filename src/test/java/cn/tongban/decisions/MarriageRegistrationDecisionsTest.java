package cn.tongban.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 婚姻登记: rule period by date and eligibility of processes/marriage-registration-eligibility.dmn. */
class MarriageRegistrationDecisionsTest {

    static final String FILE = "processes/marriage-registration-eligibility.dmn";
    static final DecisionModel MODEL = DecisionModel.load(FILE);

    /** A couple meeting every substantive condition, registering away from both hukou places, no residence permit. */
    static Vars couple(String registrationDate) {
        return Vars.of(
                "registrationDate", registrationDate,
                "hasIdCard", true,
                "signedDeclaration", true,
                "partyAMeetsLegalAge", true,
                "partyBMeetsLegalAge", true,
                "eitherPartyMarried", false,
                "prohibitedKinship", false,
                "hukouBooksPresented", true,
                "registeringOfficeIsHukouPlace", false,
                "officeInPilotRegion", false,
                "residencePermitWhereRegistering", false);
    }

    static Vars withResidencePermitInTrialRegion(String registrationDate) {
        return couple(registrationDate).with("officeInPilotRegion", true).with("residencePermitWhereRegistering", true);
    }

    static RuleCase eligibility(String name, Vars inputs, String rule, boolean eligible, String period, String reasonCode) {
        return new RuleCase(name, "marriageEligibility", inputs, rule,
                Map.of("eligible", eligible, "rulePeriod", period, "reasonCode", reasonCode));
    }

    static RuleCase period(String date, String rule, String period) {
        return new RuleCase(date, "marriageRulePeriod", Vars.of("registrationDate", date), rule, Map.of("rulePeriod", period));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                period("2003-10-01", "period-pre-2021", "pre-2021"),
                period("2021-05-31", "period-pre-2021", "pre-2021"),
                period("2021-06-01", "period-pilot-2021", "pilot-2021"),
                period("2023-05-31", "period-pilot-2021", "pilot-2021"),
                period("2023-06-01", "period-expansion-2023", "expansion-2023"),
                period("2025-05-09", "period-expansion-2023", "expansion-2023"),
                period("2025-05-10", "period-nationwide-2025", "nationwide-2025"),
                period("2031-12-31", "period-nationwide-2025", "nationwide-2025"),

                eligibility("未出具身份证", couple("2025-06-01").with("hasIdCard", false),
                        "marriage-no-id-card", false, "nationwide-2025", "NO_ID_CARD"),
                eligibility("未签署声明", couple("2025-06-01").with("signedDeclaration", false),
                        "marriage-no-declaration", false, "nationwide-2025", "NO_SIGNED_DECLARATION"),
                eligibility("一方未达婚龄", couple("2025-06-01").with("partyAMeetsLegalAge", false),
                        "marriage-party-a-under-age", false, "nationwide-2025", "UNDER_LEGAL_AGE"),
                eligibility("另一方未达婚龄", couple("2022-06-01").with("partyBMeetsLegalAge", false),
                        "marriage-party-b-under-age", false, "pilot-2021", "UNDER_LEGAL_AGE"),
                eligibility("一方已有配偶", couple("2025-06-01").with("eitherPartyMarried", true),
                        "marriage-already-married", false, "nationwide-2025", "ALREADY_MARRIED"),
                eligibility("禁止结婚的亲属", couple("2020-01-01").with("prohibitedKinship", true),
                        "marriage-prohibited-kinship", false, "pre-2021", "PROHIBITED_KINSHIP"),
                eligibility("2025-05-09 无户口簿", couple("2025-05-09").with("hukouBooksPresented", false)
                                .with("registeringOfficeIsHukouPlace", true),
                        "marriage-no-hukou-book", false, "expansion-2023", "NO_HUKOU_BOOK"),
                eligibility("2025-05-10 无户口簿、非户籍地也可", couple("2025-05-10").with("hukouBooksPresented", false),
                        "marriage-nationwide", true, "nationwide-2025", "ANY_OFFICE_NATIONWIDE"),
                eligibility("2021-05-31 户籍地", couple("2021-05-31").with("registeringOfficeIsHukouPlace", true),
                        "marriage-pre-2021-hukou-place", true, "pre-2021", "HUKOU_PLACE_OFFICE"),
                eligibility("2021-05-31 持居住证仍须回户籍地", withResidencePermitInTrialRegion("2021-05-31"),
                        "marriage-pre-2021-other-office", false, "pre-2021", "NOT_HUKOU_PLACE_OFFICE"),
                eligibility("2021-06-01 试点地区持居住证", withResidencePermitInTrialRegion("2021-06-01"),
                        "marriage-pilot-residence-permit", true, "pilot-2021", "RESIDENCE_PERMIT_OFFICE"),
                eligibility("2022-03-15 户籍地", couple("2022-03-15").with("registeringOfficeIsHukouPlace", true),
                        "marriage-pilot-hukou-place", true, "pilot-2021", "HUKOU_PLACE_OFFICE"),
                eligibility("2023-05-31 持居住证但不在试点地区", couple("2023-05-31").with("residencePermitWhereRegistering", true),
                        "marriage-pilot-other-office", false, "pilot-2021", "NOT_COMPETENT_OFFICE"),
                eligibility("2023-05-31 试点地区但无居住证", couple("2023-05-31").with("officeInPilotRegion", true),
                        "marriage-pilot-other-office", false, "pilot-2021", "NOT_COMPETENT_OFFICE"),
                eligibility("2023-06-01 扩大地区持居住证", withResidencePermitInTrialRegion("2023-06-01"),
                        "marriage-expansion-residence-permit", true, "expansion-2023", "RESIDENCE_PERMIT_OFFICE"),
                eligibility("2024-02-14 户籍地", couple("2024-02-14").with("registeringOfficeIsHukouPlace", true),
                        "marriage-expansion-hukou-place", true, "expansion-2023", "HUKOU_PLACE_OFFICE"),
                eligibility("2025-05-09 非户籍地、无居住证", couple("2025-05-09"),
                        "marriage-expansion-other-office", false, "expansion-2023", "NOT_COMPETENT_OFFICE"),
                eligibility("2025-05-10 非户籍地、无居住证", couple("2025-05-10"),
                        "marriage-nationwide", true, "nationwide-2025", "ANY_OFFICE_NATIONWIDE"));
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
    void eligibilityTakesItsPeriodFromTheRequiredDecision() {
        DecisionModel.Evaluation evaluation = MODEL.evaluate("marriageEligibility", couple("2023-06-01").asMap());
        assertThat(evaluation.matchedRules()).containsEntry("marriageRulePeriod", java.util.List.of("period-expansion-2023"));
    }

    @ParameterizedTest(name = "{0} as a LocalDate")
    @CsvSource({"2023-05-31, pilot-2021", "2023-06-01, expansion-2023"})
    void registrationDateMayAlsoBeADateValue(LocalDate date, String period) {
        Map<String, Object> inputs = couple(null).with("registrationDate", date).asMap();
        assertThat(MODEL.evaluate("marriageEligibility", inputs).single()).containsEntry("rulePeriod", period);
    }
}
