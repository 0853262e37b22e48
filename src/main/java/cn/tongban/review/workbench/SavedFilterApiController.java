package cn.tongban.review.workbench;

import cn.tongban.review.TaskFilter;
import cn.tongban.sla.SlaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The reviewer's own saved filters of the task list over HTTP. */
@RestController
@RequestMapping(path = "/api/tasks/saved-filters", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
@Tag(name = "常用筛选 / Saved task filters",
        description = "审核人员自己保存的任务清单筛选，他人不可见 / A reviewer's own saved filters of the task list")
@ApiResponse(responseCode = "400", description = "输入无效，errors 逐项列明 / invalid input; `errors` names each field",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class SavedFilterApiController {

    private final SavedFilters savedFilters;

    SavedFilterApiController(SavedFilters savedFilters) {
        this.savedFilters = savedFilters;
    }

    @GetMapping
    @Operation(summary = "我的常用筛选 / My saved filters", description = "按名称排列 / by name")
    List<SavedFilter> list(Principal user) {
        return savedFilters.of(user.getName());
    }

    @Schema(name = "SaveTaskFilterRequest")
    record SaveRequest(
            @Schema(description = "名称，最多 50 字 / name, at most 50 characters", example = "金水低保逾期")
            String name,
            @Schema(nullable = true, example = "minimum-living-allowance") String service,
            @Schema(nullable = true, example = "acceptance") String step,
            @Schema(nullable = true) SlaState slaState,
            @Schema(nullable = true, description = "默认按办理期限 / by deadline when absent") TaskFilter.Sort sort) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "保存当前筛选 / Save a filter")
    SavedFilter save(Principal user, @RequestBody SaveRequest request, Locale locale) {
        return savedFilters.save(user.getName(), request.name(),
                TaskApiController.filter(request.service(), request.step(), request.slaState(), request.sort()),
                locale);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除常用筛选 / Delete a saved filter")
    @ApiResponse(responseCode = "404", description = "本人没有这个筛选 / the caller has no such filter")
    void delete(Principal user, @PathVariable("id") long id) {
        savedFilters.delete(user.getName(), id);
    }
}
