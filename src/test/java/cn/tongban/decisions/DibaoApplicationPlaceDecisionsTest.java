package cn.tongban.decisions;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 低保申请受理地: where an application made here is handled, by processes/minimum-living-allowance-application-place.dmn
 * — here, or handed to the hukou authority (跨省通办) when the household's members live apart (art. 4 and 5 of the
 * national review rules).
 */
class DibaoApplicationPlaceDecisionsTest {

    static final String FILE = "processes/minimum-living-allowance-application-place.dmn";
    static final DecisionModel MODEL = DecisionModel.load(FILE);

    static Vars household(boolean applicantLocal, boolean oneProvince, boolean memberLocal, boolean memberMatches) {
        return Vars.of("applicantHukouLocal", applicantLocal, "householdHukouOneProvince", oneProvince,
                "memberHukouAndResidenceLocal", memberLocal, "memberHukouMatchesResidence", memberMatches);
    }

    static RuleCase place(String name, Vars inputs, String rule, String route, String reasonCode) {
        return new RuleCase(name, "dibaoApplicationPlace", inputs, rule,
                Map.of("route", route, "reasonCode", reasonCode));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                place("申请人户籍在本地，全家同省", household(true, true, true, true),
                        "place-applicant-hukou-here", "LOCAL", "APPLICANT_HUKOU_HERE"),
                place("申请人户籍在本地，家庭成员分居两省", household(true, false, true, true),
                        "place-applicant-hukou-here", "LOCAL", "APPLICANT_HUKOU_HERE"),
                place("全家户籍都在外省同一省", household(false, true, false, true),
                        "place-household-hukou-elsewhere", "HUKOU_AUTHORITY", "HOUSEHOLD_HUKOU_ELSEWHERE"),
                place("分居两省，另一成员户籍和居住地都在本地", household(false, false, true, true),
                        "place-member-hukou-and-residence-here", "LOCAL", "MEMBER_HUKOU_AND_RESIDENCE_HERE"),
                place("分居两省，户籍与居住地一致的成员在外省", household(false, false, false, true),
                        "place-member-hukou-and-residence-elsewhere", "HUKOU_AUTHORITY",
                        "MEMBER_HUKOU_AND_RESIDENCE_ELSEWHERE"),
                place("分居两省，无人户籍地与居住地一致", household(false, false, false, false),
                        "place-any-member-hukou", "HUKOU_AUTHORITY", "ANY_MEMBER_HUKOU"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applicationPlace(RuleCase ruleCase) {
        ruleCase.verify(MODEL);
    }

    @Test
    void everyRuleIsHitByACase() {
        RuleCase.assertEveryRuleIsHit(FILE, cases());
    }
}
