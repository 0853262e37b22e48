package cn.tongban.crossprovince.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supervisors' view of what was sent to partners: refused messages are incidents waiting for someone. */
@RestController
class DeliveriesController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DeliveryStore deliveries;

    DeliveriesController(DeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    @Operation(summary = "Messages sent to partner authorities, newest first; state PENDING, DELIVERED or REFUSED")
    @GetMapping(path = "/api/crossprovince/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@RequestParam(required = false) String state,
                           @RequestParam(required = false, defaultValue = "100") String limit) {
        DeliveryStore.State wanted = null;
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        if (state != null) {
            wanted = Arrays.stream(DeliveryStore.State.values()).filter(s -> s.name().equals(state)).findFirst()
                    .orElse(null);
            if (wanted == null) {
                errors.add(Map.of("field", "state", "message", "one of PENDING, DELIVERED, REFUSED"));
            }
        }
        int max = 0;
        try {
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 500) {
            errors.add(Map.of("field", "limit", "message", "a whole number from 1 to 500"));
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid query");
            problem.setType(URI.create(InboundProblem.PREFIX + "invalid"));
            problem.setProperty("errors", errors);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(deliveries.list(wanted, max).stream().map(DeliveriesController::view).toList());
    }

    private static Map<String, Object> view(DeliveryStore.Delivery d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", d.messageId());
        view.put("partnerId", d.partnerId());
        view.put("kind", d.kind().name());
        view.put("receiptNo", d.receiptNo());
        view.put("processInstanceId", d.processInstanceId());
        view.put("state", d.state().name());
        view.put("attempts", d.attempts());
        view.put("lastStatus", d.lastStatus());
        view.put("lastError", d.lastError());
        view.put("createdAt", d.createdAt().atZone(ZONE).toOffsetDateTime());
        view.put("updatedAt", d.updatedAt().atZone(ZONE).toOffsetDateTime());
        return view;
    }
}
