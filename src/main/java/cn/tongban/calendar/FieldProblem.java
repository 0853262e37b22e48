package cn.tongban.calendar;

/** One entry of the {@code errors} list of a 400 answer: the field or parameter concerned and what is wrong. */
record FieldProblem(String field, String message) {

    static FieldProblem of(InvalidArrangementException.Problem problem) {
        return new FieldProblem(problem.field(), problem.message());
    }
}
