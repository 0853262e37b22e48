package cn.tongban.intake;

import cn.tongban.intake.Drafts.Draft;
import cn.tongban.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Drafts of applications over the API: one per applicant and service, seen by its applicant only. */
@RestController
@RequestMapping("/api/applications/drafts")
@PreAuthorize("hasRole('APPLICANT')")
@Tag(name = "草稿 / Drafts", description = "保存、继续填写、删除申请草稿 / save, resume and delete drafts of applications")
@ApiResponse(responseCode = "404", description = "无此草稿或无此事项 / no such draft of the caller, or no such service",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class DraftsController {

    private final Drafts drafts;

    DraftsController(Drafts drafts) {
        this.drafts = drafts;
    }

    @Schema(name = "DraftRequest")
    record DraftRequest(@Schema(description = "已填写的内容，键为表单字段；不检查必填项 / the form data so far, by field"
            + " key; required fields are not checked") @NotNull Map<String, Object> data) {
    }

    @Operation(summary = "我的草稿 / My drafts", description = "最近保存的在前 / the latest saved first")
    @GetMapping
    List<Draft> list(Principal principal, Locale locale) {
        return drafts.list(principal.getName(), locale);
    }

    @Operation(summary = "保存草稿 / Save a draft",
            description = "替换该事项已有的草稿；字段须属于申请表，文字不超过限制，整份不超过 256 KB / replaces the"
                    + " service's earlier draft; fields must belong to the start form, text within its limits, at most"
                    + " 256 KB in all")
    @ApiResponse(responseCode = "400", description = "未知字段、类型不符或过长 / unknown field, wrong type or too long",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PutMapping(path = "/{serviceCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Draft save(@PathVariable String serviceCode, @Valid @RequestBody DraftRequest request, Principal principal,
               Locale locale) {
        try {
            return drafts.save(principal.getName(), serviceCode, request.data(), locale);
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(ApplicationsController.inData(invalid.errors()));
        }
    }

    @Operation(summary = "读取草稿 / Read a draft")
    @GetMapping("/{serviceCode}")
    Draft find(@PathVariable String serviceCode, Principal principal, Locale locale) {
        return drafts.find(principal.getName(), serviceCode, locale).orElseThrow(Drafts::notFound);
    }

    @Operation(summary = "删除草稿 / Delete a draft")
    @ApiResponse(responseCode = "204", description = "已删除 / deleted")
    @DeleteMapping("/{serviceCode}")
    ResponseEntity<Void> delete(@PathVariable String serviceCode, Principal principal) {
        if (!drafts.delete(principal.getName(), serviceCode)) {
            throw Drafts.notFound();
        }
        return ResponseEntity.noContent().build();
    }
}
