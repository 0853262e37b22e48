package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese translations of the Camunda webapps against the English of the Camunda version on the classpath:
 * the same keys, the same placeholders, and the webapps' own language choice picking them for zh-CN browsers.
 * When Camunda is upgraded and adds or renames keys, this names every key to translate.
 */
class CamundaWebappLocalesTest {

    static final String APP = "META-INF/resources/webjars/camunda/app/";
    /** {{ name }} of angular-translate, and %d / %s of moment's relative times. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|%[ds]");
    /** The webapps' language choice: the browser's first language, cut at "-", lower case, among availableLocales. */
    private static final Pattern PREFERRED_LANGUAGE = Pattern.compile(
            "determinePreferredLanguage\\(\\(function\\(\\)\\{[^}]*\\.split\\(\"-\"\\),\\w+=\\w+\\.indexOf\\(\\w+\\[0]"
                    + "\\.toLowerCase\\(\\)\\);return \\w+>-1\\?\\w+\\[\\w+]:\\w+}\\)\\)");
    private static final Pattern PRODUCT_NAMES = Pattern.compile("Camunda|Optimize");
    private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales:\\s*\\[([^]]*)]");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theChineseTranslationHasExactlyTheEnglishKeys(String app) throws IOException {
        Map<String, JsonNode> english = leaves(read(app, "en.json"));
        Map<String, JsonNode> chinese = leaves(read(app, "zh.json"));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(chinese.keySet());
        Set<String> extra = new TreeSet<>(chinese.keySet());
        extra.removeAll(english.keySet());
        assertThat(missing).as("keys of %s/locales/en.json missing from zh.json", app).isEmpty();
        assertThat(extra).as("keys of %s/locales/zh.json that en.json does not have", app).isEmpty();
        english.forEach((key, value) -> assertThat(chinese.get(key).getNodeType()).as(key)
                .isEqualTo(value.getNodeType()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyTranslationKeepsTheEnglishPlaceholders(String app) throws IOException {
        Map<String, JsonNode> english = leaves(read(app, "en.json"));
        Map<String, JsonNode> chinese = leaves(read(app, "zh.json"));

        List<String> wrong = new ArrayList<>();
        english.forEach((key, value) -> {
            JsonNode translated = chinese.get(key);
            if (value.isTextual() && translated != null
                    && !placeholders(value.asText()).equals(placeholders(translated.asText()))) {
                wrong.add(key + ": " + placeholders(value.asText()) + " but " + placeholders(translated.asText()));
            }
        });
        assertThat(wrong).as("placeholders of %s/locales/zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theLabelsAreTranslatedNotCopied(String app) throws IOException {
        Map<String, JsonNode> english = leaves(read(app, "en.json").get("labels"));
        Map<String, JsonNode> chinese = leaves(read(app, "zh.json").get("labels"));

        // abbreviations (BPMN, DMN, ID, JSON, CSV) and product names stay as they are; everything else is Chinese
        Set<String> copied = english.entrySet().stream()
                .filter(e -> e.getValue().asText().equals(chinese.get(e.getKey()).asText()))
                .filter(e -> PRODUCT_NAMES.matcher(e.getValue().asText()).replaceAll("")
                        .matches("(?s).*[a-z]{3,}.*"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(copied).as("English text left in %s/locales/zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void aBrowserAskingForZhCnGetsTheChineseTranslation(String app) throws IOException {
        String bootstrap = text(APP + app + "/camunda-" + app + "-bootstrap.js");
        assertThat(PREFERRED_LANGUAGE.matcher(bootstrap).find())
                .as("%s still chooses the language by the part of the browser's language before '-'", app).isTrue();

        Matcher locales = AVAILABLE_LOCALES.matcher(text(APP + app + "/scripts/config.js"));
        assertThat(locales.find()).as("%s/scripts/config.js sets availableLocales", app).isTrue();
        List<String> available = Pattern.compile("'([^']+)'").matcher(locales.group(1)).results()
                .map(m -> m.group(1)).toList();
        // what the bootstrap's choice makes of a browser sending zh-CN; zh.json is then what it loads
        String chosen = "zh-CN".split("-")[0].toLowerCase();
        assertThat(available).contains(chosen, "en");
    }

    private static List<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group(1) != null ? "{{" + m.group(1) + "}}" : m.group())
                .sorted().toList();
    }

    private JsonNode read(String app, String file) throws IOException {
        String path = APP + app + "/locales/" + file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            // Camunda's files start with a byte order mark, which Jackson skips
            return json.readTree(in);
        }
    }

    private String text(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every value that is not an object, by its path: {@code labels.CLAIM}, {@code dateLocales.months[0]}. */
    static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect(node, "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }
}
