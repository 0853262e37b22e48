package cn.tongban.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a component sits in the form data: the object its keys are relative to, the field path of that object
 * ({@code members[0].}), and the variables its FEEL conditions see.
 *
 * <p>Conditions see the data as form-js has it in the browser, where every input has a value from the moment the
 * form is shown: the given value, else the {@code defaultValue}, else the type's empty value ({@code ""} for
 * text, {@code false} for a checkbox, {@code []} for lists of choices, {@code null} otherwise); a dynamic list
 * without data has {@code defaultRepetitions} empty entries. As in form-js, a condition sees the whole form data plus
 * {@code this} (the current dynamic-list entry, or the form data), {@code parent} (the enclosing entry) and
 * {@code i} (the 1-based entry numbers); a form variable of the same name wins over these.
 */
record Scope(Map<?, ?> data, Map<?, ?> shown, String prefix, Map<?, ?> root, Object parent, List<Integer> indexes,
             Map<String, Object> variables) {

    /** A value that is not there at all, as opposed to {@code null}. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "absent";
        }
    };

    static Scope root(FormDefinition form, Map<?, ?> data) {
        Map<?, ?> given = data == null ? Map.of() : data;
        Map<String, Object> shown = copy(given);
        initialize(form.components(), shown);
        return new Scope(given, shown, "", shown, null, List.of(), variables(shown, shown, null, List.of()));
    }

    /** The children of a group with a data {@code path}. */
    Scope object(String path) {
        Map<?, ?> nested = get(data, path) instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> nestedShown = get(shown, path) instanceof Map<?, ?> map ? map : Map.of();
        return new Scope(nested, nestedShown, prefix + path + ".", root, parent, indexes, variables);
    }

    /** The children of entry {@code index} of the dynamic list at {@code path}. */
    Scope entry(String path, int index, Map<?, ?> entry) {
        List<Integer> entryIndexes = new ArrayList<>(indexes);
        entryIndexes.add(index + 1);
        Object list = get(shown, path);
        Map<?, ?> entryShown = list instanceof List<?> entries && index < entries.size()
                && entries.get(index) instanceof Map<?, ?> map ? map : Map.of();
        Object self = variables.get("_this_");
        return new Scope(entry, entryShown, prefix + path + "[" + index + "].", root, self,
                List.copyOf(entryIndexes), variables(root, entryShown, self, entryIndexes));
    }

    /** The given value at a dotted key below this scope, or {@link #ABSENT}. */
    Object get(String key) {
        return get(data, key);
    }

    /** The full field path of a key below this scope, e.g. {@code members[0].idNumber}. */
    String path(String key) {
        return prefix + key;
    }

    private static Object get(Map<?, ?> scope, String key) {
        Object value = scope;
        for (String name : key.split("\\.")) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(name)) {
                return ABSENT;
            }
            value = map.get(name);
        }
        return value;
    }

    private static Map<String, Object> variables(Map<?, ?> root, Object self, Object parent, List<Integer> indexes) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("this", self);
        variables.put("parent", parent);
        variables.put("i", indexes);
        variables.put("_this_", self);
        variables.put("_parent_", parent);
        variables.put("_i_", indexes);
        root.forEach((name, value) -> variables.put(String.valueOf(name), value));
        return variables;
    }

    /** Fills in what form-js fills in when it shows the form (see the class comment). */
    @SuppressWarnings("unchecked")
    private static void initialize(List<FormComponent> components, Map<String, Object> scope) {
        for (FormComponent component : components) {
            if (component.keyed()) {
                Map<String, Object> target = scope;
                String[] names = component.key().split("\\.");
                for (int i = 0; i < names.length - 1 && target != null; i++) {
                    Object next = target.computeIfAbsent(names[i], n -> new LinkedHashMap<String, Object>());
                    target = next instanceof Map<?, ?> ? (Map<String, Object>) next : null;
                }
                if (target != null && !target.containsKey(names[names.length - 1])) {
                    target.put(names[names.length - 1], component.defaultValue() != null
                            ? component.defaultValue() : emptyValue(component.type()));
                }
            } else if (component.repeats()) {
                Object list = get(scope, component.path());
                if (!(list instanceof List<?>)) {
                    List<Object> entries = new ArrayList<>();
                    for (int i = 0; i < component.repetition().defaultRepetitions(); i++) {
                        entries.add(new LinkedHashMap<String, Object>());
                    }
                    put(scope, component.path(), entries);
                    list = entries;
                }
                if (list instanceof List<?> entries) {
                    List<Object> values = (List<Object>) entries;
                    for (int i = 0; i < values.size(); i++) {
                        if (!(values.get(i) instanceof Map<?, ?>)) {
                            values.set(i, new LinkedHashMap<String, Object>());
                        }
                        initialize(component.components(), (Map<String, Object>) values.get(i));
                    }
                }
            } else if (component.dataPath().isPresent()) {
                Object nested = get(scope, component.path());
                if (nested == ABSENT || nested == null) {
                    nested = new LinkedHashMap<String, Object>();
                    put(scope, component.path(), nested);
                }
                if (nested instanceof Map<?, ?>) {
                    initialize(component.components(), (Map<String, Object>) nested);
                }
            } else {
                initialize(component.components(), scope);
            }
        }
    }

    private static Object emptyValue(ComponentType type) {
        return switch (type) {
            case TEXTFIELD, TEXTAREA -> "";
            case CHECKBOX -> false;
            case CHECKLIST, TAGLIST -> new ArrayList<>();
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> scope, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> target = scope;
        for (int i = 0; i < names.length - 1; i++) {
            Object next = target.computeIfAbsent(names[i], n -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map<?, ?>)) {
                return;
            }
            target = (Map<String, Object>) next;
        }
        target.put(names[names.length - 1], value);
    }

    /** A copy of the maps and lists of {@code data}; everything else is shared. */
    private static Map<String, Object> copy(Map<?, ?> data) {
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((name, value) -> copy.put(String.valueOf(name), copyValue(value, 0)));
        return copy;
    }

    private static Object copyValue(Object value, int depth) {
        if (depth > 64) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((name, nested) -> copy.put(String.valueOf(name), copyValue(nested, depth + 1)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyValue(element, depth + 1)));
            return copy;
        }
        return value;
    }
}
