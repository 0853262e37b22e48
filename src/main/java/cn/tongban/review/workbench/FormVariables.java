package cn.tongban.review.workbench;

import cn.tongban.forms.ComponentType;
import cn.tongban.forms.FeelCondition;
import cn.tongban.forms.FormComponent;
import cn.tongban.forms.FormDefinition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which case variables a task's Camunda Form shows, and which of them the reviewer cannot change. */
final class FormVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "in", "true", "false", "null", "this",
            "parent", "i", "between", "instance", "of", "if", "then", "else", "some", "every", "satisfies", "for",
            "return");

    private FormVariables() {
    }

    /**
     * The top-level variables the form shows or depends on: input keys, data paths of groups and lists, the
     * {@code {{placeholders}}} of text, the names its conditions read and its {@code valuesKey}s.
     */
    static Set<String> shown(FormDefinition form) {
        Set<String> names = new LinkedHashSet<>();
        collect(form.components(), true, names);
        return names;
    }

    /**
     * The case's values of the fields shown but never submitted (disabled or read-only as the form states them):
     * what the form's conditions see of them in Tasklist, so the server judges a submission the same way.
     */
    static Map<String, Object> fixedValues(FormDefinition form, Map<String, ?> caseValues) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        collectFixed(form.components(), caseValues, fixed);
        return fixed;
    }

    private static void collect(List<FormComponent> components, boolean topLevel, Set<String> names) {
        for (FormComponent component : components) {
            if (topLevel && component.keyed()) {
                names.add(top(component.key()));
            }
            if (topLevel && component.dataPath().isPresent()) {
                names.add(top(component.dataPath().get()));
            }
            if (component.type() == ComponentType.TEXT && component.presentation().text() != null) {
                Matcher placeholder = PLACEHOLDER.matcher(component.presentation().text());
                while (placeholder.find()) {
                    names.add(placeholder.group(1));
                }
            }
            if (component.options().valuesKey() != null) {
                names.add(top(component.options().valuesKey()));
            }
            conditionNames(component.hide(), names);
            conditionNames(component.readonly(), names);
            conditionNames(component.disabled(), names);
            collect(component.components(), topLevel && component.dataPath().isEmpty(), names);
        }
    }

    private static void conditionNames(FeelCondition condition, Set<String> names) {
        String text = condition.text();
        if (text == null || !text.startsWith("=")) {
            return;
        }
        Matcher name = NAME.matcher(STRING_LITERAL.matcher(text.substring(1)).replaceAll(" "));
        while (name.find()) {
            if (!FEEL_WORDS.contains(name.group(1))) {
                names.add(name.group(1));
            }
        }
    }

    private static void collectFixed(List<FormComponent> components, Map<String, ?> caseValues,
                                     Map<String, Object> fixed) {
        for (FormComponent component : components) {
            if (component.keyed() && !component.key().contains(".") && caseValues.containsKey(component.key())
                    && (always(component.disabled()) || always(component.readonly()))) {
                fixed.put(component.key(), caseValues.get(component.key()));
            }
            if (component.dataPath().isEmpty()) {
                collectFixed(component.components(), caseValues, fixed);
            }
        }
    }

    private static boolean always(FeelCondition condition) {
        return condition.constant() && condition.holdsIn(Map.of());
    }

    private static String top(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
