package cn.tongban.review;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A lost race on a task: someone else claimed it, completed it, or changed it at the same moment. 409, with the
 * {@link Reason} as problem property {@code reason}; the caller reloads the task and decides again.
 */
public class TaskConflictException extends ErrorResponseException {

    /** Why the task could not be taken or finished. */
    public enum Reason {
        /** Another reviewer has claimed it. */
        CLAIMED,
        /** It is done already. */
        COMPLETED,
        /** Someone changed it at the same moment (the engine's optimistic lock). */
        CHANGED
    }

    private final Reason reason;

    private TaskConflictException(String taskId, Reason reason, String detail, String code, Object... arguments) {
        super(HttpStatus.CONFLICT, problem(taskId, reason, detail), null, code, arguments);
        this.reason = reason;
    }

    public static TaskConflictException claimed(String taskId, String assignee) {
        return new TaskConflictException(taskId, Reason.CLAIMED, "Task " + taskId + " is claimed by " + assignee + ".",
                "review.conflict.claimed", assignee);
    }

    public static TaskConflictException completed(String taskId) {
        return new TaskConflictException(taskId, Reason.COMPLETED, "Task " + taskId + " has been completed already.",
                "review.conflict.completed");
    }

    public static TaskConflictException changed(String taskId) {
        return new TaskConflictException(taskId, Reason.CHANGED,
                "Task " + taskId + " was changed by someone else at the same moment.", "review.conflict.changed");
    }

    public Reason reason() {
        return reason;
    }

    private static ProblemDetail problem(String taskId, Reason reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setProperty("taskId", taskId);
        problem.setProperty("reason", reason);
        return problem;
    }
}
