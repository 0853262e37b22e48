package cn.tongban.forms;

import cn.tongban.web.InvalidField;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The forms module without Spring: fixture forms, the real message bundles, a fixed day, the real templates. */
final class FormTestSupport {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2025-06-16 10:00 in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-16T02:00:00Z"), SHANGHAI);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final String FIXTURES = "classpath*:forms-fixtures/*.form";

    private static final FormRegistry FIXTURE_FORMS = FormRegistry.load(new PathMatchingResourcePatternResolver(),
            FIXTURES);
    private static final ResourceBundleMessageSource MESSAGES = messages();
    private static final SpringTemplateEngine ENGINE = engine();

    private FormTestSupport() {
    }

    static FormDefinition fixture(String id) {
        return FIXTURE_FORMS.get(id);
    }

    static FormRegistry fixtures() {
        return FIXTURE_FORMS;
    }

    static FormValidator validator() {
        return new FormValidator(MESSAGES, CLOCK);
    }

    static String message(String code, Locale locale, Object... arguments) {
        return MESSAGES.getMessage(code, arguments, locale);
    }

    /** The form inside a page, as {@code forms-test/page.html} includes it. */
    static String render(FormDefinition form, Map<String, ?> values, List<InvalidField> errors, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("definition", form);
        context.setVariable("values", values);
        context.setVariable("errors", errors);
        return ENGINE.process("forms-test/page", context);
    }

    static Document parse(String html) {
        try {
            return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
        } catch (ParseException e) {
            throw new AssertionError("not HTML: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(INestableNode root, Predicate<Element> filter) {
        List<Element> found = new ArrayList<>();
        for (INode child : root.getChildren()) {
            if (child instanceof Element element) {
                if (filter.test(element)) {
                    found.add(element);
                }
                found.addAll(elements(element, filter));
            }
        }
        return found;
    }

    static List<Element> named(INestableNode root, String elementName) {
        return elements(root, element -> element.elementNameMatches(elementName));
    }

    static Element byId(INestableNode root, String id) {
        List<Element> found = elements(root, element -> id.equals(element.getAttributeValue("id")));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " elements with id " + id);
        }
        return found.get(0);
    }

    /** The text content, with character references resolved as a browser does. */
    static String text(INestableNode node) {
        return HtmlUtils.htmlUnescape(rawText(node));
    }

    /** An attribute as a browser reads it (character references resolved), or null. */
    static String attribute(Element element, String name) {
        String value = element.getAttributeValue(name);
        return value == null ? null : HtmlUtils.htmlUnescape(value);
    }

    private static String rawText(INestableNode node) {
        StringBuilder text = new StringBuilder();
        for (INode child : node.getChildren()) {
            if (child instanceof Text t) {
                text.append(t.getContent());
            } else if (child instanceof INestableNode nested) {
                text.append(rawText(nested));
            }
        }
        return text.toString();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("forms-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(MESSAGES);
        engine.addDialect(new FormsDialect(new FormRendering(SHANGHAI)));
        return engine;
    }
}
