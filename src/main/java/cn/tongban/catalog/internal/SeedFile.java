package cn.tongban.catalog.internal;

import cn.tongban.catalog.CatalogSeedException.Problem;
import cn.tongban.catalog.Names;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** One seed file being checked: its name, where its values are, and the problems found so far. */
final class SeedFile {

    private final String name;
    private final LineIndex index;
    private final List<Problem> problems = new ArrayList<>();

    SeedFile(String name, LineIndex index) {
        this.name = name;
        this.index = index;
    }

    static Problem problemAt(String file, JsonLocation location, String message) {
        JsonLocation at = location != null ? location : JsonLocation.NA;
        return new Problem(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), message);
    }

    void problem(String pointer, String message) {
        problems.add(problemAt(name, index.locate(pointer), message));
    }

    int line(String pointer) {
        return index.locate(pointer).getLineNr();
    }

    List<Problem> problems() {
        return problems;
    }

    /** Reports a missing or blank text; true when present. */
    boolean requireText(String value, String pointer, String what) {
        if (value == null || value.isBlank()) {
            problem(pointer, what + " is missing");
            return false;
        }
        return true;
    }

    /** Reports a missing or malformed code; true when well-formed. */
    boolean requireCode(String value, Pattern pattern, String pointer, String what) {
        if (!requireText(value, pointer, what)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problem(pointer, what + " '" + value + "' does not match " + pattern.pattern());
            return false;
        }
        return true;
    }

    /** Both names are required: the Chinese one is shown first, the English one on the English pages. */
    void requireNames(Names names, String pointer) {
        if (names == null) {
            problem(pointer + "/names", "names (zh, en) are missing");
            return;
        }
        requireText(names.zh(), pointer + "/names/zh", "Chinese name (names.zh)");
        requireText(names.en(), pointer + "/names/en", "English name (names.en)");
    }

    /** Reports a list that is absent or empty; true when it has elements. */
    boolean requireElements(List<?> list, String pointer, String what) {
        if (list == null || list.isEmpty()) {
            problem(pointer, what + " must list at least one entry");
            return false;
        }
        return true;
    }

    /** Reports a null element of a list; true when present. */
    boolean requireElement(Object element, String pointer) {
        if (element == null) {
            problem(pointer, "entry is null");
            return false;
        }
        return true;
    }

    /** Reports a value outside an enumeration, listing the accepted ones; true when accepted. */
    <E extends Enum<E>> boolean requireOneOf(String value, E[] accepted, Function<E, String> code, String pointer,
                                             String what) {
        if (!requireText(value, pointer, what)) {
            return false;
        }
        if (Arrays.stream(accepted).noneMatch(e -> code.apply(e).equals(value))) {
            problem(pointer, "unknown " + what + " '" + value + "'; expected one of "
                    + Arrays.stream(accepted).map(code).toList());
            return false;
        }
        return true;
    }

    <E extends Enum<E>> boolean requireOneOf(String value, E[] accepted, String pointer, String what) {
        return requireOneOf(value, accepted, Enum::name, pointer, what);
    }

    /** Reports a key seen before in {@code seen}, naming the line of its first occurrence. */
    void requireUnique(Map<String, String> seen, String key, String pointer, String what) {
        String first = seen.putIfAbsent(key, pointer);
        if (first != null) {
            problem(pointer, "duplicate " + what + " '" + key + "' (first at line " + line(first) + ")");
        }
    }
}
