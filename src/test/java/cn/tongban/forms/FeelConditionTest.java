package cn.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The FEEL subset, with feelin's answers (form-js 1.8 in the Tasklist) as the expected values. */
class FeelConditionTest {

    private static final Map<String, Object> DATA = data();

    private static Map<String, Object> data() {
        Map<String, Object> data = new HashMap<>();
        data.put("married", true);
        data.put("single", false);
        data.put("status", "married");
        data.put("size", 3);
        data.put("income", 1200.5);
        data.put("nothing", null);
        data.put("applicant", Map.of("type", 2, "name", "张三"));
        data.put("docs", List.of("idCard"));
        data.put("members", List.of(Map.of("age", 70), Map.of("age", 12)));
        return data;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "empty", value = {
            "=married | true",
            "=single | false",
            "=not(married) | false",
            "=not(single) | true",
            "=not(unknown) | empty",
            "=unknown | empty",
            "=status | empty",
            "=status = \"married\" | true",
            "=status = \"single\" | false",
            "=status != \"married\" | false",
            "=unknown = \"married\" | false",
            "=unknown != \"married\" | true",
            "=unknown = null | true",
            "=nothing = null | true",
            "=status = null | false",
            "=size = 3 | true",
            "=size = 3.0 | true",
            "=size = \"3\" | empty",
            "=size != \"3\" | true",
            "=size > 2 | true",
            "=size <= 2 | false",
            "=income >= 1200.5 | true",
            "=income < -1 | false",
            "=unknown > 2 | empty",
            "=status > 2 | empty",
            "=\"b\" > \"a\" | true",
            "=applicant.type = 2 | true",
            "=applicant.name = \"张三\" | true",
            "=applicant.missing.deeper = null | true",
            "=married and size > 2 | true",
            "=married and single | false",
            "=married and unknown | empty",
            "=single and unknown | false",
            "=single or unknown | empty",
            "=married or unknown | true",
            "=single or size = 3 | true",
            "=(single or married) and not(size = 4) | true",
            "=status in (\"married\", \"divorced\") | true",
            "=status in [\"single\"] | false",
            "=applicant.type in (1, 2) | true",
            "=docs = \"idCard\" | true",
            "=members.age = [70, 12] | true",
            "=true | true",
            "=false | false",
            "=null | empty"})
    void evaluatesLikeTheBrowser(String expression, Boolean expected) {
        FeelCondition condition = FeelCondition.parse(expression);
        assertThat(condition.supported()).isTrue();
        assertThat(condition.evaluate(DATA)).isEqualTo(java.util.Optional.ofNullable(expected));
        assertThat(condition.holdsIn(DATA)).isEqualTo(Boolean.TRUE.equals(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=count(members) > 1", "=size + 1 > 2", "=if married then true else false",
            "=some m in members satisfies m.age > 65", "=size between 1 and 4", "=date(\"2024-01-01\") > x",
            "=first name = \"a\"", "=married and", "=(married", "=status = \"unterminated", "married",
            "=", "=a ? b", "=x = @"})
    void unsupportedExpressionsNeverHold(String expression) {
        FeelCondition condition = FeelCondition.parse(expression);
        assertThat(condition.supported()).isFalse();
        assertThat(condition.evaluate(DATA)).isEmpty();
        assertThat(condition.holdsIn(DATA)).isFalse();
        assertThat(condition.text()).isEqualTo(expression);
    }

    @Test
    void constants() {
        assertThat(FeelCondition.ALWAYS.holdsIn(Map.of())).isTrue();
        assertThat(FeelCondition.NEVER.holdsIn(Map.of())).isFalse();
        assertThat(FeelCondition.of(true).constant()).isTrue();
        assertThat(FeelCondition.parse("=married").constant()).isFalse();
    }

    @Test
    void deeplyNestedExpressionsAreUnsupportedNotAStackOverflow() {
        String deep = "=" + "(".repeat(10_000) + "true" + ")".repeat(10_000);
        assertThat(FeelCondition.parse(deep).supported()).isFalse();
    }

    @Test
    void hostileDataIsNoProblem() {
        Object nested = "x";
        for (int i = 0; i < 5_000; i++) {
            nested = List.of(nested, nested);
            if (i > 100) {
                break;
            }
        }
        Map<String, Object> data = Map.of("a", nested, "b", Double.NaN, "c", new Object());
        assertThat(FeelCondition.parse("=a = a").evaluate(data)).isNotNull();
        assertThat(FeelCondition.parse("=b = 1").evaluate(data)).contains(false);
        assertThat(FeelCondition.parse("=c = null").evaluate(data)).contains(true);
    }
}
