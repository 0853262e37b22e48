package cn.tongban.crossprovince.internal;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Why a partner's message was not taken, as a problem detail (RFC 9457) whose type says what to do next. */
class InboundProblem extends RuntimeException {

    static final String PREFIX = "urn:tongban:crossprovince:";
    /** The message id was acted on already: a sender's retry or a replay; nothing happens again. */
    static final String REPLAYED = PREFIX + "replayed";
    /** The case was taken on already under another message id. */
    static final String DUPLICATE_CASE = PREFIX + "duplicate-case";
    /** No case is waiting for this status (yet): the sender tries again later. */
    static final String NOT_WAITING = PREFIX + "not-waiting";

    record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final String type;
    private final List<FieldError> errors;

    InboundProblem(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    InboundProblem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    static InboundProblem invalid(List<FieldError> errors) {
        return new InboundProblem(HttpStatus.BAD_REQUEST, PREFIX + "invalid", "the message is not valid", errors);
    }

    HttpStatus status() {
        return status;
    }

    ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(type));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
