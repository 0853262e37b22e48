package cn.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attoparser.dom.Document;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every form the application ships (forms/*.form on the class path) and the fixtures parse and render in Chinese
 * and English: every control is labelled, every unconditional top-level input is on the page under its key, and
 * an empty submission is judged rather than thrown at.
 */
class FormCatalogueTest {

    @Test
    void everyFormParsesAndRenders() {
        FormRegistry shipped = FormRegistry.load(new PathMatchingResourcePatternResolver(), FormRegistry.LOCATION);
        List<FormDefinition> forms = new ArrayList<>(shipped.all());
        forms.addAll(FormTestSupport.fixtures().all());
        assertThat(forms).extracting(FormDefinition::id).contains("fixture-all-components", "fixture-household");

        FormValidator validator = FormTestSupport.validator();
        for (FormDefinition form : forms) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                Document page = FormTestSupport.parse(FormTestSupport.render(form, null, null, locale));
                FormRenderingTest.assertLabelled(page);
                form.components().stream()
                        .filter(component -> component.keyed() && component.hide() == FeelCondition.NEVER)
                        .forEach(field -> assertThat(FormTestSupport.elements(page,
                                e -> field.key().equals(e.getAttributeValue("name"))))
                                .as("%s: %s", form.source(), field.key()).isNotEmpty());
                assertThat(validator.validate(form, Map.of(), locale)).isNotNull();
            }
        }
    }
}
