package cn.tongban.forms;

import java.util.List;
import java.util.stream.Collectors;

/** A .form file that cannot be read or breaks the schema; names each file and the element at fault. */
public class FormSchemaException extends RuntimeException {

    /**
     * One fault.
     *
     * @param source  the file, e.g. {@code forms/dibao-apply.form}
     * @param element where in the file, e.g. {@code components[2] "idNumber" validate.pattern}; empty for the file
     */
    public record Problem(String source, String element, String message) {

        @Override
        public String toString() {
            return source + (element.isEmpty() ? "" : ": " + element) + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public FormSchemaException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n  ", "broken form definitions:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
