package cn.tongban.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The shape of every "bad input" answer: a 400 RFC 9457 problem with an {@code errors} list of
 * {@link InvalidField}s. Throw {@link InvalidInputException} to answer with one from anywhere.
 */
public final class FieldErrors {

    /** Name of the problem property that lists the invalid fields. */
    public static final String PROPERTY = "errors";

    private FieldErrors() {
    }

    public static ProblemDetail problem(String detail, List<InvalidField> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return withErrors(problem, errors);
    }

    /** Adds (or replaces) the {@code errors} list of an existing problem. */
    public static ProblemDetail withErrors(ProblemDetail problem, List<InvalidField> errors) {
        problem.setProperty(PROPERTY, List.copyOf(errors));
        return problem;
    }
}
