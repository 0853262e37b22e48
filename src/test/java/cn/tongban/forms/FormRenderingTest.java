package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.attribute;
import static cn.tongban.forms.FormTestSupport.byId;
import static cn.tongban.forms.FormTestSupport.elements;
import static cn.tongban.forms.FormTestSupport.fixture;
import static cn.tongban.forms.FormTestSupport.message;
import static cn.tongban.forms.FormTestSupport.named;
import static cn.tongban.forms.FormTestSupport.parse;
import static cn.tongban.forms.FormTestSupport.render;
import static cn.tongban.forms.FormTestSupport.text;
import static cn.tongban.forms.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.web.InvalidField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;

class FormRenderingTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final FormDefinition all = fixture("fixture-all-components");
    private final FormValidator validator = FormTestSupport.validator();

    @Test
    void everyControlHasALabelAndAUniqueId() {
        for (FormDefinition form : FormTestSupport.fixtures().all()) {
            Map<String, Object> values = form.id().equals("fixture-household") ? Samples.household()
                    : Samples.allComponents();
            assertLabelled(parse(render(form, values, List.of(), ZH)));
            assertLabelled(parse(render(form, null, null, ZH)));
        }
    }

    /** Every visible control is named by a label (for=id) or, for hidden inputs and buttons, needs none. */
    static void assertLabelled(Document page) {
        List<Element> withId = elements(page, e -> e.hasAttribute("id"));
        Set<String> ids = new HashSet<>();
        withId.forEach(e -> assertThat(ids.add(e.getAttributeValue("id"))).as("unique id %s",
                e.getAttributeValue("id")).isTrue());
        Set<String> labelled = new HashSet<>();
        named(page, "label").forEach(label -> labelled.add(label.getAttributeValue("for")));
        List<Element> controls = elements(page, e -> (e.elementNameMatches("input")
                && !"hidden".equals(e.getAttributeValue("type"))) || e.elementNameMatches("select")
                || e.elementNameMatches("textarea"));
        assertThat(controls).isNotEmpty();
        for (Element control : controls) {
            assertThat(control.getAttributeValue("id")).as("id of %s", control.getAttributeValue("name")).isNotNull();
            assertThat(labelled).as("label for %s", control.getAttributeValue("name"))
                    .contains(control.getAttributeValue("id"));
        }
    }

    @Test
    void rendersEveryComponentWithItsValue() {
        Map<String, Object> values = Samples.allComponents();
        values.put("townshipOptions", List.of(Map.of("label", "花园路街道", "value", "huayuanlu"),
                Map.of("label", "丰产路街道", "value", "fengchanlu")));
        Document page = parse(render(all, values, List.of(), ZH));

        Element name = input(page, "applicantName");
        assertThat(name.getAttributeValue("type")).isEqualTo("text");
        assertThat(name.getAttributeValue("value")).isEqualTo("张三");
        assertThat(name.getAttributeValue("aria-required")).isEqualTo("true");
        assertThat(name.getAttributeValue("maxlength")).isEqualTo("20");
        assertThat(name.hasAttribute("required")).as("the server decides what is required").isFalse();
        assertThat(name.getAttributeValue("aria-describedby")).isEqualTo(name.getAttributeValue("id")
                + "-description");
        assertThat(text(byId(page, name.getAttributeValue("id") + "-description"))).isEqualTo("与身份证一致");
        assertThat(input(page, "contactPhone").getAttributeValue("type")).isEqualTo("tel");
        assertThat(input(page, "contactEmail").getAttributeValue("type")).isEqualTo("email");
        assertThat(input(page, "postcode").hasAttribute("maxlength")).isFalse();

        assertThat(text(control(page, "textarea", "reason"))).isEqualTo(Samples.allComponents().get("reason"));
        Element income = input(page, "monthlyIncome");
        assertThat(income.getAttributeValue("type")).isEqualTo("number");
        assertThat(income.getAttributeValue("step")).isEqualTo("0.01");
        assertThat(income.getAttributeValue("min")).isEqualTo("0");
        assertThat(income.getAttributeValue("value")).isEqualTo("1200.5");
        assertThat(input(page, "householdSize").getAttributeValue("step")).isEqualTo("1");
        assertThat(input(page, "areaSquareMetres").getAttributeValue("step")).isEqualTo("0.5");

        assertThat(input(page, "applicationDate").getAttributeValue("type")).isEqualTo("date");
        assertThat(input(page, "applicationDate").getAttributeValue("value")).isEqualTo("2025-06-16");
        assertThat(input(page, "interviewDate").getAttributeValue("min")).isEqualTo(
                java.time.LocalDate.now(FormTestSupport.SHANGHAI).toString());
        assertThat(input(page, "interviewTime").getAttributeValue("type")).isEqualTo("time");
        assertThat(input(page, "interviewTime").getAttributeValue("value")).isEqualTo("09:30");
        assertThat(input(page, "appointmentAt").getAttributeValue("type")).isEqualTo("datetime-local");
        assertThat(input(page, "appointmentAt").getAttributeValue("value")).isEqualTo("2025-06-20T09:30");

        assertThat(input(page, "hasDisabledMember").hasAttribute("checked")).isTrue();
        assertThat(input(page, "declaration").getAttributeValue("type")).isEqualTo("checkbox");
        assertThat(checked(page, "maritalStatus")).containsExactly("married");
        assertThat(checked(page, "materials")).containsExactly("idCard", "householdRegister");
        assertThat(selected(page, "district")).containsExactly("jinshui");
        assertThat(selected(page, "specialGroups")).containsExactly("elderly");
        assertThat(control(page, "select", "specialGroups").hasAttribute("multiple")).isTrue();
        assertThat(options(page, "township")).containsExactly("", "huayuanlu", "fengchanlu");
        assertThat(selected(page, "township")).containsExactly("huayuanlu");

        assertThat(input(page, "address.street").getAttributeValue("value")).isEqualTo("花园路 1 号");
        assertThat(input(page, "address.city").hasAttribute("readonly")).isTrue();
        assertThat(input(page, "emergency.mobile").getAttributeValue("value")).isEqualTo("13900139000");
        assertThat(input(page, "caseOfficer").hasAttribute("disabled")).isTrue();
        assertThat(named(page, "legend")).extracting(FormTestSupport::text)
                .contains("户籍地址", "紧急联系人", "家庭成员", "家庭成员 · 第 1 条", "家庭成员 · 第 2 条");
        assertThat(input(page, "members[1].idNumber").getAttributeValue("value")).isEqualTo(Samples.NEPHEW_ID);
        assertThat(input(page, "members[1].relationNote").getAttributeValue("value")).isEqualTo("外甥");
        assertThat(elements(page, e -> "members[0].relationNote".equals(e.getAttributeValue("name"))))
                .as("hidden in entry 0: =this.relation != \"other\"").isEmpty();
        assertThat(input(page, "_form.rows.members").getAttributeValue("value")).isEqualTo("2");
        assertThat(buttons(page, "_form.remove")).containsExactly("members[0]", "members[1]");
        assertThat(buttons(page, "_form.add")).containsExactly("members");

        assertThat(named(page, "img")).hasSize(1).first()
                .satisfies(img -> assertThat(img.getAttributeValue("src")).isEqualTo("https://example.org/seal.png"))
                .satisfies(img -> assertThat(img.getAttributeValue("alt")).isEqualTo("公章示例"));
        assertThat(named(page, "hr")).hasSize(1);
        assertThat(elements(page, e -> String.valueOf(e.getAttributeValue("style")).contains("height: 30px")))
                .hasSize(1);
        assertThat(named(page, "button")).filteredOn(b -> b.getAttributeValue("name") == null)
                .extracting(b -> b.getAttributeValue("type") + ":" + text(b))
                .containsExactly("submit:提交申请", "reset:重置");
    }

    @Test
    void textViewsAreEscapedMarkdownWithTheDataFilledIn() {
        String html = render(all, with(Samples.allComponents(), "applicantName", "<b>张三</b>"), List.of(), ZH);
        assertThat(html).contains("<h1 class=\"h6\">申请须知</h1>")
                .contains("<strong>带星号</strong>")
                .contains("申请人：&lt;b&gt;张三&lt;/b&gt;")
                .contains("<ul><li>身份证</li><li>户口簿</li></ul>")
                .contains("&lt;script&gt;alert(&#39;form author&#39;)&lt;/script&gt;")
                .doesNotContain("<script>").doesNotContain("<b>张三");
    }

    @Test
    void hostileValuesAreEscapedEverywhere() {
        String script = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
        Map<String, Object> values = Samples.allComponents();
        for (String key : List.of("applicantName", "reason", "monthlyIncome", "applicationDate", "interviewTime",
                "district", "township")) {
            values.put(key, script);
        }
        values.put("materials", List.of(script));
        with(values, "members[0].name", script);
        values.put("townshipOptions", List.of(Map.of("label", script, "value", script)));
        List<InvalidField> errors = List.of(new InvalidField("applicantName", script),
                new InvalidField(script, script));
        String html = render(all, values, errors, ZH);
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        Document page = parse(html);
        assertThat(attribute(input(page, "applicantName"), "value")).isEqualTo(script);
        assertThat(text(control(page, "textarea", "reason"))).isEqualTo(script);
        assertThat(attribute(input(page, "members[0].name"), "value")).isEqualTo(script);
        assertThat(selected(page, "township")).containsExactly(script);
    }

    @Test
    void errorsSitNextToTheirFieldsAndInTheSummary() {
        Map<String, Object> values = Samples.allComponents();
        values.remove("applicantName");
        with(values, "members[1].idNumber", "123");
        values.put("isAdmin", true);
        List<InvalidField> errors = validator.validate(all, values, ZH);
        assertThat(errors).hasSize(3);
        Document page = parse(render(all, values, errors, ZH));

        Element name = input(page, "applicantName");
        assertThat(name.getAttributeValue("class")).contains("is-invalid");
        assertThat(name.getAttributeValue("aria-invalid")).isEqualTo("true");
        String errorId = name.getAttributeValue("id") + "-error";
        assertThat(name.getAttributeValue("aria-describedby")).contains(errorId);
        assertThat(text(byId(page, errorId)).trim()).isEqualTo(message("forms.required", ZH));
        assertThat(input(page, "members[1].idNumber").getAttributeValue("class")).contains("is-invalid");
        assertThat(input(page, "members[0].idNumber").getAttributeValue("class")).doesNotContain("is-invalid");
        assertThat(input(page, "contactPhone").hasAttribute("aria-invalid")).isFalse();

        Element summary = elements(page, e -> "alert".equals(e.getAttributeValue("role"))).get(0);
        assertThat(text(summary)).contains(message("forms.errors.heading", ZH));
        assertThat(named(summary, "a")).extracting(a -> a.getAttributeValue("href")).containsExactly(
                "#" + name.getAttributeValue("id"), "#" + input(page, "members[1].idNumber").getAttributeValue("id"));
        assertThat(text(summary)).contains("isAdmin: " + message("forms.unknown-field", ZH));
    }

    @Test
    void anEmptyFormShowsDefaultsAndDefaultEntries() {
        Document page = parse(render(all, null, null, Locale.ENGLISH));
        assertThat(selected(page, "district")).containsExactly("jinshui");
        assertThat(input(page, "members[0].name").getAttributeValue("value")).isEmpty();
        assertThat(elements(page, e -> "members[1].name".equals(e.getAttributeValue("name")))).isEmpty();
        assertThat(elements(page, e -> "disabilityCertificate".equals(e.getAttributeValue("name"))))
                .as("hidden while the checkbox starts unticked").isEmpty();
        assertThat(elements(page, e -> "alert".equals(e.getAttributeValue("role")))).isEmpty();
        assertThat(buttons(page, "_form.add")).containsExactly("members");
        assertThat(text(page)).contains("Add an entry").contains("Please choose");
    }

    @Test
    void aRoundTripThroughTheBrowserGivesTheSameData() {
        for (FormDefinition form : FormTestSupport.fixtures().all()) {
            Map<String, Object> sample = form.id().equals("fixture-household") ? Samples.household()
                    : Samples.allComponents();
            Document page = parse(render(form, sample, List.of(), ZH));
            Map<String, Object> posted = FormSubmissions.fromRequestParameters(form, BrowserPost.of(page, null));
            assertThat(validator.validate(form, posted, ZH)).as(form.id()).isEmpty();
            assertThat(numbersAsDecimals(validator.accept(form, posted, ZH)))
                    .isEqualTo(numbersAsDecimals(validator.accept(form, sample, ZH)));
        }
    }

    @Test
    void dynamicListsGrowAndShrinkWithoutScript() {
        Document page = parse(render(all, Samples.allComponents(), List.of(), ZH));
        Element add = elements(page, e -> "_form.add".equals(e.getAttributeValue("name"))).get(0);
        Map<String, String[]> post = BrowserPost.of(page, add);
        assertThat(FormSubmissions.editsList(post)).isTrue();
        Map<String, Object> grown = FormSubmissions.fromRequestParameters(all, post);
        assertThat((List<?>) grown.get("members")).hasSize(3);

        page = parse(render(all, grown, List.of(), ZH));
        assertThat(input(page, "members[2].name").getAttributeValue("value")).isEmpty();
        Element removeFirst = elements(page, e -> "_form.remove".equals(e.getAttributeValue("name"))).get(0);
        Map<String, Object> shrunk = FormSubmissions.fromRequestParameters(all, BrowserPost.of(page, removeFirst));
        assertThat((List<?>) shrunk.get("members")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) shrunk.get("members")).get(0)).get("name")).isEqualTo("王五");
    }

    @Test
    void nestedListsAndGroupsHaveTheirPaths() {
        FormDefinition household = fixture("fixture-household");
        Document page = parse(render(household, Samples.household(), List.of(), ZH));
        assertThat(input(page, "households[0].members[1].idNumber").getAttributeValue("value"))
                .isEqualTo(Samples.CHILD_ID);
        assertThat(input(page, "_form.rows.households[0].members").getAttributeValue("value")).isEqualTo("2");
        assertThat(input(page, "assets.depositAmount").getAttributeValue("value")).isEqualTo("5000");
        assertThat(input(page, "spouse.marriedAt").getAttributeValue("value")).isEqualTo("2010-05-01T10:00");
        assertThat(checked(page, "applicant.hukouType")).containsExactly("2");
        assertThat(control(page, "textarea", "note").hasAttribute("readonly")).isFalse();
        page = parse(render(household, with(Samples.household(), "applicant.hukouType", 1), List.of(), ZH));
        assertThat(control(page, "textarea", "note").hasAttribute("readonly")).isTrue();
        assertThat(elements(page, e -> "assets.ruralVehicle".equals(e.getAttributeValue("name")))).isEmpty();
    }

    /** Numbers compared by value; an empty number (null, as form-js submits it) as no value. */
    private static Object numbersAsDecimals(Object value) {
        if (value instanceof Number number) {
            return FormValidator.decimal(number).stripTrailingZeros();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, numbersAsDecimals(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(numbersAsDecimals(v)));
            return copy;
        }
        return value;
    }

    static Element input(Document page, String name) {
        return control(page, "input", name);
    }

    static Element control(Document page, String element, String name) {
        List<Element> found = elements(page, e -> e.elementNameMatches(element)
                && name.equals(e.getAttributeValue("name")));
        assertThat(found).as("%s %s", element, name).hasSize(1);
        return found.get(0);
    }

    private static List<String> checked(Document page, String name) {
        return elements(page, e -> e.elementNameMatches("input") && name.equals(e.getAttributeValue("name"))
                && e.hasAttribute("checked")).stream().map(e -> e.getAttributeValue("value")).toList();
    }

    private static List<String> options(Document page, String name) {
        return named(control(page, "select", name), "option").stream().map(o -> o.getAttributeValue("value"))
                .toList();
    }

    private static List<String> selected(Document page, String name) {
        return named(control(page, "select", name), "option").stream().filter(o -> o.hasAttribute("selected"))
                .map(o -> attribute(o, "value")).toList();
    }

    private static List<String> buttons(Document page, String name) {
        return elements(page, e -> e.elementNameMatches("button") && name.equals(e.getAttributeValue("name")))
                .stream().map(e -> e.getAttributeValue("value")).toList();
    }

    @Test
    void aNestedValueWhereAChoiceBelongsIsNotShownAsAChoice() {
        Object deep = "x";
        for (int i = 0; i < 5_000; i++) {
            deep = List.of(deep);
        }
        Map<String, Object> values = Samples.allComponents();
        values.put("maritalStatus", deep);

        String html = render(all, values, List.of(), ZH);

        assertThat(html).contains("name=\"maritalStatus\"").doesNotContain("[[");
    }
}
