package cn.tongban.crossprovince.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where partner authorities deliver. No session and no password: the signature is the authentication
 * (headers X-Tongban-Authority, -Message-Id, -Timestamp, -Signature; see {@link Signatures}).
 */
@RestController
@RequestMapping("/api/crossprovince/inbound")
class InboundController {

    private final InboundMessages messages;

    InboundController(InboundMessages messages) {
        this.messages = messages;
    }

    @Operation(summary = "A partner authority hands over a case (跨省通办案卷)")
    @PostMapping(path = "/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> cases(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(messages.takeCase(messages.verify(request)));
    }

    @Operation(summary = "A partner authority reports on a case handed to it: ACCEPTED or DECIDED")
    @PostMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> status(HttpServletRequest request) {
        return ResponseEntity.ok(messages.takeStatus(messages.verify(request)));
    }

    @ExceptionHandler(InboundProblem.class)
    ResponseEntity<ProblemDetail> refused(InboundProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblem());
    }
}
