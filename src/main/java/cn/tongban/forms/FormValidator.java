package cn.tongban.forms;

import cn.tongban.forms.FormComponent.DateTime;
import cn.tongban.forms.FormComponent.Option;
import cn.tongban.forms.FormComponent.Validation;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * Checks a submission against the form it was made with, on the server, whatever the browser did. Messages come
 * from the {@code forms-messages} bundle in the requested language.
 *
 * <p>The rules of the form (as form-js applies them in the Tasklist): {@code required} (empty text, {@code null},
 * an empty list or an unticked checkbox count as missing; text of white space only also does here),
 * {@code minLength}/{@code maxLength} (on the trimmed text), {@code pattern} (a match anywhere, as
 * {@code RegExp.test}), {@code validationType} email and phone, {@code min}/{@code max}, {@code decimalDigits} and
 * {@code increment} of numbers, the static choices of select, radio, checklist and taglist, the format of datetime
 * values per subtype and {@code timeSerializingFormat}, {@code disallowPassedDates}. Limits written as FEEL
 * expressions, and choices from {@code valuesKey} or {@code valuesExpression}, are left to the browser.
 *
 * <p>Beyond the form:
 * <ul>
 *   <li>types: text is a string, a number a finite JSON number (a numeric string with {@code serializeToString}),
 *       a checkbox a boolean, a group with a path an object, a dynamic list a list of objects of at most
 *       {@value #MAX_LIST_ENTRIES} entries;</li>
 *   <li>a submission may set only the form's variables: any other name is an error;</li>
 *   <li>text holds no control characters (line breaks and tabs are allowed in a textarea), no unpaired surrogates
 *       and no bidirectional overrides, and is at most {@value #MAX_TEXTFIELD_LENGTH} characters in a textfield and
 *       {@value #MAX_TEXTAREA_LENGTH} in a textarea unless {@code maxLength} allows more; anything else, script
 *       tags and SQL included, is plain text the renderer escapes;</li>
 *   <li>by the last part of a textfield's key, unless the form sets a {@code validationType}: {@code ...IdNumber}
 *       / {@code idNumber} is a {@link ResidentIdNumber}; {@code ...Phone}, {@code phone}, {@code mobile},
 *       {@code ...Mobile} a mainland mobile number ({@code 1[3-9]} and nine digits); {@code ...Email},
 *       {@code email} an e-mail address; {@code ...Date}, {@code date} an ISO date ({@code 2024-05-31});</li>
 *   <li>a number field whose key contains {@code amount} or {@code income} (any case) is an amount of money:
 *       0 to 10,000,000 with at most two decimals.</li>
 * </ul>
 *
 * <p>Hidden components ({@code conditional.hide} true, see {@link FeelCondition}), disabled and read-only fields
 * are not checked: form-js does not submit hidden or disabled values, and a read-only value is the process's
 * own. {@link #accept} drops all three, so the process keeps what it had.
 */
public class FormValidator {

    /** Entries a dynamic list may have. */
    public static final int MAX_LIST_ENTRIES = 200;
    /** Characters a textfield may hold unless its {@code maxLength} allows more. */
    public static final int MAX_TEXTFIELD_LENGTH = 1_000;
    /** Characters a textarea may hold unless its {@code maxLength} allows more. */
    public static final int MAX_TEXTAREA_LENGTH = 20_000;
    /** The largest amount of money a form takes. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    private static final int MAX_ERRORS = 200;
    private static final int MAX_FIELD_NAME = 200;
    /** Digits a number may have before or after the point; anything longer is no figure a form asks for. */
    private static final int MAX_NUMBER_DIGITS = 40;

    /** The HTML5 e-mail pattern that form-js uses as well. */
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");
    /** E.164 with + or 00; form-js also checks the country code, the server only the shape. */
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("(\\+|00)[1-9]\\d{5,26}");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern NUMERIC_TEXT = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2}))?(Z|[+-]\\d{2}:\\d{2})?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final MessageSource messages;
    private final Clock clock;

    /** @param clock gives "today" (in its zone) for birth dates and {@code disallowPassedDates} */
    public FormValidator(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Every fault of {@code submission} (form data as JSON gives it: maps, lists, strings, numbers, booleans),
     * each with its field path ({@code members[0].idNumber}) and a message in {@code locale}; empty when the
     * submission is valid.
     */
    public List<InvalidField> validate(FormDefinition form, Map<String, ?> submission, Locale locale) {
        return run(form, submission, locale, false);
    }

    /**
     * The faults that keep a partly filled form from being stored as a draft: names the form does not have,
     * values of the wrong type, text that is too long or holds forbidden characters. Required fields, patterns,
     * ranges and the domain checks wait for the submission.
     */
    public List<InvalidField> validateDraft(FormDefinition form, Map<String, ?> draft, Locale locale) {
        return run(form, draft, locale, true);
    }

    private List<InvalidField> run(FormDefinition form, Map<String, ?> submission, Locale locale, boolean draft) {
        Check check = new Check(locale == null ? Locale.SIMPLIFIED_CHINESE : locale, draft);
        Map<String, ?> data = submission == null ? Map.of() : submission;
        check.structure(form.shape(), data, "");
        check.components(form.components(), Scope.root(form, data));
        return List.copyOf(check.errors);
    }

    /**
     * The values to keep from a valid submission: what form-js would submit, without hidden, disabled and
     * read-only fields. A new map.
     *
     * @throws InvalidInputException with every fault when the submission is not valid
     */
    public Map<String, Object> accept(FormDefinition form, Map<String, ?> submission, Locale locale) {
        List<InvalidField> errors = validate(form, submission, locale);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        keep(form.components(), Scope.root(form, submission), accepted);
        return accepted;
    }

    private void keep(List<FormComponent> components, Scope scope, Map<String, Object> target) {
        for (FormComponent component : components) {
            if (component.hide().holdsIn(scope.variables())) {
                continue;
            }
            if (component.keyed()) {
                Object value = scope.get(component.key());
                if (value != Scope.ABSENT && !component.disabled().holdsIn(scope.variables())
                        && !component.readonly().holdsIn(scope.variables())) {
                    put(target, component.key(), copy(value));
                }
            } else if (component.repeats()) {
                Object value = scope.get(component.path());
                if (value instanceof List<?> list) {
                    List<Object> entries = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        keep(component.components(), scope.entry(component.path(), i, (Map<?, ?>) list.get(i)), entry);
                        entries.add(entry);
                    }
                    put(target, component.path(), entries);
                }
            } else if (component.dataPath().isPresent()) {
                Map<String, Object> nested = new LinkedHashMap<>();
                keep(component.components(), scope.object(component.path()), nested);
                if (!nested.isEmpty()) {
                    mergeInto(target, component.path(), nested);
                }
            } else {
                keep(component.components(), scope, target);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String dottedKey, Object value) {
        String[] names = dottedKey.split("\\.");
        Map<String, Object> scope = target;
        for (int i = 0; i < names.length - 1; i++) {
            scope = (Map<String, Object>) scope.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
        }
        scope.put(names[names.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, String dottedPath, Map<String, Object> nested) {
        String[] names = dottedPath.split("\\.");
        Map<String, Object> scope = target;
        for (String name : names) {
            scope = (Map<String, Object>) scope.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
        }
        scope.putAll(nested);
    }

    private static Object copy(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<Object>(list);
        }
        return value;
    }

    /** One run over one submission. */
    private final class Check {

        private final Locale locale;
        private final LocalDate today;
        private final List<InvalidField> errors = new ArrayList<>();
        /** A draft: only what could not be stored or shown again is a fault. */
        private final boolean draft;

        Check(Locale locale, boolean draft) {
            this.locale = locale;
            this.today = LocalDate.now(clock);
            this.draft = draft;
        }

        /** Names the submission sets that the form does not have, and containers of the wrong kind. */
        void structure(DataShape shape, Map<?, ?> data, String prefix) {
            for (Map.Entry<?, ?> entry : data.entrySet()) {
                String name = String.valueOf(entry.getKey());
                String path = prefix + name;
                DataShape child = shape.child(name);
                Object value = entry.getValue();
                if (child == null) {
                    error(path, "forms.unknown-field");
                } else if (child.kind() == DataShape.Kind.OBJECT) {
                    if (value instanceof Map<?, ?> map) {
                        structure(child, map, path + ".");
                    } else if (value != null) {
                        error(path, "forms.not-an-object");
                    }
                } else if (child.kind() == DataShape.Kind.LIST) {
                    if (value instanceof List<?> list) {
                        if (list.size() > MAX_LIST_ENTRIES) {
                            error(path, "forms.too-many-entries", MAX_LIST_ENTRIES);
                        } else {
                            for (int i = 0; i < list.size(); i++) {
                                if (list.get(i) instanceof Map<?, ?> map) {
                                    structure(child.entry(), map, path + "[" + i + "].");
                                } else {
                                    error(path + "[" + i + "]", "forms.not-an-object");
                                }
                            }
                        }
                    } else if (value != null) {
                        error(path, "forms.not-a-list");
                    }
                }
            }
        }

        void components(List<FormComponent> components, Scope scope) {
            for (FormComponent component : components) {
                Map<String, Object> variables = scope.variables();
                if (component.hide().holdsIn(variables)) {
                    continue;
                }
                if (component.keyed()) {
                    if (!component.disabled().holdsIn(variables) && !component.readonly().holdsIn(variables)) {
                        field(component, scope.get(component.key()), scope.path(component.key()));
                    }
                } else if (component.repeats()) {
                    Object value = scope.get(component.path());
                    if (value instanceof List<?> list && list.size() <= MAX_LIST_ENTRIES) {
                        for (int i = 0; i < list.size(); i++) {
                            if (list.get(i) instanceof Map<?, ?> entry) {
                                components(component.components(), scope.entry(component.path(), i, entry));
                            }
                        }
                    }
                } else if (component.dataPath().isPresent()) {
                    components(component.components(), scope.object(component.path()));
                } else {
                    components(component.components(), scope);
                }
            }
        }

        private void field(FormComponent field, Object given, String path) {
            Object value = given == Scope.ABSENT ? null : given;
            if (value != null && !typed(field, value, path)) {
                return;
            }
            if (draft) {
                if (value instanceof String text && (field.type() == ComponentType.TEXTFIELD
                        || field.type() == ComponentType.TEXTAREA)) {
                    draftText(field, text, path);
                }
                return;
            }
            if (missing(field, value)) {
                if (field.validation().required()) {
                    error(path, "forms.required");
                }
                return;
            }
            switch (field.type()) {
                case TEXTFIELD, TEXTAREA -> text(field, (String) value, path);
                case NUMBER -> number(field, value, path);
                case RADIO, SELECT -> check(offered(field, value), path, "forms.not-an-option");
                case CHECKLIST, TAGLIST -> check(((List<?>) value).stream().allMatch(element -> offered(field, element)),
                        path, "forms.not-an-option");
                case DATETIME -> dateTime(field, (String) value, path);
                default -> {
                }
            }
        }

        /** Whether the value has the type the component holds; reports it when not. */
        private boolean typed(FormComponent field, Object value, String path) {
            boolean typed = switch (field.type()) {
                case TEXTFIELD, TEXTAREA, DATETIME -> value instanceof String;
                case NUMBER -> value instanceof Number || (value instanceof String
                        && field.numberFormat() != null && field.numberFormat().serializeToString());
                case CHECKBOX -> value instanceof Boolean;
                case RADIO, SELECT -> scalar(value);
                case CHECKLIST, TAGLIST -> value instanceof List<?> list && list.size() <= MAX_LIST_ENTRIES
                        && list.stream().allMatch(FormValidator::scalar);
                default -> true;
            };
            if (!typed && field.type() == ComponentType.DATETIME) {
                dateTime(field, "", path);
            } else if (!typed) {
                error(path, switch (field.type()) {
                    case NUMBER -> "forms.not-a-number";
                    case CHECKBOX -> "forms.not-a-boolean";
                    case RADIO, SELECT -> "forms.not-an-option";
                    case CHECKLIST, TAGLIST -> "forms.not-a-list-of-options";
                    default -> "forms.not-text";
                });
            }
            return typed;
        }

        private boolean missing(FormComponent field, Object value) {
            return value == null
                    || (value instanceof String text && TextRules.jsTrim(text).isEmpty())
                    || (value instanceof List<?> list && list.isEmpty())
                    || (field.type() == ComponentType.CHECKBOX && Boolean.FALSE.equals(value));
        }

        /** The limits of {@link #text} that do not depend on the text being complete. */
        private void draftText(FormComponent field, String text, String path) {
            boolean multiline = field.type() == ComponentType.TEXTAREA;
            Integer maxLength = field.validation().maxLength();
            int ceiling = Math.max(multiline ? MAX_TEXTAREA_LENGTH : MAX_TEXTFIELD_LENGTH,
                    maxLength == null ? 0 : maxLength);
            if (text.length() > ceiling) {
                error(path, "forms.too-long", ceiling);
            } else if (TextRules.hasForbiddenCharacters(text, multiline)) {
                error(path, multiline ? "forms.forbidden-characters" : "forms.forbidden-characters-single-line");
            }
        }

        private void text(FormComponent field, String text, String path) {
            boolean multiline = field.type() == ComponentType.TEXTAREA;
            Validation rules = field.validation();
            int ceiling = Math.max(multiline ? MAX_TEXTAREA_LENGTH : MAX_TEXTFIELD_LENGTH,
                    rules.maxLength() == null ? 0 : rules.maxLength());
            if (text.length() > 2 * ceiling) {
                error(path, "forms.too-long", ceiling);
                return;
            }
            if (TextRules.hasForbiddenCharacters(text, multiline)) {
                error(path, multiline ? "forms.forbidden-characters" : "forms.forbidden-characters-single-line");
                return;
            }
            int length = TextRules.jsTrim(text).length();
            if (rules.maxLength() != null && length > rules.maxLength()) {
                error(path, "forms.too-long", rules.maxLength());
                return;
            }
            if (length > ceiling) {
                error(path, "forms.too-long", ceiling);
                return;
            }
            if (rules.minLength() != null && length < rules.minLength()) {
                error(path, "forms.too-short", rules.minLength());
                return;
            }
            if (rules.javaPattern() != null && !TextRules.find(rules.javaPattern(), text)) {
                error(path, "forms.pattern");
                return;
            }
            if (rules.validationType() != null) {
                switch (rules.validationType()) {
                    case EMAIL -> check(EMAIL.matcher(text).matches() && text.length() <= 254, path, "forms.email");
                    case PHONE -> check(INTERNATIONAL_PHONE.matcher(text).matches(), path, "forms.phone");
                }
            } else if (field.type() == ComponentType.TEXTFIELD) {
                convention(lastName(field.key()), text, path);
            }
        }

        /** The domain checks a key's name selects. */
        private void convention(String name, String text, String path) {
            if (name.endsWith("IdNumber") || name.equals("idNumber")) {
                ResidentIdNumber.defect(text, today).ifPresent(defect -> error(path,
                        "forms.id-number." + defect.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            } else if (name.endsWith("Phone") || name.equals("phone") || name.endsWith("Mobile")
                    || name.equals("mobile")) {
                check(MAINLAND_MOBILE.matcher(text).matches(), path, "forms.mobile");
            } else if (name.endsWith("Email") || name.equals("email")) {
                check(EMAIL.matcher(text).matches() && text.length() <= 254, path, "forms.email");
            } else if (name.endsWith("Date") || name.equals("date")) {
                check(date(text) != null, path, "forms.date", "2024-05-31");
            }
        }

        private void number(FormComponent field, Object value, String path) {
            BigDecimal number = decimal(value);
            if (number == null) {
                error(path, "forms.not-a-number");
                return;
            }
            // in long: 1E+2147483647 has scale -2147483647, and the int difference would wrap round to negative
            if ((long) number.precision() - number.scale() > MAX_NUMBER_DIGITS || number.scale() > MAX_NUMBER_DIGITS) {
                error(path, "forms.number-out-of-range");
                return;
            }
            FormComponent.NumberFormat format = field.numberFormat();
            int decimals = Math.max(0, number.stripTrailingZeros().scale());
            if (format != null && format.decimalDigits() != null && decimals > format.decimalDigits()) {
                if (format.decimalDigits() == 0) {
                    error(path, "forms.integer");
                } else {
                    error(path, "forms.decimal-digits", format.decimalDigits());
                }
                return;
            }
            if (format != null && format.increment() != null
                    && number.remainder(format.increment()).signum() != 0) {
                error(path, "forms.increment", format.increment().toPlainString());
                return;
            }
            Validation rules = field.validation();
            if (rules.min() != null && number.compareTo(rules.min()) < 0) {
                error(path, "forms.min", rules.min().toPlainString());
                return;
            }
            if (rules.max() != null && number.compareTo(rules.max()) > 0) {
                error(path, "forms.max", rules.max().toPlainString());
                return;
            }
            String name = lastName(field.key()).toLowerCase(Locale.ROOT);
            if ((name.contains("amount") || name.contains("income"))
                    && (number.signum() < 0 || number.compareTo(MAX_AMOUNT) > 0 || decimals > 2)) {
                error(path, "forms.amount");
            }
        }

        /** Static choices are checked; choices from input data or an expression only the browser knows. */
        private boolean offered(FormComponent field, Object value) {
            return !field.options().fixed() || field.options().values().stream().map(Option::value)
                    .anyMatch(option -> sameValue(option, value));
        }

        private void dateTime(FormComponent field, String text, String path) {
            DateTime settings = field.dateTime();
            DateTime.TimeFormat format = settings.timeFormat();
            LocalDate day = null;
            boolean valid;
            String example;
            switch (settings.subtype()) {
                case DATE -> {
                    day = date(text);
                    valid = day != null;
                    example = "2024-05-31";
                }
                case TIME -> {
                    valid = time(text, format);
                    example = timeExample(format);
                }
                default -> {
                    int t = text.indexOf('T');
                    day = t == 10 ? date(text.substring(0, t)) : null;
                    valid = day != null && time(text.substring(t + 1), format);
                    example = "2024-05-31T" + timeExample(format);
                }
            }
            if (!valid) {
                error(path, settings.subtype() == DateTime.Subtype.TIME ? "forms.time"
                        : settings.subtype() == DateTime.Subtype.DATE ? "forms.date" : "forms.datetime", example);
            } else if (settings.disallowPassedDates() && day != null && day.isBefore(today)) {
                error(path, "forms.past-date");
            }
        }

        private void check(boolean valid, String path, String code, Object... arguments) {
            if (!valid) {
                error(path, code, arguments);
            }
        }

        private void error(String path, String code, Object... arguments) {
            if (errors.size() < MAX_ERRORS) {
                String field = path.length() > MAX_FIELD_NAME ? path.substring(0, MAX_FIELD_NAME) + "…" : path;
                errors.add(new InvalidField(field, messages.getMessage(code, arguments, code, locale)));
            }
        }
    }

    /** A mainland mobile number: 11 digits, {@code 1[3-9]} and nine more; the check forms apply to {@code ...Phone}. */
    public static boolean isMainlandMobile(String text) {
        return text != null && MAINLAND_MOBILE.matcher(text).matches();
    }

    /** An e-mail address as forms accept it (the HTML5 pattern), at most 254 characters. */
    public static boolean isEmailAddress(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    private static String lastName(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** Option values compare as form-js does: numbers by value, everything else exactly. */
    static boolean sameValue(Object option, Object value) {
        if (option instanceof Number && value instanceof Number) {
            BigDecimal a = decimal(option);
            BigDecimal b = decimal(value);
            return a != null && b != null && a.compareTo(b) == 0;
        }
        return option != null && option.equals(value);
    }

    /** A finite number as a decimal, or {@code null}. */
    static BigDecimal decimal(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            if (value instanceof String text && NUMERIC_TEXT.matcher(text).matches()) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code HH:mm} or {@code HH:mm:ss}, with an offset exactly when the format writes one. */
    private static boolean time(String text, DateTime.TimeFormat format) {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        boolean hasOffset = matcher.group(4) != null;
        if (hasOffset != (format != DateTime.TimeFormat.NO_TIMEZONE)) {
            return false;
        }
        try {
            LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
            if (hasOffset && !"Z".equals(matcher.group(4))) {
                ZoneOffset.of(matcher.group(4));
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String timeExample(DateTime.TimeFormat format) {
        return switch (format) {
            case UTC_OFFSET -> "09:30+08:00";
            case UTC_NORMALIZED -> "01:30Z";
            case NO_TIMEZONE -> "09:30";
        };
    }
}
