package cn.tongban.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a form reads and writes, as a tree: objects (the form, a group with a path, the dotted parts of a
 * key) hold fields, objects and lists; a list (a repeating dynamic list) holds one object shape for every entry.
 * A submission may set nothing outside it.
 */
final class DataShape {

    enum Kind { FIELD, OBJECT, LIST }

    private final Kind kind;
    private final FormComponent field;
    private final Map<String, DataShape> children = new LinkedHashMap<>();
    private final DataShape entry;

    private DataShape(Kind kind, FormComponent field) {
        this.kind = kind;
        this.field = field;
        this.entry = kind == Kind.LIST ? new DataShape(Kind.OBJECT, null) : null;
    }

    static DataShape object() {
        return new DataShape(Kind.OBJECT, null);
    }

    Kind kind() {
        return kind;
    }

    /** The input bound here, for a field. */
    FormComponent field() {
        return field;
    }

    DataShape child(String name) {
        return children.get(name);
    }

    Map<String, DataShape> children() {
        return children;
    }

    /** The shape of every entry, for a list. */
    DataShape entry() {
        return entry;
    }

    /** Binds {@code field} at the dotted {@code key}; {@code null} when the path is taken already. */
    DataShape claimField(String key, FormComponent field) {
        return claim(key, Kind.FIELD, field);
    }

    /** A list of entries at the dotted {@code path}; {@code null} when the path is taken already. */
    DataShape claimList(String path) {
        return claim(path, Kind.LIST, null);
    }

    /** The object at the dotted {@code path}, shared with groups that name the same path; {@code null} on conflict. */
    DataShape object(String path) {
        DataShape scope = this;
        for (String name : path.split("\\.")) {
            DataShape next = scope.children.get(name);
            if (next == null) {
                next = new DataShape(Kind.OBJECT, null);
                scope.children.put(name, next);
            } else if (next.kind != Kind.OBJECT) {
                return null;
            }
            scope = next;
        }
        return scope;
    }

    private DataShape claim(String path, Kind kind, FormComponent field) {
        int last = path.lastIndexOf('.');
        DataShape scope = last < 0 ? this : object(path.substring(0, last));
        String name = path.substring(last + 1);
        if (scope == null || scope.children.containsKey(name)) {
            return null;
        }
        DataShape claimed = new DataShape(kind, field);
        scope.children.put(name, claimed);
        return claimed;
    }
}
