package cn.tongban.sla.internal;

import cn.tongban.sla.CaseExtension;
import cn.tongban.sla.SlaCases;
import cn.tongban.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' API (督办): on-time rates, open cases by SLA state, breaches and their exports, urging and
 * reassigning an open step, and the one extension of a case. Supervisors see and act on the districts whose
 * {@code supervisor-<district>} group they are in; administrators see all and act on none.
 * The period ({@code from}, {@code to}, dates in Beijing time, both included) selects what closed and what was
 * breached; open cases are counted as they stand now.
 */
@RestController
@RequestMapping(path = "/api/sla", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "办理时限督办 / Service deadlines", description = "按时办结率、超期记录、延期 / on-time rates, breaches,"
        + " extensions")
@ApiResponse(responseCode = "400", description = "查询条件无效 / invalid filter; `errors` names each parameter",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "非督办人员，或不是其所辖区 / not a supervisor of that district",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class SlaController {

    private final SlaOverview overview;
    private final SlaCases cases;
    private final SlaRecords records;
    private final SlaSupervision supervision;
    private final SlaTables tables;

    SlaController(SlaOverview overview, SlaCases cases, SlaRecords records, SlaSupervision supervision,
                  SlaTables tables) {
        this.overview = overview;
        this.cases = cases;
        this.records = records;
        this.supervision = supervision;
        this.tables = tables;
    }

    record ExtensionRequest(@NotBlank @Size(max = SlaCases.MAX_REASON_LENGTH) String reason) {
    }

    /** An urge notice; the message is optional. */
    record UrgeRequest(@Size(max = SlaSupervision.MAX_MESSAGE_LENGTH) String message) {
    }

    record ReassignRequest(@NotBlank String assignee) {
    }

    @GetMapping("/summary")
    @Operation(summary = "时限概况 / Deadline summary",
            description = "按时办结率（期内办结且不晚于期限的案件 / 期内办结的案件），在办案件按时限状态，期内超期数；"
                    + "未给期间时为本月；按事项、区和环节分列 / on-time rate of the cases closed in the period, open cases by SLA state,"
                    + " breaches in the period (the current month unless given); by service, district and step")
    public SlaOverview.Summary summary(
            @Parameter(example = "minimum-living-allowance") @RequestParam(required = false) String service,
            @Parameter(example = "jinshui") @RequestParam(required = false) String district,
            @Parameter(example = "2023-01-01") @RequestParam(required = false) String from,
            @Parameter(example = "2023-12-31") @RequestParam(required = false) String to,
            Authentication who) {
        List<InvalidField> problems = new ArrayList<>();
        SlaOverview.Filters given = overview.filters(service, district, from, to, problems);
        SlaOverview.check(problems);
        SlaOverview.Filters filters = overview.withPeriod(given);
        return overview.summary(filters, overview.filter(filters, who));
    }

    @GetMapping("/breaches")
    @Operation(summary = "超期记录 / Breaches",
            description = "期内记录的超期，最新的在前，分页（page 从 0 起）；urges 为已督办次数 / breaches recorded in the"
                    + " period, latest first, paged (page counts from 0); urges counts the urge notices sent")
    public SlaOverview.BreachPage breaches(@RequestParam(required = false) String service,
                                           @RequestParam(required = false) String district,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @Parameter(example = "0") @RequestParam(required = false) String page,
                                           @Parameter(example = "20") @RequestParam(required = false) String size,
                                           Authentication who) {
        List<InvalidField> problems = new ArrayList<>();
        SlaOverview.Filters filters = overview.filters(service, district, from, to, problems);
        int pageNumber = SlaOverview.integer("page", page, 0, 0, Integer.MAX_VALUE / SlaOverview.MAX_PAGE_SIZE,
                problems);
        int pageSize = SlaOverview.integer("size", size, 20, 1, SlaOverview.MAX_PAGE_SIZE, problems);
        SlaOverview.check(problems);
        return overview.breaches(overview.filter(filters, who), pageNumber, pageSize);
    }

    @GetMapping(path = "/exports/{table}.{format}", produces = {SlaTables.CSV, SlaTables.XLSX})
    @Operation(summary = "导出 / Export a dashboard table",
            description = "表：on-time-by-service、on-time-by-district、on-time-by-step、open-by-state、breaches；"
                    + "格式：csv（UTF-8 带 BOM）或 xlsx / tables as named, as CSV (UTF-8 with BOM) or Excel")
    @ApiResponse(responseCode = "404", description = "无此表或格式 / unknown table or format",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<byte[]> export(@PathVariable String table, @PathVariable String format,
                                         @RequestParam(required = false) String service,
                                         @RequestParam(required = false) String district,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         Authentication who, Locale locale) {
        List<InvalidField> problems = new ArrayList<>();
        SlaOverview.Filters filters = overview.filters(service, district, from, to, problems);
        SlaOverview.check(problems);
        return tables.export(table, format, filters, overview.filter(filters, who), locale);
    }

    @PostMapping(path = "/steps/{taskId}/urge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "督办 / Urge a step",
            description = "向在办环节的办理人（未认领时向候选组成员）发送督办通知，可附督办意见，并记录 / mails an urge notice"
                    + " about an open step to its assignee (the candidate groups' members while unclaimed), with an"
                    + " optional message, and records it")
    @ApiResponse(responseCode = "201", description = "已督办 / urged")
    @ApiResponse(responseCode = "404", description = "无此环节 / unknown step",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "环节已办结 / the step is closed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<SlaActions.Action> urge(@PathVariable String taskId,
                                                  @Valid @RequestBody(required = false) UrgeRequest request,
                                                  Authentication who) {
        SlaActions.Action action = supervision.urge(taskId, who, request == null ? null : request.message());
        return ResponseEntity.status(HttpStatus.CREATED).body(action);
    }

    @PostMapping(path = "/steps/{taskId}/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "改派 / Reassign a step",
            description = "把在办环节改派给同一候选组（本区）的另一名用户，并记录 / assigns an open step to another member"
                    + " of its candidate group (in its district), and records it")
    @ApiResponse(responseCode = "200", description = "已改派 / reassigned")
    @ApiResponse(responseCode = "404", description = "无此环节 / unknown step",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "环节已办结 / the step is closed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public SlaActions.Action reassign(@PathVariable String taskId, @Valid @RequestBody ReassignRequest request,
                                      Authentication who) {
        return supervision.reassign(taskId, who, request.assignee());
    }

    @PostMapping(path = "/cases/{receiptNo}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "延期 / Extend a case",
            description = "督办人员把可延期事项的承诺期限延长一次（低保 30 → 45 个工作日），须说明理由 / a supervisor extends"
                    + " the commitment of an extendable service once (低保 30 → 45 working days), with a reason")
    @ApiResponse(responseCode = "201", description = "已延期 / extended")
    @ApiResponse(responseCode = "404", description = "无此案件 / unknown receipt number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "已延期过、不可延期或已办结 / already extended, not extendable, or closed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CaseExtension> extend(@PathVariable String receiptNo,
                                                @Valid @RequestBody ExtensionRequest request, Authentication who) {
        CaseRecord c = records.findCasesByReceiptNo(receiptNo).stream().findFirst()
                .orElseThrow(() -> SlaOverview.problem(HttpStatus.NOT_FOUND, "无此案件 / no case " + receiptNo));
        overview.requireInScope(who, c.district(), "案件");
        CaseExtension extension = cases.extendCase(receiptNo, who.getName(), request.reason());
        return ResponseEntity.created(URI.create("/api/sla/cases/" + receiptNo + "/extension")).body(extension);
    }
}
