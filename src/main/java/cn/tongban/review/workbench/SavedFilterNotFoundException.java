package cn.tongban.review.workbench;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No saved filter of this user has this id (another user's counts as none): 404. */
class SavedFilterNotFoundException extends ErrorResponseException {

    SavedFilterNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No saved filter " + id + "."), null, "review.saved-filter.not-found", new Object[] {id});
    }
}
