package cn.tongban.review.workbench;

import cn.tongban.review.CorrectionNotice;
import cn.tongban.review.ReviewerWorkbench;
import cn.tongban.review.ReviewerWorkbench.CaseView;
import cn.tongban.review.TaskCompleted;
import cn.tongban.review.TaskDetail;
import cn.tongban.review.TaskFilter;
import cn.tongban.review.TaskList;
import cn.tongban.review.TaskSummary;
import cn.tongban.sla.SlaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The reviewer's task list and task actions over HTTP (HTTP Basic or the browser session). */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
@Tag(name = "审核任务 / Review tasks",
        description = "本人和本组、本辖区的待办任务 / Own and group tasks of the reviewer's district and role")
@ApiResponse(responseCode = "400", description = "输入无效，errors 逐项列明 / invalid input; `errors` names each field",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "任务不在本人范围内 / the task is not in the caller's scope",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class TaskApiController {

    /** Camunda's task ids: UUIDs, or numbers with the default id generator. */
    static final String TASK_ID = "[A-Za-z0-9-]{1,64}";
    static final int MAX_PAGE = 100_000;
    static final int MAX_SIZE = 100;

    private final ReviewerWorkbench workbench;

    TaskApiController(ReviewerWorkbench workbench) {
        this.workbench = workbench;
    }

    @GetMapping
    @Operation(summary = "任务清单 / Task list",
            description = "按办理期限先后排列（无期限的在最后），附各时限状态的任务数 / Earliest deadline first (tasks"
                    + " without one last), with the number of tasks per SLA state")
    @ApiResponse(responseCode = "200", description = "一页任务 / one page of tasks")
    TaskList tasks(Principal user,
                   @Parameter(description = "事项编码 / service code", example = "minimum-living-allowance")
                   @RequestParam(name = "service", required = false) String service,
                   @Parameter(description = "环节 / step id", example = "acceptance")
                   @RequestParam(name = "step", required = false) String step,
                   @Parameter(description = "时限状态 / SLA state")
                   @RequestParam(name = "slaState", required = false) SlaState slaState,
                   @Parameter(description = "排序：按办理期限（默认）或按到达先后 / order: by deadline (default) or"
                           + " by arrival")
                   @RequestParam(name = "sort", required = false) TaskFilter.Sort sort,
                   @Parameter(description = "页码，从 0 起 / page, from 0")
                   @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                   @Parameter(description = "每页条数 / page size")
                   @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size,
                   Locale locale) {
        return workbench.tasks(user.getName(), filter(service, step, slaState, sort), page, size, locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "任务及案卷 / A task with its case",
            description = "表单、案卷数据、办理经过、备注和材料清单；每次查阅都记入查阅记录 / Form, case data, history,"
                    + " comments and materials; every view is logged")
    @ApiResponse(responseCode = "404", description = "没有这个任务 / no such task")
    TaskDetail task(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id) {
        return workbench.task(user.getName(), id, CaseView.TASK_API);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "认领 / Claim")
    @ApiResponse(responseCode = "409", description = "已被他人认领或已办结 / claimed by someone else or done")
    TaskSummary claim(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id) {
        return workbench.claim(user.getName(), id);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "退回组任务 / Unclaim")
    @ApiResponse(responseCode = "409", description = "由他人认领或已办结 / held by someone else or done")
    TaskSummary unclaim(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id) {
        return workbench.unclaim(user.getName(), id);
    }

    @Schema(name = "DelegateTaskRequest")
    record DelegateRequest(
            @Schema(description = "同一辖区、任务候选组中的同事 / a colleague in one of the task's candidate groups of"
                    + " the case's district", example = "colleague.jinshui") String userId) {
    }

    @PostMapping(path = "/{id}/delegate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "转办 / Hand over to a colleague",
            description = "同事成为经办人并办理此环节；记入案卷的意见与备注 / The colleague becomes the assignee and"
                    + " finishes the step; recorded among the case's comments")
    @ApiResponse(responseCode = "409", description = "已被他人认领或已办结 / claimed by someone else or done")
    TaskSummary delegate(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                         @RequestBody DelegateRequest request, Locale locale) {
        return workbench.delegate(user.getName(), id, request.userId(), locale);
    }

    @Schema(name = "CompleteTaskRequest")
    record CompleteRequest(
            @Schema(description = "任务表单的变量 / the variables of the task's form",
                    example = "{\"acceptanceDecision\": \"ACCEPT\"}") Map<String, Object> variables) {
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "办结任务 / Complete",
            description = "按任务的 Camunda 表单校验变量；无人认领的先由本人认领 / Variables are checked against the"
                    + " task's Camunda Form; an unclaimed task is claimed for the caller first")
    @ApiResponse(responseCode = "409", description = "已被他人认领或已办结 / claimed by someone else or done")
    TaskCompleted complete(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                           @RequestBody CompleteRequest request, Locale locale) {
        return workbench.complete(user.getName(), id, request.variables(), locale);
    }

    @PostMapping(path = "/{id}/correction-notice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "一次性告知 / One-time correction notice",
            description = "仅受理环节：一次列明全部需补正的材料，案件等待申请人补正 / Acceptance steps only: lists"
                    + " every missing material at once; the case waits for the applicant's answer")
    @ApiResponse(responseCode = "409", description = "已被他人认领或已办结 / claimed by someone else or done")
    TaskCompleted correctionNotice(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                                   @RequestBody CorrectionNotice notice, Locale locale) {
        return workbench.issueCorrectionNotice(user.getName(), id, notice, locale);
    }

    @Schema(name = "CommentRequest")
    record CommentRequest(@Schema(example = "已电话联系申请人") String text) {
    }

    @PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加备注 / Add a comment")
    TaskDetail.CaseComment comment(Principal user, @PathVariable("id") @Pattern(regexp = TASK_ID) String id,
                                   @RequestBody CommentRequest request, Locale locale) {
        return workbench.comment(user.getName(), id, request.text(), locale);
    }

    static TaskFilter filter(String service, String step, SlaState slaState, TaskFilter.Sort sort) {
        return new TaskFilter(blankToNull(service), blankToNull(step), slaState, sort);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
