package cn.tongban.intake;

import cn.tongban.intake.Applications.Download;
import cn.tongban.intake.Applications.InvalidApplicationData;
import cn.tongban.intake.Applications.Submitted;
import cn.tongban.intake.ApplicationView.AttachmentInfo;
import cn.tongban.intake.ApplicationView.RatingInfo;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The applicant's API: apply, follow own cases, add materials, answer a notice, withdraw, rate. */
@RestController
@RequestMapping("/api/applications")
@PreAuthorize("hasRole('APPLICANT')")
@Tag(name = "申请 / Applications", description = "申请人办事：申请、查询、补正、撤回、评价 / the applicant's side")
@ApiResponse(responseCode = "400", description = "输入有误 / invalid input; `errors` names each field",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "无此申请，或不是本人的申请 / no such application of the caller",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class ApplicationsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Says that a response repeats the answer to an earlier request with the same key. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** Visible ASCII, as clients generate keys (UUIDs and the like). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Applications applications;
    private final MessageSource messages;

    ApplicationsController(Applications applications, MessageSource messages) {
        this.applications = applications;
        this.messages = messages;
    }

    @Schema(name = "ApplicationRequest")
    record SubmitApplication(
            @Schema(description = "事项编码 / service code", example = "minimum-living-allowance")
            @NotBlank @Size(max = 64) String serviceCode,
            @Schema(description = "申请表内容，键为表单字段 / the start form's data by field key")
            @NotNull Map<String, Object> data) {
    }

    @Schema(name = "CorrectionAnswer")
    record CorrectionAnswer(
            @Schema(description = "补正说明 / what the applicant supplies") @NotBlank @Size(max = 2000) String answer,
            @Schema(description = "为补正上传的材料 / ids of the attachments uploaded for it")
            @Size(max = 20) List<@NotNull Long> attachmentIds) {
    }

    @Schema(name = "RatingRequest")
    record RatingRequest(
            @Schema(description = "1 非常不满意 … 5 非常满意 / 1 very dissatisfied … 5 very satisfied")
            @NotNull @Min(1) @Max(5) Integer grade,
            @Size(max = 500) String comment) {
    }

    @Operation(summary = "在线申请 / Apply",
            description = "按事项的申请表校验 data，生成受理编号并启动办件。带 Idempotency-Key 时，同一申请人重复的请求返回同一回执，"
                    + "不再新建；同一个键配不同的请求返回 422。 / Checks data against the service's start form, issues a receipt"
                    + " number and starts the case. A repeated request with the same Idempotency-Key answers the same"
                    + " receipt and creates nothing; the same key with another request is 422.")
    @ApiResponse(responseCode = "201", description = "受理回执 / the receipt")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> submit(@Valid @RequestBody SubmitApplication request,
                                   @Parameter(description = "客户端生成的唯一键 / a unique key chosen by the client")
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                   Principal principal, Locale locale) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, messages.getMessage("intake.idempotency-key.invalid",
                    null, locale));
        }
        Submitted submitted;
        try {
            submitted = applications.submit(principal.getName(), request.serviceCode(), request.data(),
                    idempotencyKey, locale);
        } catch (InvalidApplicationData invalid) {
            throw new InvalidInputException(inData(invalid.errors()));
        }
        Receipt receipt = submitted.receipt();
        return ResponseEntity.created(URI.create("/api/applications/" + receipt.receiptNo()))
                .header(IDEMPOTENT_REPLAYED, String.valueOf(submitted.repeated()))
                .body(receipt);
    }

    @Operation(summary = "我的申请 / My applications", description = "本人的申请，最新的在前 / own applications, newest first")
    @GetMapping
    List<ApplicationView> list(Principal principal, Locale locale) {
        return applications.list(principal.getName(), locale);
    }

    @Operation(summary = "申请详情 / One application",
            description = "状态、办结期限、时限状态、办理进程、待补正事项 / status, deadline, SLA state, timeline, open notice")
    @GetMapping("/{receiptNo}")
    ApplicationView find(@PathVariable String receiptNo, Principal principal, Locale locale) {
        return applications.find(principal.getName(), receiptNo, locale);
    }

    @Operation(summary = "上传材料 / Upload a material",
            description = "PDF、JPEG 或 PNG（按文件内容判断），不超过 10 MB / PDF, JPEG or PNG by content, at most 10 MB")
    @ApiResponse(responseCode = "201", description = "已保存 / stored")
    @ApiResponse(responseCode = "413", description = "文件过大 / file too large",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/{receiptNo}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentInfo> attach(@PathVariable String receiptNo,
                                          @RequestParam("materialCode") String materialCode,
                                          @RequestPart("file") MultipartFile file,
                                          Principal principal, Locale locale) {
        if (file.getSize() > Applications.MAX_FILE_SIZE) {
            throw new IntakeProblem(HttpStatus.PAYLOAD_TOO_LARGE, "intake.file.too-large");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        AttachmentInfo attachment = applications.attach(principal.getName(), receiptNo, materialCode,
                file.getOriginalFilename(), content, locale);
        return ResponseEntity.created(URI.create("/api/applications/" + receiptNo + "/attachments/"
                + attachment.id())).body(attachment);
    }

    @Operation(summary = "下载材料 / Download a material",
            description = "以判定的类型、作为附件返回 / served as an attachment with the type read from its content")
    @GetMapping("/{receiptNo}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String receiptNo, @PathVariable long id, Principal principal,
                                    HttpServletResponse response) {
        Download download = applications.download(principal.getName(), receiptNo, id);
        AttachmentInfo attachment = download.attachment();
        // binary content has no charset; the UTF-8 forced on every response would be appended to its type
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // should a browser render it after all, it runs nothing and loads nothing
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.content());
    }

    @Operation(summary = "答复一次性告知 / Answer the correction notice",
            description = "仅在告知未答复时 / only while a notice is open (else 409)")
    @ApiResponse(responseCode = "409", description = "没有待答复的告知 / no open notice")
    @PostMapping(path = "/{receiptNo}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView answerCorrection(@PathVariable String receiptNo, @Valid @RequestBody CorrectionAnswer request,
                                     Principal principal, Locale locale) {
        requirePlain("answer", request.answer(), locale);
        return applications.answerCorrection(principal.getName(), receiptNo, request.answer(),
                request.attachmentIds(), locale);
    }

    @Operation(summary = "撤回申请 / Withdraw", description = "仅在作出决定前 / only before a decision (else 409)")
    @ApiResponse(responseCode = "409", description = "已决定、已办结或已撤回 / decided, closed or withdrawn already")
    @PostMapping("/{receiptNo}/withdrawal")
    ApplicationView withdraw(@PathVariable String receiptNo, Principal principal, Locale locale) {
        return applications.withdraw(principal.getName(), receiptNo, locale);
    }

    @Operation(summary = "好差评 / Rate the service",
            description = "作出决定后评价一次；1–2 分（差评）转督办回访 / once, after the decision; grades 1–2 are followed up"
                    + " by the district's supervisors")
    @ApiResponse(responseCode = "201", description = "已评价 / rated")
    @ApiResponse(responseCode = "409", description = "尚未决定或已评价 / not decided yet, or rated already")
    @PostMapping(path = "/{receiptNo}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RatingInfo> rate(@PathVariable String receiptNo, @Valid @RequestBody RatingRequest request,
                                    Principal principal, Locale locale) {
        if (request.comment() != null) {
            requirePlain("comment", request.comment(), locale);
        }
        RatingInfo rating = applications.rate(principal.getName(), receiptNo, request.grade(), request.comment(),
                locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(rating);
    }

    private void requirePlain(String field, String text, Locale locale) {
        if (!PlainText.acceptable(text)) {
            throw new InvalidInputException(field, messages.getMessage("intake.text.forbidden-characters", null,
                    locale));
        }
    }

    /** The form's field paths become paths into the request: {@code data.applicantIdNumber}. */
    static List<InvalidField> inData(List<InvalidField> errors) {
        List<InvalidField> named = new ArrayList<>();
        for (InvalidField error : errors) {
            String field = error.field().isEmpty() ? "data" : "data." + error.field();
            named.add(new InvalidField(field, error.message()));
        }
        return named;
    }
}
