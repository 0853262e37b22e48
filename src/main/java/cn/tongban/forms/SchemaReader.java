package cn.tongban.forms;

import cn.tongban.forms.FormComponent.DateTime;
import cn.tongban.forms.FormComponent.Layout;
import cn.tongban.forms.FormComponent.NumberFormat;
import cn.tongban.forms.FormComponent.Option;
import cn.tongban.forms.FormComponent.Options;
import cn.tongban.forms.FormComponent.Presentation;
import cn.tongban.forms.FormComponent.Repetition;
import cn.tongban.forms.FormComponent.Validation;
import cn.tongban.forms.FormComponent.ValidationType;
import cn.tongban.forms.FormSchemaException.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one .form file into a {@link FormDefinition}, collecting every fault with where it is. Properties that
 * form-js knows and the server does not need (custom {@code properties}, {@code exporter}, ...) are ignored;
 * properties the server relies on are checked for their type.
 */
final class SchemaReader {

    /** Shown by the Tasklist but not by the server, which neither evaluates FEEL nor embeds foreign content. */
    private static final Set<String> BROWSER_ONLY = Set.of("html", "iframe", "table", "expression");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
    private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String source;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private SchemaReader(String source) {
        this.source = source;
    }

    static FormDefinition read(String source, byte[] content) {
        return new SchemaReader(source).read(content);
    }

    private FormDefinition read(byte[] content) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new FormSchemaException(List.of(new Problem(source,
                    e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new FormSchemaException(List.of(new Problem(source, "", "cannot be read: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new FormSchemaException(List.of(new Problem(source, "", "must be a JSON object")));
        }
        String type = text(root, "type", "");
        if (type != null && !"default".equals(type)) {
            problem("type", "must be \"default\" for a form");
        }
        String id = text(root, "id", "");
        if (id == null || id.isBlank()) {
            problem("id", "is required: it is the form key that camunda:formRef names");
        }
        Integer schemaVersion = integer(root, "schemaVersion", "");
        DataShape shape = DataShape.object();
        List<FormComponent> components = components(root, "", shape);
        if (!problems.isEmpty()) {
            throw new FormSchemaException(problems);
        }
        return new FormDefinition(id, schemaVersion, source, components, shape);
    }

    private List<FormComponent> components(JsonNode parent, String where, DataShape scope) {
        JsonNode array = parent.get("components");
        List<FormComponent> components = new ArrayList<>();
        if (array == null || array.isNull()) {
            return components;
        }
        if (!array.isArray()) {
            problem(where + "components", "must be a list");
            return components;
        }
        for (int i = 0; i < array.size(); i++) {
            FormComponent component = component(array.get(i), where + "components[" + i + "]", scope);
            if (component != null) {
                components.add(component);
            }
        }
        return components;
    }

    private FormComponent component(JsonNode node, String at, DataShape scope) {
        if (!node.isObject()) {
            problem(at, "must be an object");
            return null;
        }
        String typeName = text(node, "type", at);
        if (typeName == null) {
            problem(at, "has no type");
            return null;
        }
        String key = node.path("key").isTextual() ? node.get("key").asText() : null;
        String where = at + (key != null ? " \"" + key + "\"" : "") + " ";
        ComponentType type = ComponentType.fromSchemaName(typeName).orElse(null);
        if (type == null) {
            problem(where + "type", BROWSER_ONLY.contains(typeName)
                    ? "\"" + typeName + "\" needs FEEL or foreign content in the browser and is not supported by the "
                    + "server-side forms; use text, select or a keyed input instead"
                    : "\"" + typeName + "\" is not a component type of form-js 1.8 (Camunda 7.24 Tasklist)");
            return null;
        }
        String id = text(node, "id", where);
        if (id != null && !ids.add(id)) {
            problem(where + "id", "\"" + id + "\" is used by another component");
        }
        String label = text(node, "label", where);
        String description = text(node, "description", where);
        FormComponent partial = null;
        DataShape childScope = scope;
        String path = null;
        if (type.keyed()) {
            key = text(node, "key", where);
            if (key == null || !KEY.matcher(key).matches()) {
                problem(where + "key", "is required: letters, digits and _ separated by dots");
                key = null;
            }
        } else {
            key = null;
        }
        if (type.container()) {
            path = text(node, "path", where);
            if (path != null && !path.isEmpty() && !KEY.matcher(path).matches()) {
                problem(where + "path", "must be letters, digits and _ separated by dots");
                path = null;
            }
        }
        Repetition repetition = type == ComponentType.DYNAMICLIST ? repetition(node, where) : null;
        if (type == ComponentType.DYNAMICLIST && (path == null || path.isEmpty())) {
            problem(where + "path", "is required for a dynamic list");
        } else if (type.container() && path != null && !path.isEmpty()) {
            DataShape claimed = repetition != null && repetition.repeating()
                    ? Optional.ofNullable(scope.claimList(path)).map(DataShape::entry).orElse(null)
                    : scope.object(path);
            if (claimed == null) {
                problem(where + "path", "\"" + path + "\" is already bound to another component");
            } else {
                childScope = claimed;
            }
        }
        Options options = type.hasOptions() ? options(node, where) : Options.NONE;
        FormComponent component = new FormComponent(type, id, key, path, label, description,
                validation(node, where, type), options, value(node.get("defaultValue")),
                condition(node.path("conditional").get("hide"), where + "conditional.hide", true),
                condition(node.get("readonly"), where + "readonly", false),
                condition(node.get("disabled"), where + "disabled", false),
                layout(node, where),
                type == ComponentType.DATETIME ? dateTime(node, where) : null,
                type == ComponentType.NUMBER ? numberFormat(node, where) : null,
                repetition, presentation(node, where, type),
                type.container() ? components(node, where.trim() + ".", childScope) : List.of());
        if (type.keyed() && key != null && scope.claimField(key, component) == null) {
            problem(where + "key", "\"" + key + "\" is already bound to another component");
        }
        return component;
    }

    private Validation validation(JsonNode node, String where, ComponentType type) {
        JsonNode validate = node.get("validate");
        if (validate == null || validate.isNull()) {
            return Validation.NONE;
        }
        String at = where + "validate";
        if (!validate.isObject()) {
            problem(at, "must be an object");
            return Validation.NONE;
        }
        boolean required = bool(validate, "required", at + ".", false);
        Integer minLength = limitInteger(validate, "minLength", at + ".");
        Integer maxLength = limitInteger(validate, "maxLength", at + ".");
        BigDecimal min = limitNumber(validate, "min", at + ".");
        BigDecimal max = limitNumber(validate, "max", at + ".");
        String pattern = text(validate, "pattern", at + ".");
        Pattern javaPattern = null;
        if (pattern != null && !pattern.isEmpty()) {
            try {
                javaPattern = JsPatterns.compile(pattern);
            } catch (PatternSyntaxException e) {
                problem(at + ".pattern", "\"" + pattern + "\" cannot be checked on the server: "
                        + e.getDescription());
            }
        } else {
            pattern = null;
        }
        String validationTypeName = text(validate, "validationType", at + ".");
        ValidationType validationType = null;
        if ("email".equals(validationTypeName) || "phone".equals(validationTypeName)) {
            validationType = ValidationType.valueOf(validationTypeName.toUpperCase(Locale.ROOT));
        } else if (validationTypeName != null && !validationTypeName.isEmpty()
                && !"custom".equals(validationTypeName)) {
            problem(at + ".validationType", "must be email, phone or custom");
        }
        // the Modeler offers them for a textfield; the form-js viewer applies them to a textarea as well
        if ((validationType != null || pattern != null)
                && type != ComponentType.TEXTFIELD && type != ComponentType.TEXTAREA) {
            problem(at, "pattern and validationType apply to text only");
        }
        return new Validation(required, minLength, maxLength, min, max, pattern, javaPattern, validationType);
    }

    private Options options(JsonNode node, String where) {
        String valuesKey = text(node, "valuesKey", where);
        String valuesExpression = text(node, "valuesExpression", where);
        JsonNode values = node.get("values");
        List<Option> options = new ArrayList<>();
        if (values != null && !values.isNull()) {
            if (!values.isArray()) {
                problem(where + "values", "must be a list");
            } else {
                for (int i = 0; i < values.size(); i++) {
                    JsonNode entry = values.get(i);
                    JsonNode value = entry.isObject() ? entry.get("value") : entry;
                    if (value == null || !value.isValueNode() || value.isNull()) {
                        problem(where + "values[" + i + "]", "needs a value (text, number or true/false)");
                        continue;
                    }
                    Object scalar = value(value);
                    String label = entry.isObject() && entry.path("label").isTextual()
                            ? entry.get("label").asText() : String.valueOf(scalar);
                    options.add(new Option(label, scalar));
                }
            }
        }
        if (options.isEmpty() && valuesKey == null && valuesExpression == null) {
            problem(where + "values", "a choice needs values, valuesKey or valuesExpression");
        }
        return new Options(options, valuesKey, valuesExpression);
    }

    private FeelCondition condition(JsonNode node, String at, boolean expressionOnly) {
        if (node == null || node.isNull()) {
            return FeelCondition.NEVER;
        }
        if (node.isBoolean() && !expressionOnly) {
            return FeelCondition.of(node.asBoolean());
        }
        if (node.isTextual()) {
            return node.asText().isEmpty() ? FeelCondition.NEVER : FeelCondition.parse(node.asText());
        }
        problem(at, expressionOnly ? "must be a FEEL expression (\"=...\")" : "must be true, false or \"=...\"");
        return FeelCondition.NEVER;
    }

    private Layout layout(JsonNode node, String where) {
        JsonNode layout = node.get("layout");
        if (layout == null || layout.isNull()) {
            return Layout.AUTO;
        }
        if (!layout.isObject()) {
            problem(where + "layout", "must be an object");
            return Layout.AUTO;
        }
        String row = text(layout, "row", where + "layout.");
        Integer columns = integer(layout, "columns", where + "layout.");
        if (columns != null && (columns < 1 || columns > 16)) {
            problem(where + "layout.columns", "must be between 1 and 16");
            columns = null;
        }
        return new Layout(row, columns);
    }

    private DateTime dateTime(JsonNode node, String where) {
        String subtype = text(node, "subtype", where);
        DateTime.Subtype parsedSubtype = DateTime.Subtype.DATE;
        if (subtype != null) {
            try {
                parsedSubtype = DateTime.Subtype.valueOf(subtype.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(where + "subtype", "must be date, time or datetime");
            }
        }
        String format = text(node, "timeSerializingFormat", where);
        DateTime.TimeFormat timeFormat = DateTime.TimeFormat.UTC_OFFSET;
        if (format != null) {
            try {
                timeFormat = DateTime.TimeFormat.valueOf(format.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(where + "timeSerializingFormat", "must be utc_offset, utc_normalized or no_timezone");
            }
        }
        Integer interval = integer(node, "timeInterval", where);
        return new DateTime(parsedSubtype, text(node, "dateLabel", where), text(node, "timeLabel", where),
                bool(node, "use24h", where, false), timeFormat, interval,
                bool(node, "disallowPassedDates", where, false));
    }

    private NumberFormat numberFormat(JsonNode node, String where) {
        Integer decimalDigits = integer(node, "decimalDigits", where);
        if (decimalDigits != null && decimalDigits < 0) {
            problem(where + "decimalDigits", "must not be negative");
            decimalDigits = null;
        }
        BigDecimal increment = limitNumber(node, "increment", where);
        if (increment != null && increment.signum() <= 0) {
            problem(where + "increment", "must be positive");
            increment = null;
        }
        return new NumberFormat(decimalDigits, increment, bool(node, "serializeToString", where, false));
    }

    private Repetition repetition(JsonNode node, String where) {
        // form-js fills these defaults in when it imports a dynamic list
        Integer defaults = integer(node, "defaultRepetitions", where);
        if (defaults != null && (defaults < 0 || defaults > FormValidator.MAX_LIST_ENTRIES)) {
            problem(where + "defaultRepetitions", "must be between 0 and " + FormValidator.MAX_LIST_ENTRIES);
            defaults = null;
        }
        return new Repetition(bool(node, "isRepeating", where, true), defaults == null ? 1 : defaults,
                bool(node, "allowAddRemove", where, true));
    }

    private Presentation presentation(JsonNode node, String where, ComponentType type) {
        JsonNode appearance = node.path("appearance");
        String prefix = appearance.path("prefixAdorner").isTextual() ? appearance.get("prefixAdorner").asText() : null;
        String suffix = appearance.path("suffixAdorner").isTextual() ? appearance.get("suffixAdorner").asText() : null;
        String action = text(node, "action", where);
        if (type == ComponentType.BUTTON && action != null && !action.equals("submit") && !action.equals("reset")) {
            problem(where + "action", "must be submit or reset");
        }
        Integer height = integer(node, "height", where);
        return new Presentation(text(node, "text", where), text(node, "source", where), text(node, "alt", where),
                action == null ? "submit" : action, height, prefix, suffix,
                bool(node, "showOutline", where, type == ComponentType.DYNAMICLIST));
    }

    /** A JSON value as form data: text, a number (Long or BigDecimal), a boolean, a list, or null. */
    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(value(element)));
            return Collections.unmodifiableList(list);
        }
        return null;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem(where + field, "must be text");
            return null;
        }
        return value.asText();
    }

    private Integer integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(where + field, "must be a whole number");
            return null;
        }
        return value.asInt();
    }

    private boolean bool(JsonNode node, String field, String where, boolean otherwise) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            problem(where + field, "must be true or false");
            return otherwise;
        }
        return value.asBoolean();
    }

    /** A length limit: a whole number, or a FEEL expression the browser evaluates (null here). */
    private Integer limitInteger(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && value.asText().startsWith("=")) {
            return null;
        }
        Integer limit = integer(node, field, where);
        if (limit != null && limit < 0) {
            problem(where + field, "must not be negative");
            return null;
        }
        return limit;
    }

    /** A numeric limit: a number, a number written as text, or a FEEL expression (null here). */
    private BigDecimal limitNumber(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            if (text.startsWith("=") || text.isEmpty()) {
                return null;
            }
            if (NUMERIC.matcher(text).matches()) {
                return new BigDecimal(text);
            }
        }
        problem(where + field, "must be a number or a FEEL expression");
        return null;
    }

    private void problem(String element, String message) {
        problems.add(new Problem(source, element.trim(), message));
    }
}
