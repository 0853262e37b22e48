package cn.tongban.calendar;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details (RFC 9457) for the calendar's controllers only; a 400 carries an {@code errors} list of
 * {@code {field, message}}. Ordered first so that it answers for these controllers before any global handler.
 */
@RestControllerAdvice(basePackageClasses = CalendarProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarProblemAdvice {

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return badRequest("请求参数无效 / Invalid request parameters", e.problems());
    }

    @ExceptionHandler(InvalidArrangementException.class)
    ResponseEntity<ProblemDetail> invalidArrangement(InvalidArrangementException e) {
        return badRequest("节假日安排无效，未作任何更改 / Invalid holiday arrangement, nothing was changed",
                e.problems().stream().map(FieldProblem::of).toList());
    }

    /** Two uploads of the same new year at the same moment: the first won, the second is told to retry. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> concurrentUpload(DuplicateKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "同一年份的安排正被同时上传，请重试 / another upload for the same year came at the same moment;"
                        + " please try again");
        problem.setTitle("上传冲突 / Concurrent upload");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> errorResponse(ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(e.getBody());
    }

    private static ResponseEntity<ProblemDetail> badRequest(String title, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(title);
        problem.setDetail(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
