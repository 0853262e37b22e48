package cn.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.forms.FormRendering.Choice;
import cn.tongban.forms.FormRendering.FormView;
import cn.tongban.forms.FormRendering.Item;
import cn.tongban.forms.FormRendering.Row;
import cn.tongban.web.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The forms applicants fill in, shown in English from forms-messages_en: every label, help text, choice and text
 * block translated, the error summary too; in Chinese exactly as the .form files state them.
 */
class FormTranslationTest {

    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
    private static final FormRegistry SHIPPED = FormRegistry.load(new PathMatchingResourcePatternResolver(),
            FormRegistry.LOCATION);
    private static final FormRendering RENDERING = new FormRendering(FormTestSupport.SHANGHAI, messages());

    @ParameterizedTest
    @ValueSource(strings = {"dibao-application", "disability-application", "marriage-appointment"})
    void everyTextOfAnApplicantsFormIsInEnglish(String formId) {
        FormDefinition form = SHIPPED.get(formId);
        List<InvalidField> errors = form.fields().stream()
                .map(field -> new InvalidField(field.key(), "Required.")).toList();

        FormView view = RENDERING.view(form, Map.of(), errors, Locale.ENGLISH);

        List<String> texts = texts(view.rows());
        view.errorSummary().forEach(error -> texts.add(error.label()));
        assertThat(texts).isNotEmpty().noneMatch(text -> CHINESE.matcher(text).find());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dibao-application", "disability-application", "marriage-appointment"})
    void inChineseTheFormIsAsTheFileStatesIt(String formId) {
        FormDefinition form = SHIPPED.get(formId);

        List<String> chinese = texts(RENDERING.view(form, Map.of(), List.of(), Locale.SIMPLIFIED_CHINESE).rows());
        List<String> stated = texts(new FormRendering(FormTestSupport.SHANGHAI).view(form, Map.of(), List.of())
                .rows());

        assertThat(chinese).isEqualTo(stated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aReviewersFormShowsStoredCodesAsWords(String language) {
        Locale locale = Locale.forLanguageTag(language);
        FormRendering rendering = new FormRendering(FormTestSupport.SHANGHAI, messages(), SHIPPED);
        Map<String, Object> data = Map.of("district", "jinshui", "economicCheckSource", "DECLARATION",
                "eligible", true, "townshipOffice", "linshanzhai");

        String html = String.join("\n", texts(rendering.view(SHIPPED.get("dibao-township-review"), data, List.of(),
                locale).rows()));

        assertThat(html).doesNotContain("jinshui", "DECLARATION", "linshanzhai").doesNotContainPattern("\\btrue\\b");
        if (language.equals("en")) {
            assertThat(html).contains("Jinshui District", "Declared by the applicant", "Yes");
        } else {
            assertThat(html).contains("金水区", "申请人申报", "是");
        }
    }

    private static List<String> texts(List<Row> rows) {
        List<String> texts = new ArrayList<>();
        for (Row row : rows) {
            for (Item item : row.items()) {
                addIfPresent(texts, item.label());
                addIfPresent(texts, item.description());
                addIfPresent(texts, item.html());
                item.choices().stream().map(Choice::label).forEach(texts::add);
                texts.addAll(texts(item.children()));
                item.entries().forEach(entry -> texts.addAll(texts(entry.rows())));
            }
        }
        return texts;
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null) {
            texts.add(text);
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("forms-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
