package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.forms.FormComponent.DateTime;
import cn.tongban.forms.FormComponent.Option;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class FormSchemaTest {

    @Test
    void theFixturesTogetherUseEveryComponentType() {
        Set<ComponentType> used = FormTestSupport.fixtures().all().stream()
                .flatMap(form -> form.allComponents().stream()).map(FormComponent::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ComponentType.class)));
        assertThat(used).containsExactlyInAnyOrder(ComponentType.values());
    }

    @Test
    void readsTheFormAndItsComponents() {
        FormDefinition form = fixture("fixture-all-components");
        assertThat(form.source()).isEqualTo("forms-fixtures/all-components.form");
        assertThat(form.schemaVersion()).contains(16);
        assertThat(form.components()).first().extracting(FormComponent::type).isEqualTo(ComponentType.TEXT);

        FormComponent name = field(form, "applicantName");
        assertThat(name.id()).isEqualTo("applicantNameField");
        assertThat(name.label()).isEqualTo("申请人姓名");
        assertThat(name.description()).isEqualTo("与身份证一致");
        assertThat(name.validation().required()).isTrue();
        assertThat(name.validation().minLength()).isEqualTo(2);
        assertThat(name.validation().maxLength()).isEqualTo(20);
        assertThat(name.layout()).isEqualTo(new FormComponent.Layout("Row_name", 8));

        FormComponent income = field(form, "monthlyIncome");
        assertThat(income.numberFormat().decimalDigits()).isEqualTo(2);
        assertThat(income.validation().min()).isEqualByComparingTo("0");
        assertThat(income.presentation().suffixAdorner()).isEqualTo("元");
        assertThat(field(form, "areaSquareMetres").numberFormat().increment()).isEqualByComparingTo("0.5");
        assertThat(field(form, "areaSquareMetres").numberFormat().serializeToString()).isTrue();

        FormComponent time = field(form, "interviewTime");
        assertThat(time.dateTime().subtype()).isEqualTo(DateTime.Subtype.TIME);
        assertThat(time.dateTime().timeFormat()).isEqualTo(DateTime.TimeFormat.UTC_OFFSET);
        assertThat(time.dateTime().timeInterval()).isEqualTo(15);
        assertThat(field(form, "interviewDate").dateTime().disallowPassedDates()).isTrue();
        assertThat(field(form, "appointmentAt").dateTime().timeFormat())
                .isEqualTo(DateTime.TimeFormat.NO_TIMEZONE);

        FormComponent district = field(form, "district");
        assertThat(district.options().values()).extracting(Option::value).containsExactly("jinshui", "erqi");
        assertThat(district.defaultValue()).isEqualTo("jinshui");
        assertThat(field(form, "township").options().fixed()).isFalse();
        assertThat(field(form, "township").options().valuesKey()).isEqualTo("townshipOptions");

        assertThat(field(form, "postcode").validation().pattern()).isEqualTo("^\\d{6}$");
        assertThat(field(form, "contactEmail").validation().validationType())
                .isEqualTo(FormComponent.ValidationType.EMAIL);
        assertThat(field(form, "disabilityCertificate").hide().text()).isEqualTo("=not(hasDisabledMember)");
        assertThat(field(form, "caseOfficer").disabled()).isEqualTo(FeelCondition.ALWAYS);
    }

    @Test
    void readsContainers() {
        FormDefinition form = fixture("fixture-all-components");
        FormComponent members = form.allComponents().stream()
                .filter(c -> c.type() == ComponentType.DYNAMICLIST).findFirst().orElseThrow();
        assertThat(members.path()).isEqualTo("members");
        assertThat(members.repeats()).isTrue();
        assertThat(members.repetition()).isEqualTo(new FormComponent.Repetition(true, 1, true));
        assertThat(members.components()).extracting(FormComponent::key)
                .containsExactly("name", "idNumber", "relation", "relationNote", "monthlyIncome");

        FormDefinition household = fixture("fixture-household");
        FormComponent spouse = household.allComponents().stream()
                .filter(c -> "spouse".equals(c.path())).findFirst().orElseThrow();
        assertThat(spouse.repeats()).as("isRepeating false: a group with a path").isFalse();
        FormComponent households = household.allComponents().stream()
                .filter(c -> "households".equals(c.path())).findFirst().orElseThrow();
        assertThat(households.repetition().defaultRepetitions()).isZero();
        assertThat(field(household, "applicant.hukouType").options().values()).extracting(Option::value)
                .containsExactly(1L, 2L);
        assertThat(field(household, "groups").options().values())
                .containsExactly(new Option("elderly", "elderly"), new Option("minor", "minor"));
        assertThat(field(household, "note").readonly().text()).isEqualTo("=applicant.hukouType = 1");
    }

    @Test
    void dynamicListDefaultsAreThoseFormJsFillsIn() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [{"type": "dynamiclist", "path": "rows",
                  "components": [{"type": "textfield", "key": "a"}]}]}""");
        FormComponent list = form.components().get(0);
        assertThat(list.repetition()).isEqualTo(new FormComponent.Repetition(true, 1, true));
        assertThat(list.presentation().showOutline()).isTrue();
    }

    @Test
    void limitsWrittenAsFeelAreLeftToTheBrowser() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [
                  {"type": "textfield", "key": "a", "validate": {"minLength": "=min", "maxLength": 5}},
                  {"type": "number", "key": "n", "increment": "=step",
                   "validate": {"min": "=low", "max": "100.5"}}]}""");
        assertThat(form.components().get(0).validation().minLength()).isNull();
        assertThat(form.components().get(0).validation().maxLength()).isEqualTo(5);
        assertThat(form.components().get(1).validation().min()).isNull();
        assertThat(form.components().get(1).validation().max()).isEqualByComparingTo(new BigDecimal("100.5"));
        assertThat(form.components().get(1).numberFormat().increment()).isNull();
    }

    @Test
    void unknownPropertiesOfTheModelerAreIgnored() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "versionTag": "1", "generator": {"name": "x"}, "components": [
                  {"type": "textfield", "key": "a", "properties": {"custom": "yes"}, "future": 1}]}""");
        assertThat(form.fields()).hasSize(1);
    }

    @Test
    void aBrokenFileNamesEachFault() {
        FormSchemaException e = catchThrowableOfType(FormSchemaException.class, () -> FormRegistry.load(
                new PathMatchingResourcePatternResolver(), "classpath*:forms-broken/*.form"));
        assertThat(e.problems()).extracting(FormSchemaException.Problem::source)
                .containsOnly("forms-broken/broken.form", "forms-broken/not-json.form");
        assertThat(e.getMessage())
                .contains("forms-broken/broken.form: components[1] \"name\" key: \"name\" is already bound")
                .contains("forms-broken/broken.form: components[2] type: \"html\"")
                .contains("forms-broken/broken.form: components[3] \"code\" validate.pattern: \"(unclosed\"")
                .contains("forms-broken/broken.form: components[4] \"choice\" values: a choice needs values")
                .contains("forms-broken/not-json.form: line ")
                .contains("not valid JSON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no id | {\"components\": []} | id: is required",
            "not an object | [] | must be a JSON object",
            "unknown type | {\"id\": \"f\", \"components\": [{\"type\": \"filepicker\"}]} | not a component type of form-js 1.8",
            "browser only | {\"id\": \"f\", \"components\": [{\"type\": \"expression\", \"key\": \"x\"}]} | not supported by the server-side forms",
            "no key | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\"}]} | key: is required",
            "bad key | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a b\"}]} | key: is required",
            "key under a field | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\"}, {\"type\": \"textfield\", \"key\": \"a.b\"}]} | already bound",
            "list path twice | {\"id\": \"f\", \"components\": [{\"type\": \"dynamiclist\", \"path\": \"m\"}, {\"type\": \"dynamiclist\", \"path\": \"m\"}]} | already bound",
            "list without path | {\"id\": \"f\", \"components\": [{\"type\": \"dynamiclist\"}]} | path: is required",
            "duplicate id | {\"id\": \"f\", \"components\": [{\"type\": \"text\", \"id\": \"t\"}, {\"type\": \"separator\", \"id\": \"t\"}]} | is used by another component",
            "duplicate property | {\"id\": \"f\", \"id\": \"g\"} | not valid JSON",
            "label type | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"label\": 1}]} | label: must be text",
            "required type | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"required\": \"yes\"}}]} | required: must be true or false",
            "pattern on number | {\"id\": \"f\", \"components\": [{\"type\": \"number\", \"key\": \"a\", \"validate\": {\"pattern\": \"x\"}}]} | apply to text only",
            "validation type | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"validationType\": \"iban\"}}]} | must be email, phone or custom",
            "subtype | {\"id\": \"f\", \"components\": [{\"type\": \"datetime\", \"key\": \"a\", \"subtype\": \"week\"}]} | must be date, time or datetime",
            "columns | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"layout\": {\"columns\": 20}}]} | between 1 and 16",
            "hide not text | {\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\", \"conditional\": {\"hide\": true}}]} | must be a FEEL expression",
            "option without value | {\"id\": \"f\", \"components\": [{\"type\": \"radio\", \"key\": \"a\", \"values\": [{\"label\": \"x\"}]}]} | needs a value",
            "trailing content | {\"id\": \"f\"} {} | not valid JSON"})
    void refusesWhatTheServerCannotServe(String name, String json, String fault) {
        assertThatThrownBy(() -> FormSchema.parse("inline.form", json))
                .isInstanceOf(FormSchemaException.class)
                .hasMessageContaining("inline.form")
                .hasMessageContaining(fault);
    }

    @Test
    void groupsMayShareAPath() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [
                  {"type": "group", "path": "a", "components": [{"type": "textfield", "key": "x"}]},
                  {"type": "group", "path": "a", "components": [{"type": "textfield", "key": "y"}]}]}""");
        assertThat(form.fields()).extracting(FormComponent::key).containsExactly("x", "y");
    }

    @Test
    void twoFormsWithOneIdAreRefused() {
        FormDefinition one = FormSchema.parse("forms/one.form", "{\"id\": \"same\"}");
        FormDefinition two = FormSchema.parse("forms/two.form", "{\"id\": \"same\"}");
        assertThatThrownBy(() -> new FormRegistry(List.of(one, two)))
                .hasMessageContaining("forms/two.form: id: \"same\" is the id of forms/one.form as well");
    }

    @Test
    void theRegistryFindsFormsById() {
        FormRegistry registry = FormTestSupport.fixtures();
        assertThat(registry.find("fixture-household")).isPresent();
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
        assertThatThrownBy(() -> registry.get("nope")).hasMessageContaining("nope");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "^\\d{6}$ | ^\\d{6}$",
            "[a[b] | [a\\[b]",
            "[a&&b] | [a\\&\\&b]",
            "[^]+ | [\\s\\S]+",
            "a[]b | a(?!)b",
            "{abc} | \\{abc\\}",
            "a{2,3} | a{2,3}",
            "a{2,} | a{2,}",
            "a{,3} | a\\{,3\\}",
            "\\{x\\} | \\{x\\}"})
    void translatesJavaScriptPatterns(String javaScript, String java) {
        assertThat(JsPatterns.toJava(javaScript)).isEqualTo(java);
    }

    @Test
    void translatedPatternsMatchAsJavaScriptWould() {
        assertThat(JsPatterns.compile("[a[]+").matcher("[a[").matches()).isTrue();
        assertThat(JsPatterns.compile("^[^]{2}$").matcher("\n\n").matches()).isTrue();
        assertThat(JsPatterns.compile("^[\\u4e00-\\u9fa5]{2,4}$").matcher("张三").matches()).isTrue();
        assertThat(Arrays.asList(JsPatterns.compile("x{").matcher("x{").matches(),
                JsPatterns.compile("a}").matcher("a}").matches())).containsOnly(true);
    }

    static FormComponent field(FormDefinition form, String key) {
        return form.fields().stream().filter(f -> key.equals(f.key())).findFirst().orElseThrow();
    }
}
