package cn.tongban.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The form-js component types that Tongban renders and validates on the server. Camunda 7.24's Tasklist bundles
 * form-js 1.8, which also knows {@code html}, {@code iframe}, {@code table} and {@code expression}; those depend on
 * FEEL evaluation or foreign content in the browser and are refused when a form is loaded.
 */
public enum ComponentType {

    TEXTFIELD("textfield", Kind.INPUT),
    TEXTAREA("textarea", Kind.INPUT),
    NUMBER("number", Kind.INPUT),
    DATETIME("datetime", Kind.INPUT),
    CHECKBOX("checkbox", Kind.INPUT),
    RADIO("radio", Kind.CHOICE),
    SELECT("select", Kind.CHOICE),
    CHECKLIST("checklist", Kind.MULTIPLE_CHOICE),
    TAGLIST("taglist", Kind.MULTIPLE_CHOICE),
    GROUP("group", Kind.CONTAINER),
    DYNAMICLIST("dynamiclist", Kind.CONTAINER),
    TEXT("text", Kind.PRESENTATION),
    IMAGE("image", Kind.PRESENTATION),
    SEPARATOR("separator", Kind.PRESENTATION),
    SPACER("spacer", Kind.PRESENTATION),
    BUTTON("button", Kind.PRESENTATION);

    private enum Kind { INPUT, CHOICE, MULTIPLE_CHOICE, CONTAINER, PRESENTATION }

    private final String schemaName;
    private final Kind kind;

    ComponentType(String schemaName, Kind kind) {
        this.schemaName = schemaName;
        this.kind = kind;
    }

    /** The {@code type} as written in a .form file. */
    public String schemaName() {
        return schemaName;
    }

    /** Bound to a form variable by its {@code key}. */
    public boolean keyed() {
        return kind == Kind.INPUT || kind == Kind.CHOICE || kind == Kind.MULTIPLE_CHOICE;
    }

    /** Offers options ({@code values}, {@code valuesKey} or {@code valuesExpression}). */
    public boolean hasOptions() {
        return kind == Kind.CHOICE || kind == Kind.MULTIPLE_CHOICE;
    }

    /** Its value is a list of option values. */
    public boolean multiple() {
        return kind == Kind.MULTIPLE_CHOICE;
    }

    /** Holds other components ({@code components}). */
    public boolean container() {
        return kind == Kind.CONTAINER;
    }

    public static Optional<ComponentType> fromSchemaName(String name) {
        return Arrays.stream(values()).filter(type -> type.schemaName.equals(name)).findFirst();
    }
}
