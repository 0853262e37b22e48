package cn.tongban.decisions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decision inputs built from a baseline by overriding single values; nulls are allowed (a missing fact). */
final class Vars {

    private final Map<String, Object> values;

    private Vars(Map<String, Object> values) {
        this.values = values;
    }

    static Vars of(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Vars(values);
    }

    Vars with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Vars(copy);
    }

    Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
