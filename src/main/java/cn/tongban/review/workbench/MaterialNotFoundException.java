package cn.tongban.review.workbench;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The task's case has no uploaded material of this id: 404. */
class MaterialNotFoundException extends ErrorResponseException {

    MaterialNotFoundException(long uploadId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The case has no uploaded material " + uploadId + "."), null);
    }
}
