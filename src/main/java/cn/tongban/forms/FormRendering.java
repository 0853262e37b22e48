package cn.tongban.forms;

import cn.tongban.forms.FormComponent.DateTime;
import cn.tongban.forms.FormComponent.Option;
import cn.tongban.web.InvalidField;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * What the Thymeleaf fragment {@code forms/render :: form(definition, values, errors)} shows, worked out in Java
 * so the template only prints: which components are visible (their {@code conditional.hide} evaluated on the
 * values), the name and id of every input, the value to show (the entered value, else the form's
 * {@code defaultValue}), the errors at each field, the rows of the layout and the entries of dynamic lists.
 * Available in templates as {@code #forms}.
 *
 * <p>Inputs are named by their field path ({@code members[0].idNumber}), which
 * {@link FormSubmissions#fromRequestParameters} reads back, and which is also the {@code field} of an
 * {@link InvalidField} from {@link FormValidator}. Required fields are marked and carry {@code aria-required}, not
 * the HTML {@code required} attribute: whether a field is shown can depend on other answers, which a page without
 * JavaScript only learns on the next round trip, so the server decides.
 */
public final class FormRendering {

    private static final Pattern IMAGE_SOURCE = Pattern.compile("(?i)(https?|data):.*");
    private static final Pattern SAFE_ID = Pattern.compile("[^A-Za-z0-9_-]");

    private final ZoneId zone;
    private final MessageSource messages;
    private final FormRegistry registry;

    /** Shows times in {@link FormSubmissions#DEFAULT_ZONE}. */
    public FormRendering() {
        this(FormSubmissions.DEFAULT_ZONE);
    }

    /** @param zone the zone in which times are shown and typed */
    public FormRendering(ZoneId zone) {
        this(zone, null);
    }

    /**
     * @param zone     the zone in which times are shown and typed
     * @param messages translations of the forms' texts (see {@link #view(FormDefinition, Map, List, Locale)});
     *                 null to show them as the .form files state them
     */
    public FormRendering(ZoneId zone, MessageSource messages) {
        this(zone, messages, null);
    }

    /**
     * @param registry the forms whose choices name a value shown in a text block when the form at hand has no input
     *                 for it (a district code entered on the application, shown to the reviewer); null for none
     */
    public FormRendering(ZoneId zone, MessageSource messages, FormRegistry registry) {
        this.zone = zone;
        this.messages = messages;
        this.registry = registry;
    }

    /**
     * @param values form data (submitted or from the process); {@code null} for an empty form
     * @param errors faults from {@link FormValidator}; {@code null} or empty for none
     */
    public FormView view(FormDefinition form, Map<String, ?> values, List<InvalidField> errors) {
        return view(form, values, errors, null);
    }

    /**
     * The form in {@code locale}: the .form files are written in Chinese, and their texts in another language are
     * messages named after the form and the component (its key, else the path of a list or group, else its id):
     * {@code form.<formId>.<name>.label}, {@code .description}, {@code .text} (text blocks) and
     * {@code .option.<value>}. A text without a message is shown as the file states it.
     */
    public FormView view(FormDefinition form, Map<String, ?> values, List<InvalidField> errors, Locale locale) {
        Build build = new Build(form, values == null ? Map.of() : values, errors == null ? List.of() : errors,
                locale);
        List<Row> rows = build.rows(form.components(), Scope.root(form, build.values));
        List<ErrorLink> summary = new ArrayList<>();
        for (InvalidField error : build.errors) {
            Item target = build.itemsByName.get(error.field());
            summary.add(new ErrorLink(target == null ? null : target.id,
                    target == null || target.label == null ? error.field() : target.label, error.message()));
        }
        return new FormView(form.id(), "f-" + safe(form.id()) + "-errors", rows, summary);
    }

    /** The whole form: its rows and a summary of every error, linked to its field where the field is shown. */
    public record FormView(String formId, String summaryId, List<Row> rows, List<ErrorLink> errorSummary) {

        public boolean hasErrors() {
            return !errorSummary.isEmpty();
        }
    }

    /** One error in the summary; {@code targetId} is null when its field is not on the page. */
    public record ErrorLink(String targetId, String label, String message) {
    }

    /** Components side by side (form-js {@code layout.row}). */
    public record Row(List<Item> items) {
    }

    /** One choice as shown. */
    public record Choice(String id, String label, String value, boolean selected) {
    }

    /** One entry of a dynamic list. */
    public record Entry(int number, String removeValue, List<Row> rows) {
    }

    /** One component as shown; the template switches on {@link #type()}. */
    public static final class Item {

        private String type;
        private String id;
        private String name;
        private String label;
        private String description;
        private boolean required;
        private boolean readonly;
        private boolean disabled;
        private List<String> errors = List.of();
        private String value;
        private boolean checked;
        private List<Choice> choices = List.of();
        private String inputType;
        private String min;
        private String max;
        private String step;
        private Integer maxLength;
        private String prefix;
        private String suffix;
        private String columnClass;
        private List<Row> children = List.of();
        private List<Entry> entries = List.of();
        private boolean repeating;
        private boolean allowAddRemove;
        private String html;
        private String source;
        private String alt;
        private Integer height;
        private String action;
        private boolean showOutline;

        /** The form-js type: {@code textfield}, {@code group}, ... */
        public String type() {
            return type;
        }

        public String id() {
            return id;
        }

        /** The input's name: the field path, e.g. {@code members[0].idNumber}; a list's path for a list. */
        public String name() {
            return name;
        }

        public String label() {
            return label;
        }

        public String description() {
            return description;
        }

        public String descriptionId() {
            return description == null ? null : id + "-description";
        }

        public String errorId() {
            return errors.isEmpty() ? null : id + "-error";
        }

        /** The ids for {@code aria-describedby}, or null. */
        public String describedBy() {
            String both = ((descriptionId() == null ? "" : descriptionId()) + " "
                    + (errorId() == null ? "" : errorId())).trim();
            return both.isEmpty() ? null : both;
        }

        public boolean required() {
            return required;
        }

        public boolean readonly() {
            return readonly;
        }

        public boolean disabled() {
            return disabled;
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public List<String> errors() {
            return errors;
        }

        /** The value of a single input, as text for the {@code value} attribute. */
        public String value() {
            return value;
        }

        public boolean checked() {
            return checked;
        }

        public List<Choice> choices() {
            return choices;
        }

        /** {@code text}, {@code email}, {@code tel}, {@code number}, {@code date}, {@code time}, {@code datetime-local}. */
        public String inputType() {
            return inputType;
        }

        public String min() {
            return min;
        }

        public String max() {
            return max;
        }

        public String step() {
            return step;
        }

        public Integer maxLength() {
            return maxLength;
        }

        public String prefix() {
            return prefix;
        }

        public String suffix() {
            return suffix;
        }

        /** Bootstrap column classes from {@code layout.columns} (form-js counts 16 columns, Bootstrap 12). */
        public String columnClass() {
            return columnClass;
        }

        /** The rows of a group (or of a dynamic list that does not repeat). */
        public List<Row> children() {
            return children;
        }

        public List<Entry> entries() {
            return entries;
        }

        public boolean repeating() {
            return repeating;
        }

        public boolean allowAddRemove() {
            return allowAddRemove;
        }

        /** The parameter that carries a dynamic list's entry count. */
        public String rowsName() {
            return FormSubmissions.ROWS + name;
        }

        /** Safe HTML of a text view (escaped Markdown). */
        public String html() {
            return html;
        }

        public String source() {
            return source;
        }

        public String alt() {
            return alt;
        }

        public Integer height() {
            return height;
        }

        /** {@code submit} or {@code reset}, for a button. */
        public String action() {
            return action;
        }

        public boolean showOutline() {
            return showOutline;
        }
    }

    /** One rendering of one form. */
    private final class Build {

        private final FormDefinition form;
        private final Map<String, ?> values;
        private final List<InvalidField> errors;
        private final Map<String, List<String>> errorsByField = new LinkedHashMap<>();
        private final Map<String, Item> itemsByName = new LinkedHashMap<>();
        private final Set<String> ids = new HashSet<>();
        private final Locale locale;
        private int anonymous;

        Build(FormDefinition form, Map<String, ?> values, List<InvalidField> errors, Locale locale) {
            this.form = form;
            this.locale = locale;
            this.values = values;
            this.errors = errors;
            errors.forEach(error -> errorsByField.computeIfAbsent(error.field(), f -> new ArrayList<>())
                    .add(error.message()));
        }

        List<Row> rows(List<FormComponent> components, Scope scope) {
            List<Row> rows = new ArrayList<>();
            List<Item> current = null;
            String currentRow = null;
            for (FormComponent component : components) {
                if (component.hide().holdsIn(scope.variables())) {
                    continue;
                }
                Item item = item(component, scope);
                String row = component.layout().row();
                if (current == null || row == null || !row.equals(currentRow)) {
                    current = new ArrayList<>();
                    rows.add(new Row(current));
                }
                current.add(item);
                currentRow = row;
            }
            return rows;
        }

        private Item item(FormComponent component, Scope scope) {
            Item item = new Item();
            item.type = component.type().schemaName();
            item.label = translated(component, "label", component.label());
            item.description = translated(component, "description", component.description());
            item.columnClass = columnClass(component.layout().columns());
            item.readonly = component.readonly().holdsIn(scope.variables());
            item.disabled = component.disabled().holdsIn(scope.variables());
            item.required = component.validation().required();
            item.showOutline = component.presentation().showOutline();
            if (component.keyed()) {
                item.name = scope.path(component.key());
                Object value = scope.get(component.key());
                field(item, component, value == Scope.ABSENT ? component.defaultValue() : value);
            } else if (component.repeats()) {
                item.name = scope.path(component.path());
                list(item, component, scope);
            } else if (component.type().container()) {
                item.name = component.dataPath().map(scope::path).orElse(null);
                item.children = rows(component.components(),
                        component.dataPath().isPresent() ? scope.object(component.path()) : scope);
            } else {
                presentation(item, component);
            }
            item.id = id(item.name != null ? item.name : component.id());
            item.errors = item.name == null ? List.of() : errorsByField.getOrDefault(item.name, List.of());
            if (item.name != null) {
                itemsByName.putIfAbsent(item.name, item);
            }
            return item;
        }

        private void field(Item item, FormComponent component, Object value) {
            switch (component.type()) {
                case TEXTFIELD -> {
                    item.value = text(value);
                    item.inputType = textInputType(component);
                    item.maxLength = component.validation().maxLength();
                    item.prefix = component.presentation().prefixAdorner();
                    item.suffix = component.presentation().suffixAdorner();
                }
                case TEXTAREA -> {
                    item.value = text(value);
                    item.maxLength = component.validation().maxLength();
                }
                case NUMBER -> {
                    item.value = number(value);
                    item.inputType = "number";
                    item.min = plain(component.validation().min());
                    item.max = plain(component.validation().max());
                    item.step = step(component.numberFormat());
                    item.prefix = component.presentation().prefixAdorner();
                    item.suffix = component.presentation().suffixAdorner();
                }
                case CHECKBOX -> item.checked = Boolean.TRUE.equals(value);
                case DATETIME -> {
                    DateTime settings = component.dateTime();
                    item.inputType = switch (settings.subtype()) {
                        case DATE -> "date";
                        case TIME -> "time";
                        case DATETIME -> "datetime-local";
                    };
                    item.value = dateTime(settings, text(value));
                    if (item.label == null) {
                        item.label = translated(component, "label", settings.subtype() == DateTime.Subtype.TIME
                                ? settings.timeLabel() : settings.dateLabel());
                    }
                    if (settings.disallowPassedDates() && settings.subtype() != DateTime.Subtype.TIME) {
                        item.min = settings.subtype() == DateTime.Subtype.DATE
                                ? LocalDate.now(zone).toString() : LocalDate.now(zone) + "T00:00";
                    }
                }
                default -> item.choices = choices(component, value);
            }
        }

        private void list(Item item, FormComponent component, Scope scope) {
            item.repeating = true;
            item.allowAddRemove = component.repetition().allowAddRemove();
            Object value = scope.get(component.path());
            List<Map<?, ?>> entries = new ArrayList<>();
            if (value == Scope.ABSENT) {
                for (int i = 0; i < component.repetition().defaultRepetitions(); i++) {
                    entries.add(Map.of());
                }
            } else if (value instanceof List<?> list) {
                list.stream().limit(FormValidator.MAX_LIST_ENTRIES)
                        .forEach(entry -> entries.add(entry instanceof Map<?, ?> map ? map : Map.of()));
            }
            List<Entry> shown = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Scope entryScope = scope.entry(component.path(), i, entries.get(i));
                shown.add(new Entry(i + 1, scope.path(component.path()) + "[" + i + "]",
                        rows(component.components(), entryScope)));
            }
            item.entries = shown;
        }

        private void presentation(Item item, FormComponent component) {
            FormComponent.Presentation presentation = component.presentation();
            switch (component.type()) {
                case TEXT -> item.html = Markdown.toHtml(translated(component, "text", presentation.text()), values,
                        this::shown);
                case IMAGE -> {
                    String source = presentation.source();
                    item.source = source != null && IMAGE_SOURCE.matcher(source).matches() ? source : null;
                    item.alt = presentation.alt();
                }
                case SPACER -> item.height = presentation.height() == null ? 60
                        : Math.max(0, Math.min(presentation.height(), 2000));
                case BUTTON -> item.action = presentation.action();
                default -> {
                }
            }
        }

        private List<Choice> choices(FormComponent component, Object value) {
            List<Option> options = new ArrayList<>(component.options().values());
            if (component.options().valuesKey() != null) {
                // choices from input data, as form-js reads them: a list of {label, value} or of plain values
                Object input = values.get(component.options().valuesKey());
                if (input instanceof List<?> list) {
                    list.stream().limit(1000).forEach(entry -> {
                        Object optionValue = entry instanceof Map<?, ?> map ? map.get("value") : entry;
                        if (optionValue instanceof String || optionValue instanceof Number
                                || optionValue instanceof Boolean) {
                            Object optionLabel = entry instanceof Map<?, ?> map ? map.get("label") : null;
                            options.add(new Option(optionLabel instanceof String l ? l : String.valueOf(optionValue),
                                    optionValue));
                        }
                    });
                }
            }
            List<Object> chosen = value instanceof List<?> list ? new ArrayList<>(list)
                    : value == null ? List.of() : List.of(value);
            List<Choice> choices = new ArrayList<>();
            String base = id(null);
            for (int i = 0; i < options.size(); i++) {
                Option option = options.get(i);
                boolean selected = chosen.stream().anyMatch(c -> FormValidator.sameValue(option.value(), c));
                String label = i < component.options().values().size()
                        ? translated(component, "option." + option.value(), option.label()) : option.label();
                choices.add(new Choice(base + "-" + i, label, String.valueOf(option.value()), selected));
            }
            // a value that is none of the choices is shown too, so that what was entered is not lost; a nested one
            // (a list or object where a choice belongs) is no entry anyone made, and printing it could recurse deeply
            for (Object c : chosen) {
                if (plain(c) && options.stream().noneMatch(option -> FormValidator.sameValue(option.value(), c))) {
                    choices.add(new Choice(base + "-" + choices.size(), String.valueOf(c), String.valueOf(c), true));
                }
            }
            return choices;
        }

        /** The component's text in the reader's language, else as the file states it. */
        private String translated(FormComponent component, String part, String stated) {
            return translated(form, component, part, stated);
        }

        private String translated(FormDefinition owner, FormComponent component, String part, String stated) {
            if (messages == null || locale == null || stated == null) {
                return stated;
            }
            String name = component.key() != null ? component.key()
                    : component.path() != null ? component.path() : component.id();
            if (name == null) {
                return stated;
            }
            return messages.getMessage("form." + owner.id() + "." + name + "." + part, null, stated, locale);
        }

        /**
         * A value in a text block as a person reads it, not as it is stored: the label of its choice (in this form,
         * else in another form with an input of that key, such as the application's district list), else the
         * message {@code forms.value.<key>.<value>}, a yes/no for a boolean, else the value itself.
         */
        private String shown(String path, Object value) {
            if (!plain(value)) {
                return text(value);
            }
            String key = path.substring(path.lastIndexOf('.') + 1);
            List<FormDefinition> owners = new ArrayList<>();
            owners.add(form);
            if (registry != null) {
                registry.all().stream().filter(other -> !other.id().equals(form.id())).forEach(owners::add);
            }
            for (FormDefinition owner : owners) {
                for (FormComponent component : owner.fields()) {
                    if (!key.equals(component.key())) {
                        continue;
                    }
                    for (Option option : component.options().values()) {
                        if (FormValidator.sameValue(option.value(), value)) {
                            return translated(owner, component, "option." + option.value(), option.label());
                        }
                    }
                }
            }
            if (messages != null) {
                Locale shownIn = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
                String named = messages.getMessage("forms.value." + key + "." + value, null, null, shownIn);
                if (named != null) {
                    return named;
                }
                if (value instanceof Boolean yes) {
                    return messages.getMessage(yes ? "forms.value.true" : "forms.value.false", null, text(value),
                            shownIn);
                }
            }
            return text(value);
        }

        private String id(String name) {
            String candidate = "f-" + safe(form.id()) + "-" + (name == null ? "c" + (++anonymous) : safe(name));
            String id = candidate;
            for (int n = 2; !ids.add(id); n++) {
                id = candidate + "-" + n;
            }
            return id;
        }
    }

    private static String textInputType(FormComponent component) {
        FormComponent.ValidationType validationType = component.validation().validationType();
        if (validationType == FormComponent.ValidationType.EMAIL) {
            return "email";
        }
        if (validationType == FormComponent.ValidationType.PHONE) {
            return "tel";
        }
        String name = component.key().substring(component.key().lastIndexOf('.') + 1);
        if (name.endsWith("Phone") || name.equals("phone") || name.endsWith("Mobile") || name.equals("mobile")) {
            return "tel";
        }
        if (name.endsWith("Email") || name.equals("email")) {
            return "email";
        }
        return "text";
    }

    private static String columnClass(Integer columns) {
        if (columns == null) {
            return "col-12 col-md";
        }
        return "col-12 col-md-" + Math.max(1, Math.min(12, Math.round(columns * 12 / 16f)));
    }

    private static String step(FormComponent.NumberFormat format) {
        if (format == null) {
            return "any";
        }
        if (format.increment() != null) {
            return format.increment().toPlainString();
        }
        if (format.decimalDigits() != null) {
            return BigDecimal.ONE.movePointLeft(Math.min(format.decimalDigits(), 20)).toPlainString();
        }
        return "any";
    }

    /** A value as text; a list shows its plain values, anything nested shows nothing. */
    static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().filter(FormRendering::plain).map(String::valueOf).toList());
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            // amounts come back from the engine as doubles: 1000 yuan reads "1000", not "1000.0"
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return plain(value) ? String.valueOf(value) : "";
    }

    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String number(Object value) {
        BigDecimal number = FormValidator.decimal(value);
        if (number == null || Math.abs(number.scale()) > 40 || number.precision() > 40) {
            return text(value);
        }
        return number.stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    /** A stored date or time as the browser's date, time and datetime-local inputs want it, in our zone. */
    private String dateTime(DateTime settings, String text) {
        try {
            switch (settings.subtype()) {
                case TIME -> {
                    if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}")) {
                        OffsetTime time = OffsetTime.parse(text.endsWith("Z") ? text.replace("Z", "+00:00") : text);
                        return time.withOffsetSameInstant(zone.getRules().getOffset(Instant.now()))
                                .toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
                    }
                    return LocalTime.parse(text).format(DateTimeFormatter.ofPattern("HH:mm"));
                }
                case DATETIME -> {
                    LocalDateTime local = text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}")
                            ? OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime()
                            : LocalDateTime.parse(text);
                    return local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT));
                }
                default -> {
                    return LocalDate.parse(text).toString();
                }
            }
        } catch (DateTimeException e) {
            // shown as entered, with the validator's error next to it
            return text;
        }
    }

    private static String safe(String text) {
        return SAFE_ID.matcher(text.replace(".", "--")).replaceAll("-");
    }
}
