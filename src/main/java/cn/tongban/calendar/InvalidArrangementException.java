package cn.tongban.calendar;

import java.util.List;
import java.util.stream.Collectors;

/** A holiday arrangement file that cannot be used; lists every problem found, each with the field it concerns. */
public class InvalidArrangementException extends IllegalArgumentException {

    /**
     * One problem in an arrangement file.
     *
     * @param field   where: a path into the document such as {@code holidays[1].days[0]}, or the document's
     *                own name when the whole document is unusable
     * @param message what is wrong, in Chinese and English
     */
    public record Problem(String field, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidArrangementException(List<Problem> problems) {
        super("节假日安排无效 / invalid holiday arrangement: " + problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid arrangement needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
