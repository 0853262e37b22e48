package cn.tongban.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A catalogue seed file that cannot be read or breaks a rule; names each file and line at fault. */
public class CatalogSeedException extends RuntimeException {

    /** One fault: where it is (line and column start at 1) and what is wrong. */
    public record Problem(String file, int line, int column, String message) {

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public CatalogSeedException(List<Problem> problems, Throwable cause) {
        super(problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n  ", "broken catalogue seed data:\n  ", "")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
