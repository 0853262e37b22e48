package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.fixture;
import static cn.tongban.forms.FormTestSupport.message;
import static cn.tongban.forms.IdNumbers.withCheckCharacter;
import static cn.tongban.forms.Samples.with;
import static cn.tongban.forms.Samples.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormValidatorTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    private final FormValidator validator = FormTestSupport.validator();
    private final FormDefinition all = fixture("fixture-all-components");
    private final FormDefinition household = fixture("fixture-household");

    @Test
    void validSamplesPass() {
        assertThat(validator.validate(all, Samples.allComponents(), ZH)).isEmpty();
        assertThat(validator.validate(household, Samples.household(), ZH)).isEmpty();
    }

    @Test
    void conditionsSeeTheEmptyValuesTheBrowserStartsWith() {
        // hasDisabledMember is absent: the browser starts it as false, so =not(hasDisabledMember) hides
        Map<String, Object> data = without(without(Samples.allComponents(), "hasDisabledMember"),
                "disabilityCertificate");
        assertThat(validator.validate(all, data, ZH)).isEmpty();
        // members is absent: the browser shows one empty entry (defaultRepetitions), nothing to check here
        assertThat(validator.validate(all, without(Samples.allComponents(), "members"), ZH)).isEmpty();
    }

    @Test
    void anEmptyFormNamesEveryRequiredVisibleField() {
        assertThat(validator.validate(all, Map.of(), ZH)).extracting(InvalidField::field).containsExactly(
                "applicantName", "applicantIdNumber", "contactPhone", "reason", "monthlyIncome", "applicationDate",
                "maritalStatus", "district", "materials", "address.street", "declaration");
        assertThat(validator.validate(all, null, ZH)).hasSize(11);
    }

    static Stream<Arguments> oneFault() {
        return Stream.of(
                // required, length, characters
                fault("applicantName", ABSENT, "applicantName", "forms.required"),
                fault("applicantName", null, "applicantName", "forms.required"),
                fault("applicantName", " \u3000 ", "applicantName", "forms.required"),
                fault("applicantName", "张", "applicantName", "forms.too-short", 2),
                fault("applicantName", "张".repeat(21), "applicantName", "forms.too-long", 20),
                fault("applicantName", 123, "applicantName", "forms.not-text"),
                fault("applicantName", List.of("张三"), "applicantName", "forms.not-text"),
                fault("applicantName", "张\n三", "applicantName", "forms.forbidden-characters-single-line"),
                fault("applicantName", "张\u0000三", "applicantName", "forms.forbidden-characters-single-line"),
                fault("applicantName", "张\uD800三", "applicantName", "forms.forbidden-characters-single-line"),
                fault("applicantName", "\uDC00张三", "applicantName", "forms.forbidden-characters-single-line"),
                fault("applicantName", "张\u202E三", "applicantName", "forms.forbidden-characters-single-line"),
                fault("applicantName", "x".repeat(5_000_000), "applicantName", "forms.too-long", 1000),
                fault("reason", "a\u0007b", "reason", "forms.forbidden-characters"),
                fault("reason", "理".repeat(501), "reason", "forms.too-long", 500),
                fault("reason", "", "reason", "forms.required"),
                // pattern, validationType
                fault("postcode", "45000", "postcode", "forms.pattern"),
                fault("postcode", "4500001", "postcode", "forms.pattern"),
                fault("contactEmail", "zhangsan.example.com", "contactEmail", "forms.email"),
                fault("overseasPhone", "13800138000", "overseasPhone", "forms.phone"),
                // conventions by key
                fault("contactPhone", "12345678901", "contactPhone", "forms.mobile"),
                fault("contactPhone", "+8613800138000", "contactPhone", "forms.mobile"),
                fault("contactPhone", "1380013800", "contactPhone", "forms.mobile"),
                fault("emergency.mobile", "139 0013 9000", "emergency.mobile", "forms.mobile"),
                fault("applicantIdNumber", wrongCheckCharacter(Samples.APPLICANT_ID), "applicantIdNumber",
                        "forms.id-number.check-digit"),
                fault("applicantIdNumber", "4101051980010112", "applicantIdNumber", "forms.id-number.format"),
                fault("applicantIdNumber", withCheckCharacter("00010519800101123"), "applicantIdNumber",
                        "forms.id-number.region"),
                fault("applicantIdNumber", withCheckCharacter("41010519990230123"), "applicantIdNumber",
                        "forms.id-number.birth-date"),
                fault("applicantIdNumber", withCheckCharacter("41010520300101123"), "applicantIdNumber",
                        "forms.id-number.future-birth-date"),
                fault("spouseIdNumber", wrongCheckCharacter(Samples.SPOUSE_ID), "spouseIdNumber",
                        "forms.id-number.check-digit"),
                fault("members[1].idNumber", "4101052005050512X6", "members[1].idNumber", "forms.id-number.format"),
                fault("members[1].idNumber", wrongCheckCharacter(Samples.NEPHEW_ID), "members[1].idNumber",
                        "forms.id-number.check-digit"),
                fault("registeredDate", "2001-02-30", "registeredDate", "forms.date", "2024-05-31"),
                // numbers
                fault("monthlyIncome", "1200", "monthlyIncome", "forms.not-a-number"),
                fault("monthlyIncome", 1200.555, "monthlyIncome", "forms.decimal-digits", 2),
                fault("monthlyIncome", -5, "monthlyIncome", "forms.min", "0"),
                fault("monthlyIncome", 20_000_000, "monthlyIncome", "forms.amount"),
                fault("members[0].monthlyIncome", 0.001, "members[0].monthlyIncome", "forms.amount"),
                fault("members[0].monthlyIncome", -1, "members[0].monthlyIncome", "forms.amount"),
                fault("householdSize", 2.5, "householdSize", "forms.integer"),
                fault("householdSize", 0, "householdSize", "forms.min", "1"),
                fault("householdSize", 21L, "householdSize", "forms.max", "20"),
                fault("householdSize", Double.NaN, "householdSize", "forms.not-a-number"),
                fault("householdSize", Double.POSITIVE_INFINITY, "householdSize", "forms.not-a-number"),
                fault("householdSize", new BigDecimal("1E+100"), "householdSize", "forms.number-out-of-range"),
                fault("householdSize", new BigDecimal("1E-100"), "householdSize", "forms.number-out-of-range"),
                fault("householdSize", true, "householdSize", "forms.not-a-number"),
                fault("areaSquareMetres", "65.3", "areaSquareMetres", "forms.increment", "0.5"),
                // an exponent at the edge of int: refused by size, before the increment is divided into it
                fault("areaSquareMetres", new BigDecimal("1E+2147483647"), "areaSquareMetres",
                        "forms.number-out-of-range"),
                fault("areaSquareMetres", "65,5", "areaSquareMetres", "forms.not-a-number"),
                // dates and times
                fault("applicationDate", "2025-13-01", "applicationDate", "forms.date", "2024-05-31"),
                fault("applicationDate", "16/06/2025", "applicationDate", "forms.date", "2024-05-31"),
                fault("applicationDate", 20250616, "applicationDate", "forms.date", "2024-05-31"),
                fault("interviewDate", "2025-06-15", "interviewDate", "forms.past-date"),
                fault("interviewTime", "09:30", "interviewTime", "forms.time", "09:30+08:00"),
                fault("interviewTime", "25:00+08:00", "interviewTime", "forms.time", "09:30+08:00"),
                fault("interviewTime", "09:30+25:00", "interviewTime", "forms.time", "09:30+08:00"),
                fault("appointmentAt", "2025-06-20T09:30+08:00", "appointmentAt", "forms.datetime",
                        "2024-05-31T09:30"),
                fault("appointmentAt", "2025-06-20", "appointmentAt", "forms.datetime", "2024-05-31T09:30"),
                // booleans and choices
                fault("hasDisabledMember", "true", "hasDisabledMember", "forms.not-a-boolean"),
                fault("declaration", false, "declaration", "forms.required"),
                fault("declaration", ABSENT, "declaration", "forms.required"),
                fault("maritalStatus", "widowed", "maritalStatus", "forms.not-an-option"),
                fault("maritalStatus", 1, "maritalStatus", "forms.not-an-option"),
                fault("district", "zhengdong", "district", "forms.not-an-option"),
                fault("district", Map.of("value", "jinshui"), "district", "forms.not-an-option"),
                fault("township", List.of(), "township", "forms.not-an-option"),
                fault("materials", List.of(), "materials", "forms.required"),
                fault("materials", List.of("idCard", "passport"), "materials", "forms.not-an-option"),
                fault("materials", "idCard", "materials", "forms.not-a-list-of-options"),
                fault("materials", List.of(List.of("idCard")), "materials", "forms.not-a-list-of-options"),
                fault("specialGroups", List.of("elderly", "veteran"), "specialGroups", "forms.not-an-option"),
                // conditions
                fault("disabilityCertificate", ABSENT, "disabilityCertificate", "forms.required"),
                fault("spouseIdNumber", ABSENT, "spouseIdNumber", "forms.required"),
                fault("members[1].relationNote", ABSENT, "members[1].relationNote", "forms.required"),
                // containers and unknown names
                fault("address.street", ABSENT, "address.street", "forms.required"),
                fault("members[0].name", "", "members[0].name", "forms.required"),
                fault("members[0].relation", "cousin", "members[0].relation", "forms.not-an-option"),
                fault("members", "none", "members", "forms.not-a-list"),
                fault("members", List.of("张小三"), "members[0]", "forms.not-an-object"),
                fault("members", Collections.nCopies(201, Map.of()), "members", "forms.too-many-entries", 200),
                fault("isAdmin", true, "isAdmin", "forms.unknown-field"),
                fault("address.zip", "450000", "address.zip", "forms.unknown-field"),
                fault("members[0].salary", 1, "members[0].salary", "forms.unknown-field"),
                fault("emergency.name", Map.of("first", "x"), "emergency.name", "forms.not-text"));
    }

    /** The same number with another check character. */
    private static String wrongCheckCharacter(String valid) {
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }

    private static Arguments fault(String path, Object value, String field, String code, Object... arguments) {
        return Arguments.of(path, value, field, code, arguments);
    }

    @ParameterizedTest(name = "{0} = {1}: {3}")
    @MethodSource("oneFault")
    void namesTheOneFault(String path, Object value, String field, String code, Object[] arguments) {
        Map<String, Object> data = Samples.allComponents();
        if (value == ABSENT) {
            without(data, path);
        } else {
            with(data, path, value);
        }
        assertThat(validator.validate(all, data, ZH))
                .containsExactly(new InvalidField(field, message(code, ZH, arguments)));
    }

    @Test
    void textIsMeasuredTrimmedAsInTheBrowser() {
        assertThat(validator.validate(all, with(Samples.allComponents(), "applicantName", "  张三  "), ZH)).isEmpty();
        assertThat(validator.validate(all, with(Samples.allComponents(), "applicantName", "张\u00A0"), ZH))
                .extracting(InvalidField::message).containsExactly(message("forms.too-short", ZH, 2));
    }

    @Test
    void scriptsAndSqlArePlainText() {
        Map<String, Object> data = Samples.allComponents();
        with(data, "reason", "<script>alert('x')</script>'; DROP TABLE act_ru_task; --");
        with(data, "remarks", "\" onmouseover=\"alert(1)");
        assertThat(validator.validate(all, data, ZH)).isEmpty();
    }

    @Test
    void hiddenFieldsAreNotChecked() {
        Map<String, Object> data = Samples.allComponents();
        with(data, "hasDisabledMember", false);
        with(data, "disabilityCertificate", 12);
        with(data, "maritalStatus", "single");
        with(data, "spouseIdNumber", "not an id");
        with(data, "members[0].relationNote", List.of("anything"));
        assertThat(validator.validate(all, data, ZH)).isEmpty();
    }

    @Test
    void disabledAndReadonlyFieldsAreNotChecked() {
        Map<String, Object> data = Samples.allComponents();
        with(data, "caseOfficer", 42);
        with(data, "address.city", List.of());
        assertThat(validator.validate(all, data, ZH)).isEmpty();
    }

    @Test
    void aConditionTheServerCannotReadCountsAsVisible() {
        // remarks hides with =count(members) > 3, which the server does not evaluate
        Map<String, Object> data = Samples.allComponents();
        with(data, "remarks", "x\u0000");
        assertThat(validator.validate(all, data, ZH)).extracting(InvalidField::field).containsExactly("remarks");
    }

    @Test
    void choicesFromInputDataAreLeftToTheBrowser() {
        assertThat(validator.validate(all, with(Samples.allComponents(), "township", 42), ZH)).isEmpty();
    }

    @Test
    void numbersComeAsAnyJsonNumber() {
        for (Object income : List.of(1200, 1200L, 1200.5f, new BigDecimal("1200.50"), 0)) {
            assertThat(validator.validate(all, with(Samples.allComponents(), "monthlyIncome", income), ZH))
                    .as("%s", income).isEmpty();
        }
        assertThat(validator.validate(all, with(Samples.allComponents(), "areaSquareMetres", 70), ZH)).isEmpty();
    }

    @Test
    void timesWithAnyOffsetOrUtc() {
        for (String time : List.of("09:30Z", "09:30:15+08:00", "23:59-05:00")) {
            assertThat(validator.validate(all, with(Samples.allComponents(), "interviewTime", time), ZH))
                    .as(time).isEmpty();
        }
        assertThat(validator.validate(all, with(Samples.allComponents(), "interviewDate", "2025-06-16"), ZH))
                .as("today is not past").isEmpty();
    }

    @Test
    void messagesInEnglish() {
        assertThat(validator.validate(all, without(Samples.allComponents(), "applicantName"), Locale.ENGLISH))
                .containsExactly(new InvalidField("applicantName", "Required."));
        assertThat(validator.validate(all, with(Samples.allComponents(), "householdSize", 0), Locale.ENGLISH))
                .containsExactly(new InvalidField("householdSize", "Must be at least 1."));
    }

    @Test
    void aGroupThatIsNoObject() {
        assertThat(validator.validate(all, with(Samples.allComponents(), "address", "花园路"), ZH))
                .containsExactly(new InvalidField("address", message("forms.not-an-object", ZH)),
                        new InvalidField("address.street", message("forms.required", ZH)));
    }

    @Test
    void nestedListsAndTheirConditions() {
        Map<String, Object> data = Samples.household();
        with(data, "households[0].members[1].idNumber", "110105194912310021");
        assertThat(validator.validate(household, data, ZH)).containsExactly(new InvalidField(
                "households[0].members[1].idNumber", message("forms.id-number.check-digit", ZH)));

        data = Samples.household();
        with(data, "households[0].members[0].groups", List.of("veteran"));
        assertThat(validator.validate(household, data, ZH)).extracting(InvalidField::field)
                .containsExactly("households[0].members[0].groups");
        // hidden where the entry's parent has no head: =parent.headName = ""
        with(data, "households[0].headName", "");
        assertThat(validator.validate(household, data, ZH)).extracting(InvalidField::field)
                .containsExactly("households[0].headName");
    }

    @Test
    void hiddenGroupsHideTheirFields() {
        Map<String, Object> data = Samples.household();
        with(data, "hasAssets", false);
        with(data, "assets", new LinkedHashMap<>(Map.of("ruralVehicle", "maybe")));
        assertThat(validator.validate(household, data, ZH)).isEmpty();

        data = Samples.household();
        with(data, "assets", new LinkedHashMap<>(Map.of("ruralVehicle", true)));
        assertThat(validator.validate(household, data, ZH)).extracting(InvalidField::field)
                .containsExactly("assets.depositAmount");
    }

    @Test
    void optionValuesKeepTheirType() {
        assertThat(validator.validate(household, with(Samples.household(), "applicant.hukouType", 2.0), ZH))
                .isEmpty();
        assertThat(validator.validate(household, with(Samples.household(), "applicant.hukouType", "2"), ZH))
                .extracting(InvalidField::field).containsExactly("applicant.hukouType");
    }

    @Test
    void readonlyByExpression() {
        Map<String, Object> data = Samples.household();
        with(data, "note", "\u0000");
        assertThat(validator.validate(household, data, ZH)).extracting(InvalidField::field).containsExactly("note");
        with(data, "applicant.hukouType", 1);
        with(data, "assets", new LinkedHashMap<>(Map.of("depositAmount", 1)));
        assertThat(validator.validate(household, data, ZH)).isEmpty();
    }

    @Test
    void utcNormalizedDateTimes() {
        assertThat(validator.validate(household, with(Samples.household(), "spouse.marriedAt", "2010-05-01T10:00"),
                ZH)).extracting(InvalidField::message)
                .containsExactly(message("forms.datetime", ZH, "2024-05-31T01:30Z"));
    }

    @Test
    void acceptKeepsWhatTheFormSubmitsOnly() {
        Map<String, Object> data = Samples.allComponents();
        with(data, "maritalStatus", "single");
        Map<String, Object> accepted = validator.accept(all, data, ZH);
        assertThat(accepted).doesNotContainKeys("caseOfficer", "spouseIdNumber")
                .containsEntry("applicantName", "张三")
                .containsEntry("materials", List.of("idCard", "householdRegister"))
                .containsEntry("address", Map.of("street", "花园路 1 号"))
                .containsEntry("emergency", Map.of("name", "李四", "mobile", "13900139000"))
                .containsEntry("remarks", "无");
        assertThat((List<?>) accepted.get("members")).hasSize(2);
        List<?> members = (List<?>) accepted.get("members");
        assertThat(members.get(0)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKey("relationNote");
        assertThat(members.get(1)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("relationNote", "外甥");

        data.put("materials", new ArrayList<>(List.of("idCard")));
        assertThat(accepted.get("materials")).as("a copy").isEqualTo(List.of("idCard", "householdRegister"));
    }

    @Test
    void acceptDropsHiddenGroupsAndReadonlyValues() {
        Map<String, Object> data = Samples.household();
        with(data, "hasAssets", false);
        with(data, "applicant.hukouType", 1);
        Map<String, Object> accepted = validator.accept(household, data, ZH);
        assertThat(accepted).doesNotContainKeys("assets", "note").containsKeys("applicant", "households", "spouse");
    }

    @Test
    void acceptRefusesInvalidSubmissions() {
        assertThatThrownBy(() -> validator.accept(all, Map.of("isAdmin", true), ZH))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(InvalidField::field)
                        .contains("isAdmin", "applicantName"));
    }

    @Test
    void aRunawayPatternIsAMismatchNotAHang() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [{"type": "textfield", "key": "code",
                  "validate": {"pattern": "^(a+)+$", "maxLength": 900}}]}""");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(validator.validate(form,
                Map.of("code", "a".repeat(40) + "!"), ZH)).extracting(InvalidField::field).containsExactly("code"));
        assertThat(validator.validate(form, Map.of("code", "aaaa"), ZH)).isEmpty();
    }

    @Test
    void patternsMatchAnywhereAsRegExpTestDoes() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [{"type": "textfield", "key": "code", "validate": {"pattern": "\\\\d{3}"}}]}""");
        assertThat(validator.validate(form, Map.of("code", "ab123cd"), ZH)).isEmpty();
        assertThat(validator.validate(form, Map.of("code", "ab12cd"), ZH)).hasSize(1);
    }

    @Test
    void aTextareaTakesPatternsToo() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [{"type": "textarea", "key": "lines", "validate": {"pattern": "^[^<>]*$"}}]}""");
        assertThat(validator.validate(form, Map.of("lines", "一行\n两行"), ZH)).isEmpty();
        assertThat(validator.validate(form, Map.of("lines", "<b>"), ZH)).extracting(InvalidField::message)
                .containsExactly(message("forms.pattern", ZH));
    }

    @Test
    void longTextWhereTheFormAllowsIt() {
        FormDefinition form = FormSchema.parse("inline.form", """
                {"id": "f", "components": [{"type": "textarea", "key": "story", "validate": {"maxLength": 50000}}]}""");
        assertThat(validator.validate(form, Map.of("story", "长".repeat(45_000)), ZH)).isEmpty();
        assertThat(validator.validate(form, Map.of("story", "长".repeat(50_001)), ZH)).hasSize(1);
    }
}
