package cn.tongban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field path as the renderer names inputs and the validator names faults: {@code applicant.name},
 * {@code members[0].idNumber}. Parsed into names and entry numbers, and resolved against a form's data shape.
 */
record FieldPath(List<Object> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_]+)|\\[(\\d{1,3})]");

    /** {@code null} when {@code text} is no path of names and entry numbers below {@link FormValidator#MAX_LIST_ENTRIES}. */
    static FieldPath parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 500) {
            return null;
        }
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (at > 0 && text.charAt(at) == '.') {
                at++;
                if (at == text.length()) {
                    return null;
                }
            }
            if (!matcher.find(at) || matcher.start() != at) {
                return null;
            }
            if (matcher.group(1) != null) {
                if (at > 0 && text.charAt(at - 1) != '.') {
                    return null;
                }
                segments.add(matcher.group(1));
            } else {
                if (at == 0 || text.charAt(at - 1) == '.') {
                    return null;
                }
                int index = Integer.parseInt(matcher.group(2));
                if (index >= FormValidator.MAX_LIST_ENTRIES) {
                    return null;
                }
                segments.add(index);
            }
            at = matcher.end();
        }
        return segments.isEmpty() || !(segments.get(0) instanceof String) ? null : new FieldPath(segments);
    }

    /** The shape this path leads to in {@code root}, or {@code null} when the form has no such place. */
    DataShape resolve(DataShape root) {
        DataShape shape = root;
        for (Object segment : segments) {
            if (segment instanceof String name && shape.kind() == DataShape.Kind.OBJECT) {
                shape = shape.child(name);
            } else if (segment instanceof Integer && shape.kind() == DataShape.Kind.LIST) {
                shape = shape.entry();
            } else {
                return null;
            }
            if (shape == null) {
                return null;
            }
        }
        return shape;
    }
}
