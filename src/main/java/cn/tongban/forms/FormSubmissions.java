package cn.tongban.forms;

import cn.tongban.forms.FormComponent.DateTime;
import cn.tongban.forms.FormComponent.Option;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a browser's form post (the inputs of {@code forms/render :: form}) back into form data of the types form-js
 * would submit: text, numbers ({@code Long} or {@code Double}; text with {@code serializeToString}), booleans,
 * lists of choices, date and time text in the form's {@code timeSerializingFormat}, nested objects for dotted keys
 * and group paths, and lists of entries for dynamic lists.
 *
 * <p>Nothing is dropped silently: a parameter the form does not have, or a value that cannot be converted, is
 * kept as it came, so that {@link FormValidator} reports it. Parameters starting with {@code _} are the page's own
 * (the CSRF token, the list buttons below) and are ignored.
 *
 * <p>Dynamic lists work without JavaScript: an "add" button posts {@value #ADD}={@code listPath}, a "remove"
 * button {@value #REMOVE}={@code listPath[i]}, and each list posts its entry count as
 * {@value #ROWS}{@code listPath}. Such a post is an edit of the page, not a submission ({@link #editsList}): the
 * controller renders the form again with the returned data.
 */
public final class FormSubmissions {

    /** Adds an empty entry to the dynamic list named by the value. */
    public static final String ADD = "_form.add";
    /** Removes the dynamic-list entry named by the value, e.g. {@code members[1]}. */
    public static final String REMOVE = "_form.remove";
    /** Prefix of the parameters that carry the number of entries of each dynamic list. */
    public static final String ROWS = "_form.rows.";
    /** The bureau's time zone, in which times typed into the page are meant. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");

    private FormSubmissions() {
    }

    /** Whether the post was an add or remove button of a dynamic list rather than a submission. */
    public static boolean editsList(Map<String, String[]> parameters) {
        return parameters.containsKey(ADD) || parameters.containsKey(REMOVE);
    }

    /** Times typed into the page are meant in {@link #DEFAULT_ZONE}. */
    public static Map<String, Object> fromRequestParameters(FormDefinition form, Map<String, String[]> parameters) {
        return fromRequestParameters(form, parameters, DEFAULT_ZONE);
    }

    /** @param zone the zone in which times typed into the page are meant */
    public static Map<String, Object> fromRequestParameters(FormDefinition form, Map<String, String[]> parameters,
                                                            ZoneId zone) {
        Map<String, Object> data = new LinkedHashMap<>();
        DataShape shape = form.shape();
        parameters.forEach((name, values) -> {
            if (name.startsWith(ROWS)) {
                FieldPath path = FieldPath.parse(name.substring(ROWS.length()));
                DataShape list = path == null ? null : path.resolve(shape);
                Integer count = values.length == 1 ? count(values[0]) : null;
                if (list != null && list.kind() == DataShape.Kind.LIST && count != null) {
                    List<Object> entries = list(data, path);
                    if (entries != null) {
                        while (entries.size() < count) {
                            entries.add(new LinkedHashMap<String, Object>());
                        }
                    }
                }
            }
        });
        parameters.forEach((name, values) -> {
            if (name.startsWith("_")) {
                return;
            }
            FieldPath path = FieldPath.parse(name);
            DataShape field = path == null ? null : path.resolve(shape);
            if (field == null || field.kind() != DataShape.Kind.FIELD || !set(data, path, convert(field.field(),
                    values, zone))) {
                // a list that can grow: a later parameter such as name[3].x may walk into it
                data.put(name, values.length == 1 ? values[0] : new ArrayList<>(Arrays.asList(values)));
            }
        });
        unticked(shape, data);
        edit(parameters.get(ADD), shape, data, true);
        edit(parameters.get(REMOVE), shape, data, false);
        return data;
    }

    /** A checkbox that is not ticked, and a list of choices with none chosen, post nothing: they are false and []. */
    private static void unticked(DataShape shape, Map<String, Object> data) {
        shape.children().forEach((name, child) -> {
            switch (child.kind()) {
                case FIELD -> {
                    if (!data.containsKey(name)) {
                        if (child.field().type() == ComponentType.CHECKBOX) {
                            data.put(name, false);
                        } else if (child.field().type().multiple()) {
                            data.put(name, new ArrayList<>());
                        }
                    }
                }
                case OBJECT -> {
                    Object value = data.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
                    if (value instanceof Map<?, ?> map) {
                        unticked(child, cast(map));
                    }
                }
                case LIST -> {
                    if (data.get(name) instanceof List<?> entries) {
                        entries.forEach(entry -> {
                            if (entry instanceof Map<?, ?> map) {
                                unticked(child.entry(), cast(map));
                            }
                        });
                    }
                }
            }
        });
    }

    private static void edit(String[] values, DataShape shape, Map<String, Object> data, boolean add) {
        if (values == null || values.length != 1) {
            return;
        }
        FieldPath path = FieldPath.parse(values[0]);
        if (path == null) {
            return;
        }
        List<Object> segments = path.segments();
        if (add) {
            DataShape list = path.resolve(shape);
            List<Object> entries = list != null && list.kind() == DataShape.Kind.LIST ? list(data, path) : null;
            if (entries != null && entries.size() < FormValidator.MAX_LIST_ENTRIES) {
                entries.add(new LinkedHashMap<String, Object>());
            }
        } else if (segments.get(segments.size() - 1) instanceof Integer index && segments.size() > 1) {
            if (existing(data, segments.subList(0, segments.size() - 1)) instanceof List<?> entries
                    && index < entries.size()) {
                entries.remove((int) index);
            }
        }
    }

    /** The list at {@code path}, created (with the objects on the way) when absent; null when something else is there. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> data, FieldPath path) {
        Object container = container(data, path.segments().subList(0, path.segments().size() - 1));
        Object last = path.segments().get(path.segments().size() - 1);
        if (container instanceof Map<?, ?> map && last instanceof String name) {
            Object list = ((Map<String, Object>) map).computeIfAbsent(name, n -> new ArrayList<>());
            return list instanceof List<?> ? (List<Object>) list : null;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static boolean set(Map<String, Object> data, FieldPath path, Object value) {
        Object container = container(data, path.segments().subList(0, path.segments().size() - 1));
        Object last = path.segments().get(path.segments().size() - 1);
        if (container instanceof Map<?, ?> map && last instanceof String name) {
            ((Map<String, Object>) map).put(name, value);
            return true;
        }
        return false;
    }

    /** What is at {@code segments}, without creating anything; null when nothing is. */
    private static Object existing(Map<String, Object> data, List<Object> segments) {
        Object current = data;
        for (Object segment : segments) {
            if (current instanceof Map<?, ?> map && segment instanceof String name) {
                current = map.get(name);
            } else if (current instanceof List<?> list && segment instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    /** Walks to (creating) the object or list that {@code segments} name; null when something else is in the way. */
    @SuppressWarnings("unchecked")
    private static Object container(Map<String, Object> data, List<Object> segments) {
        Object current = data;
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean nextIsIndex = i + 1 < segments.size() && segments.get(i + 1) instanceof Integer;
            if (current instanceof Map<?, ?> map && segment instanceof String name) {
                current = ((Map<String, Object>) map).computeIfAbsent(name,
                        n -> nextIsIndex ? new ArrayList<>() : new LinkedHashMap<String, Object>());
            } else if (current instanceof List<?> list && segment instanceof Integer index) {
                List<Object> entries = (List<Object>) list;
                while (entries.size() <= index) {
                    entries.add(new LinkedHashMap<String, Object>());
                }
                current = entries.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    private static Object convert(FormComponent field, String[] values, ZoneId zone) {
        if (field.type().multiple()) {
            List<Object> chosen = new ArrayList<>();
            for (String value : values) {
                if (!value.isEmpty()) {
                    chosen.add(option(field, value));
                }
            }
            return chosen;
        }
        if (values.length != 1) {
            return Arrays.asList(values);
        }
        String value = values[0];
        return switch (field.type()) {
            case TEXTAREA -> value.replace("\r\n", "\n");
            case NUMBER -> number(field, value.trim());
            case CHECKBOX -> switch (value) {
                case "true", "on" -> Boolean.TRUE;
                case "false", "" -> Boolean.FALSE;
                default -> value;
            };
            case RADIO, SELECT -> value.isEmpty() ? null : option(field, value);
            case DATETIME -> value.isBlank() ? null : dateTime(field.dateTime(), value.trim(), zone);
            default -> value;
        };
    }

    private static Object number(FormComponent field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            return text;
        }
        BigDecimal number = new BigDecimal(text);
        if (field.numberFormat() != null && field.numberFormat().serializeToString()) {
            return number.toPlainString();
        }
        BigDecimal whole = number.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.precision() - whole.scale() <= 18) {
            return number.longValueExact();
        }
        // what a browser's JSON number holds; longer figures stay exact and the validator judges them
        return number.precision() <= 15 ? (Object) number.doubleValue() : number;
    }

    private static Object option(FormComponent field, String text) {
        for (Option option : field.options().values()) {
            if (String.valueOf(option.value()).equals(text)) {
                return option.value();
            }
        }
        return text;
    }

    private static String dateTime(DateTime settings, String text, ZoneId zone) {
        DateTime.TimeFormat format = settings.timeFormat();
        try {
            switch (settings.subtype()) {
                case TIME -> {
                    if (!LOCAL_TIME.matcher(text).matches() || format == DateTime.TimeFormat.NO_TIMEZONE) {
                        return text;
                    }
                    LocalTime time = LocalTime.parse(text);
                    ZoneOffset offset = zone.getRules().getOffset(Instant.now());
                    return format == DateTime.TimeFormat.UTC_OFFSET
                            ? clock(time) + offset(offset)
                            : clock(time.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()) + "Z";
                }
                case DATETIME -> {
                    if (!LOCAL_DATE_TIME.matcher(text).matches() || format == DateTime.TimeFormat.NO_TIMEZONE) {
                        return text;
                    }
                    LocalDateTime local = LocalDateTime.parse(text);
                    if (format == DateTime.TimeFormat.UTC_OFFSET) {
                        ZoneOffset offset = local.atZone(zone).getOffset();
                        return local.toLocalDate() + "T" + clock(local.toLocalTime()) + offset(offset);
                    }
                    LocalDateTime utc = local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    return utc.toLocalDate() + "T" + clock(utc.toLocalTime()) + "Z";
                }
                default -> {
                    return text;
                }
            }
        } catch (DateTimeException e) {
            return text;
        }
    }

    private static String clock(LocalTime time) {
        return time.format(DateTimeFormatter.ofPattern(time.getSecond() == 0 ? "HH:mm" : "HH:mm:ss"));
    }

    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "Z" : offset.getId();
    }

    private static Integer count(String text) {
        if (text.length() > 9 || text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Math.min(Integer.parseInt(text), FormValidator.MAX_LIST_ENTRIES);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
