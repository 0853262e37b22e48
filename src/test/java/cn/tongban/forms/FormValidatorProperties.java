package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.TODAY;
import static cn.tongban.forms.FormTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.web.InvalidField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever arrives, the forms module answers with errors or accepts; it never throws, and what it renders is
 * escaped. Resident ID numbers built by the rules always pass; changing any one character always fails.
 */
class FormValidatorProperties {

    private static final List<FormDefinition> FORMS = List.of(fixture("fixture-all-components"),
            fixture("fixture-household"));
    private static final List<Integer> PROVINCES = List.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36,
            37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);

    private final FormValidator validator = FormTestSupport.validator();

    @Provide
    Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(10),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(5),
                Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                        "'; DROP TABLE act_ru_task; --", "1 OR 1=1", "{{applicantName}}", "=not(x)", "${7*7}",
                        "[[${T(java.lang.Runtime)}]]", "\u202Eabc", "\uFEFF", "NaN", "-0", "1e999", "0x10",
                        "2025-02-30", "24:00+08:00", "99999999999999999999999999999999999999999999", ""),
                Arbitraries.strings().withChars('a', '<', '>', '&', '"', '\'').ofLength(5_000),
                Arbitraries.just("长".repeat(2_000_001)));
    }

    @Provide
    Arbitrary<Object> hostileValues() {
        return Arbitraries.oneOf(
                hostileStrings().map(s -> (Object) s),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE, Long.MIN_VALUE,
                        new BigDecimal("1E+2147483647"), new BigDecimal("-1E-2147483647"), true, false),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.just(null),
                hostileStrings().list().ofMaxSize(4).map(l -> (Object) l),
                hostileStrings().map(s -> (Object) Map.of(s.isEmpty() ? "k" : s, s)),
                // as deep as a request body can nest: Jackson refuses JSON nested deeper than 1000 levels, and
                // far deeper values overflow the stack of the test library itself when it hashes samples
                Arbitraries.just(deepList(MAX_JSON_NESTING)),
                Arbitraries.just(deepMap(MAX_JSON_NESTING)));
    }

    private static final int MAX_JSON_NESTING = 1_000;

    @Property(tries = 300)
    void anyValueInAnyFieldIsJudgedNotThrownAt(@ForAll("hostileValues") Object value,
                                               @ForAll @IntRange(max = 1000) int fieldChoice,
                                               @ForAll boolean household) {
        FormDefinition form = FORMS.get(household ? 1 : 0);
        List<String> paths = fieldPaths(form);
        String path = paths.get(fieldChoice % paths.size());
        Map<String, Object> data = household ? Samples.household() : Samples.allComponents();
        Samples.with(data, path, value);

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            List<InvalidField> errors = validator.validate(form, data, locale);
            errors.forEach(error -> {
                assertThat(error.field()).isNotNull().hasSizeLessThanOrEqualTo(201);
                assertThat(error.message()).isNotBlank().doesNotStartWith("forms.");
            });
            String html = FormTestSupport.render(form, data, errors, locale);
            assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        }
    }

    @Property(tries = 200)
    void anyStringInEveryTextFieldAtOnce(@ForAll("hostileStrings") String text) {
        Map<String, Object> data = Samples.allComponents();
        FormDefinition form = FORMS.get(0);
        fieldPaths(form).forEach(path -> Samples.with(data, path, text));
        List<InvalidField> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE);
        assertThat(errors).isNotEmpty();
        if (!text.isEmpty() && TextRules.hasForbiddenCharacters(text, true)) {
            // control characters and broken surrogates are never accepted as text
            assertThat(errors).extracting(InvalidField::field).contains("applicantName", "reason");
        }
        FormTestSupport.render(form, data, errors, Locale.ENGLISH);
    }

    @Property(tries = 200)
    void anyPostIsReadNotThrownAt(@ForAll("parameterNames") List<String> names,
                                  @ForAll("hostileStrings") String value, @ForAll boolean household) {
        FormDefinition form = FORMS.get(household ? 1 : 0);
        Map<String, String[]> post = new LinkedHashMap<>();
        names.forEach(name -> post.put(name, new String[] {value, value.isEmpty() ? "x" : value}));
        names.stream().limit(3).forEach(name -> post.put(name, new String[] {value}));
        Map<String, Object> data = FormSubmissions.fromRequestParameters(form, post);
        List<InvalidField> errors = validator.validate(form, data, Locale.SIMPLIFIED_CHINESE);
        assertThat(errors).isNotNull();
        FormTestSupport.render(form, data, errors, Locale.SIMPLIFIED_CHINESE);
    }

    @Provide
    Arbitrary<List<String>> parameterNames() {
        List<String> known = new ArrayList<>(fieldPaths(FORMS.get(0)));
        known.addAll(fieldPaths(FORMS.get(1)));
        known.addAll(List.of(FormSubmissions.ADD, FormSubmissions.REMOVE, FormSubmissions.ROWS + "members",
                FormSubmissions.ROWS + "households[0].members", "members[199].name", "members[200].name",
                "members[-1].name", "members[0]", "members", "address", "a..b", "[0]", "x]", "_csrf"));
        return Arbitraries.oneOf(Arbitraries.of(known), Arbitraries.strings().all().ofMaxLength(30))
                .list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void idNumbersBuiltByTheRulesAreValid(@ForAll("validIdNumbers") String number) {
        assertThat(ResidentIdNumber.defect(number, TODAY)).isEmpty();
        assertThat(validator.validate(FORMS.get(0), Samples.with(Samples.allComponents(), "applicantIdNumber",
                number), Locale.ENGLISH)).isEmpty();
        assertThat(ResidentIdNumber.parse(number, TODAY).masked()).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
    }

    @Property(tries = 500)
    void changingAnyOneCharacterMakesItInvalid(@ForAll("validIdNumbers") String number,
                                               @ForAll @IntRange(max = 17) int position,
                                               @ForAll @IntRange(min = 1, max = 10) int shift) {
        String characters = "0123456789X";
        char original = number.charAt(position);
        int at = characters.indexOf(original);
        // only a digit can stand before the check character, so the first 17 places cycle through 0-9
        int modulus = position == 17 ? 11 : 10;
        char replacement = characters.charAt((at + (position == 17 ? shift : shift % 10 == 0 ? 1 : shift)) % modulus);
        String mutated = number.substring(0, position) + replacement + number.substring(position + 1);
        assertThat(mutated).isNotEqualTo(number);
        assertThat(ResidentIdNumber.defect(mutated, TODAY)).as(mutated).isPresent();
    }

    @Provide
    Arbitrary<String> validIdNumbers() {
        Arbitrary<Integer> province = Arbitraries.of(PROVINCES);
        Arbitrary<Integer> area = Arbitraries.integers().between(0, 9999);
        Arbitrary<LocalDate> birth = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(province, area, birth, sequence).as((p, a, b, s) -> IdNumbers.withCheckCharacter(
                String.format("%02d%04d%s%03d", p, a, b.format(DateTimeFormatter.BASIC_ISO_DATE), s)));
    }

    /** Every input of a form as a path into its sample, with list entries at index 0. */
    static List<String> fieldPaths(FormDefinition form) {
        List<String> paths = new ArrayList<>();
        collect(form.components(), "", paths);
        return paths;
    }

    private static void collect(List<FormComponent> components, String prefix, List<String> paths) {
        for (FormComponent component : components) {
            if (component.keyed()) {
                paths.add(prefix + component.key());
            } else if (component.repeats()) {
                collect(component.components(), prefix + component.path() + "[0].", paths);
            } else if (component.dataPath().isPresent()) {
                collect(component.components(), prefix + component.path() + ".", paths);
            } else {
                collect(component.components(), prefix, paths);
            }
        }
    }

    private static Object deepList(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static Object deepMap(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = Map.of("k", value);
        }
        return value;
    }
}
