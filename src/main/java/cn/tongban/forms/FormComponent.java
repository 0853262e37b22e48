package cn.tongban.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One element of a form as the .form file states it: an input bound to a variable by {@code key}, a container
 * ({@code group}, {@code dynamiclist}) with its own {@code components}, or a presentation element. Properties that
 * do not apply to the type are {@code null} or empty; the nested records are never {@code null}.
 *
 * @param key        the variable (dot-separated path) of an input, relative to the enclosing containers' paths
 * @param path       the data path of a {@code group} (optional) or {@code dynamiclist} (required)
 * @param hide       {@code conditional.hide}; {@link FeelCondition#NEVER} when absent
 * @param readonly   {@code readonly}: the submitter sees the value but may not change it
 * @param disabled   {@code disabled}: shown greyed out, never submitted (as in form-js)
 */
public record FormComponent(
        ComponentType type,
        String id,
        String key,
        String path,
        String label,
        String description,
        Validation validation,
        Options options,
        Object defaultValue,
        FeelCondition hide,
        FeelCondition readonly,
        FeelCondition disabled,
        Layout layout,
        DateTime dateTime,
        NumberFormat numberFormat,
        Repetition repetition,
        Presentation presentation,
        List<FormComponent> components) {

    public FormComponent {
        components = List.copyOf(components);
        options = options == null ? Options.NONE : options;
        validation = validation == null ? Validation.NONE : validation;
        layout = layout == null ? Layout.AUTO : layout;
        presentation = presentation == null ? Presentation.NONE : presentation;
        hide = hide == null ? FeelCondition.NEVER : hide;
        readonly = readonly == null ? FeelCondition.NEVER : readonly;
        disabled = disabled == null ? FeelCondition.NEVER : disabled;
    }

    /** An input bound to a variable. */
    public boolean keyed() {
        return type.keyed();
    }

    /** A dynamic list whose entries repeat (an {@code isRepeating: false} list is a group with a path). */
    public boolean repeats() {
        return type == ComponentType.DYNAMICLIST && repetition != null && repetition.repeating();
    }

    /** The data path the children of this container are nested under, if any. */
    public Optional<String> dataPath() {
        return type.container() && path != null && !path.isEmpty() ? Optional.of(path) : Optional.empty();
    }

    /** One choice of a {@code select}, {@code radio}, {@code checklist} or {@code taglist}. */
    public record Option(String label, Object value) {
    }

    /**
     * Where the choices come from: static {@code values}, the input variable named by {@code valuesKey}, or a FEEL
     * {@code valuesExpression}. Only static choices are known to the server.
     */
    public record Options(List<Option> values, String valuesKey, String valuesExpression) {

        public static final Options NONE = new Options(List.of(), null, null);

        public Options {
            values = List.copyOf(values);
        }

        /** The choices are the static {@code values}, so the server can check a submitted value against them. */
        public boolean fixed() {
            return valuesKey == null && valuesExpression == null;
        }
    }

    /** Predefined text checks of form-js: {@code validate.validationType}. */
    public enum ValidationType { EMAIL, PHONE }

    /**
     * {@code validate}. A limit written as a FEEL expression ({@code "=..."}) is evaluated only in the browser and
     * is {@code null} here: the server does not guess it.
     *
     * @param pattern     the pattern as written (a JavaScript regular expression, matched anywhere in the value)
     * @param javaPattern the same pattern for {@link Pattern java.util.regex}
     */
    public record Validation(boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
                             String pattern, Pattern javaPattern, ValidationType validationType) {

        public static final Validation NONE = new Validation(false, null, null, null, null, null, null, null);
    }

    /** {@code layout}: the row a component shares with others and its width on form-js' 16-column grid. */
    public record Layout(String row, Integer columns) {

        public static final Layout AUTO = new Layout(null, null);
    }

    /** The settings of a {@code datetime} component. */
    public record DateTime(Subtype subtype, String dateLabel, String timeLabel, boolean use24h, TimeFormat timeFormat,
                           Integer timeInterval, boolean disallowPassedDates) {

        public enum Subtype { DATE, TIME, DATETIME }

        /** {@code timeSerializingFormat}: how times are written into the variable. */
        public enum TimeFormat { UTC_OFFSET, UTC_NORMALIZED, NO_TIMEZONE }
    }

    /** The settings of a {@code number} component. */
    public record NumberFormat(Integer decimalDigits, BigDecimal increment, boolean serializeToString) {
    }

    /** The settings of a {@code dynamiclist}. */
    public record Repetition(boolean repeating, int defaultRepetitions, boolean allowAddRemove) {
    }

    /**
     * What presentation elements show: the text of a {@code text} view (Markdown), the image of an {@code image}
     * view, the action of a {@code button}, the height of a {@code spacer}, the adorners around a text or number
     * input and whether a container is outlined.
     */
    public record Presentation(String text, String source, String alt, String action, Integer height,
                               String prefixAdorner, String suffixAdorner, boolean showOutline) {

        public static final Presentation NONE = new Presentation(null, null, null, null, null, null, null, false);
    }
}
