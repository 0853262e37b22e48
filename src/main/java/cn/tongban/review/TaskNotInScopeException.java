package cn.tongban.review;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The task exists but is not the caller's to see or work on: neither a candidate group of theirs nor assigned
 * to them, or of another district. 403.
 */
public class TaskNotInScopeException extends ErrorResponseException {

    public TaskNotInScopeException(String taskId) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Task " + taskId + " is not in your task list."), null, "review.task.not-in-scope",
                new Object[] {taskId});
    }
}
