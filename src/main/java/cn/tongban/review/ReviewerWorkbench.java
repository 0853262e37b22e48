package cn.tongban.review;

import java.util.Locale;
import java.util.Map;

/**
 * The reviewer's workbench (审核工作台): what a reviewer may do with the tasks of their district and role. Every
 * method acts as {@code username}: the engine sees that user and their groups, so history records who did what,
 * and a task is in scope only when the engine's authorizations let them read it and one of its candidate groups
 * is theirs (or it is assigned to them), in their own district.
 *
 * @see TaskNotFoundException
 * @see TaskNotInScopeException
 * @see TaskConflictException
 */
public interface ReviewerWorkbench {

    /**
     * The user's own and group tasks in scope, earliest deadline first, with counts per SLA state.
     *
     * @param page 0-based
     * @throws cn.tongban.web.InvalidInputException for an unknown service or step
     */
    TaskList tasks(String username, TaskFilter filter, int page, int size, Locale locale);

    /** The task with its whole case; recorded in the case-view log as {@code view}. */
    TaskDetail task(String username, String taskId, CaseView view);

    /** Takes the task; a no-op when it is the user's already. */
    TaskSummary claim(String username, String taskId);

    /** Gives the task back to its candidate groups; a no-op when nobody holds it. */
    TaskSummary unclaim(String username, String taskId);

    /**
     * Hands the task over (转办) to {@code userId}, who becomes its assignee; recorded as a comment in the case's
     * history. The task must be unclaimed or the user's own.
     *
     * @throws cn.tongban.web.InvalidInputException naming {@code userId} unless that is someone else in one of the
     *                                              task's candidate groups of the case's district
     */
    TaskSummary delegate(String username, String taskId, String userId, Locale locale);

    /**
     * Completes the task with {@code variables}, checked against the task's Camunda Form; claims it first when
     * nobody holds it, so history records who completed it.
     *
     * @throws cn.tongban.web.InvalidInputException naming each bad field, including a rejection by the model
     */
    TaskCompleted complete(String username, String taskId, Map<String, ?> variables, Locale locale);

    /**
     * Completes an acceptance task with a one-time correction notice listing every missing material; the case
     * then waits for the applicant's answer.
     *
     * @throws cn.tongban.web.InvalidInputException when the step takes no notice or an item is wrong
     */
    TaskCompleted issueCorrectionNotice(String username, String taskId, CorrectionNotice notice, Locale locale);

    /**
     * Adds a remark to the task's case, recorded with its author.
     *
     * @throws cn.tongban.web.InvalidInputException for an empty or too long text
     */
    TaskDetail.CaseComment comment(String username, String taskId, String text, Locale locale);

    /** How a case was looked at, as the case-view log records it. */
    enum CaseView {
        /** {@code GET /api/tasks/{id}} */
        TASK_API,
        /** the task page {@code /tasks/{id}} */
        TASK_PAGE,
        /** an uploaded material opened from the task page, {@code /tasks/{id}/materials/{uploadId}} */
        MATERIAL
    }
}
