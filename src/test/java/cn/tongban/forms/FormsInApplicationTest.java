package cn.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import cn.tongban.web.InvalidField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The module as the application wires it: the forms read at start-up, the messages, the template engine. */
@TongbanIntegrationTest
class FormsInApplicationTest {

    @Autowired
    FormRegistry registry;

    @Autowired
    FormValidator validator;

    @Autowired
    SpringTemplateEngine templates;

    @Test
    void theRegistryHoldsEveryShippedForm() {
        FormRegistry shipped = FormRegistry.load(new PathMatchingResourcePatternResolver(), FormRegistry.LOCATION);
        assertThat(registry.all()).extracting(FormDefinition::id)
                .containsExactlyElementsOf(shipped.all().stream().map(FormDefinition::id).toList());
        assertThat(registry.all()).extracting(FormDefinition::source).allMatch(source -> source.startsWith("forms/"));
    }

    @Test
    void messagesComeFromTheApplicationsBundles() {
        FormDefinition form = FormTestSupport.fixture("fixture-all-components");
        // the sample's interview date is fixed, and this validator runs on today's date
        Map<String, Object> data = Samples.without(Samples.without(Samples.allComponents(), "applicantName"),
                "interviewDate");
        assertThat(validator.validate(form, data, Locale.SIMPLIFIED_CHINESE))
                .containsExactly(new InvalidField("applicantName", "必填。"));
        assertThat(validator.validate(form, data, Locale.ENGLISH))
                .containsExactly(new InvalidField("applicantName", "Required."));
    }

    @Test
    void theApplicationsTemplateEngineRendersForms() {
        FormDefinition form = FormTestSupport.fixture("fixture-household");
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("definition", form);
        context.setVariable("values", Samples.household());
        context.setVariable("errors", List.of(new InvalidField("applicant.name", "必填。")));
        String html = templates.process("forms-test/page", context);
        assertThat(html).contains("name=\"households[0].members[1].idNumber\"")
                .contains("请更正以下各项：")
                .contains("is-invalid");
    }
}
