package cn.tongban.calendar;

import java.util.List;

/** Request parameters of the calendar API that cannot be used; answered with 400 naming each parameter. */
class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidRequestException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
