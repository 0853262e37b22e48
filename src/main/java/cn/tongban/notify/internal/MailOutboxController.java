package cn.tongban.notify.internal;

import cn.tongban.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox for administrators (the path is theirs alone): what waits, what failed, and a retry. */
@RestController
@RequestMapping(path = "/api/admin/mail-outbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "待发邮件 / Mail outbox", description = "排队、失败的邮件及重发 / queued and failed mail, retry")
class MailOutboxController {

    private static final int MAX_LISTED = 500;

    private final OutboxStore store;
    private final MailProperties properties;

    MailOutboxController(OutboxStore store, MailProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "列出邮件 / List mails",
            description = "最新的在前，至多 500 封；不含正文 / newest first, at most 500; without the body")
    @ApiResponse(responseCode = "200", description = "邮件 / mails")
    @ApiResponse(responseCode = "400", description = "state 无效 / unknown state")
    public List<OutboxMail> list(@Parameter(description = "pending | failed | sent")
                                 @RequestParam(defaultValue = "failed") String state) {
        return store.list(state(state), properties.outbox().maxAttempts(), MAX_LISTED);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "重发 / Retry",
            description = "未发出的邮件立即重新排队，尝试次数从零计 / an unsent mail is due again now, its tries counted"
                    + " afresh")
    @ApiResponse(responseCode = "200", description = "已重新排队 / queued again")
    @ApiResponse(responseCode = "404", description = "没有这封邮件 / no such mail")
    @ApiResponse(responseCode = "409", description = "已发出 / already sent")
    public OutboxMail retry(@PathVariable long id) {
        OutboxMail mail = store.find(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No mail " + id + " in the outbox."));
        if (mail.sentAt() != null || !store.retry(id, Instant.now())) {
            throw problem(HttpStatus.CONFLICT, "Mail " + id + " was sent already.");
        }
        return store.find(id).orElseThrow();
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static OutboxStore.State state(String value) {
        return Arrays.stream(OutboxStore.State.values())
                .filter(s -> s.name().equals(value.strip().toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidInputException("state", "must be one of pending, failed, sent"));
    }
}
