package cn.tongban.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be done in the case's present state (409), on a case that is not the caller's (404), and
 * the like: an RFC 9457 problem whose detail is the message {@code detailCode} of the intake bundle.
 */
class IntakeProblem extends ErrorResponseException {

    private final String detailCode;

    IntakeProblem(HttpStatus status, String detailCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, detailCode, arguments);
        this.detailCode = detailCode;
    }

    static IntakeProblem notFound() {
        return new IntakeProblem(HttpStatus.NOT_FOUND, "intake.not-found");
    }

    static IntakeProblem conflict(String detailCode, Object... arguments) {
        return new IntakeProblem(HttpStatus.CONFLICT, detailCode, arguments);
    }

    /** The message code of the detail; pages show the same message. */
    String detailCode() {
        return detailCode;
    }

    @Override
    public String getMessage() {
        return getStatusCode() + " " + detailCode;
    }
}
