package cn.tongban.review;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No task, open or done, has this id: 404. */
public class TaskNotFoundException extends ErrorResponseException {

    public TaskNotFoundException(String taskId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No task " + taskId + "."),
                null, "review.task.not-found", new Object[] {taskId});
    }
}
