package cn.tongban.crossprovince.internal;

import cn.tongban.crossprovince.AuthorityProperties;
import cn.tongban.crossprovince.CrossProvinceProperties;
import cn.tongban.crossprovince.CrossProvinceProperties.Partner;
import cn.tongban.crossprovince.internal.InboundProblem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes messages from partner authorities: checks size, sender, timestamp, signature and message id before it
 * reads a word of the body; then the content; then acts — a case starts the service's process here (the hukou
 * authority's side), a status moves the waiting case on by message correlation — and records the message id in
 * the same transaction, so each message acts once and a refused one leaves nothing behind.
 */
@Service
class InboundMessages {

    /** Message start event of a service model's hukou-authority side. */
    static final String CASE_RECEIVED = "CrossProvinceCaseReceived";
    static final String HUKOU_ACCEPTED = "HukouCaseAccepted";
    static final String HUKOU_DECIDED = "HukouDecisionReceived";

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern RECEIPT_NO = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern MATERIAL_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final List<String> CONTENT_TYPES = List.of("application/pdf", "image/jpeg", "image/png");
    private static final int MAX_FIELDS = 200;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_MATERIALS = 30;

    record Verified(Partner partner, String messageId, byte[] body) {
    }

    private final AuthorityProperties authority;
    private final CrossProvinceProperties properties;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;

    InboundMessages(AuthorityProperties authority, CrossProvinceProperties properties, ObjectMapper json,
                    JdbcClient jdbc, RuntimeService runtime, RepositoryService repository,
                    PlatformTransactionManager transactions) {
        this.authority = authority;
        this.properties = properties;
        this.json = json;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Size, headers, sender, window, signature, message id: everything before the body is trusted. */
    Verified verify(HttpServletRequest request) {
        long max = properties.maxMessageSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, max + 1));
        } catch (IOException e) {
            throw new InboundProblem(HttpStatus.BAD_REQUEST, InboundProblem.PREFIX + "unreadable",
                    "the message could not be read");
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        List<FieldError> missing = new ArrayList<>();
        for (String header : List.of(Signatures.AUTHORITY, Signatures.MESSAGE_ID, Signatures.TIMESTAMP,
                Signatures.SIGNATURE)) {
            String value = request.getHeader(header);
            if (value == null || value.isBlank()) {
                missing.add(new FieldError(header, "required header"));
            }
        }
        String messageId = request.getHeader(Signatures.MESSAGE_ID);
        if (messageId != null && !messageId.isBlank() && !MESSAGE_ID.matcher(messageId).matches()) {
            missing.add(new FieldError(Signatures.MESSAGE_ID, "8 to 64 letters, digits or dashes"));
        }
        if (!missing.isEmpty()) {
            throw InboundProblem.invalid(missing);
        }
        Partner partner = properties.partner(request.getHeader(Signatures.AUTHORITY)).orElseThrow(() ->
                new InboundProblem(HttpStatus.FORBIDDEN, InboundProblem.PREFIX + "unknown-partner",
                        "the sending authority is not a partner of " + authority.code()));
        String timestamp = request.getHeader(Signatures.TIMESTAMP);
        Instant sentAt;
        try {
            sentAt = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            throw InboundProblem.invalid(List.of(new FieldError(Signatures.TIMESTAMP, "ISO-8601 with offset")));
        }
        if (Duration.between(sentAt, Instant.now()).abs().compareTo(properties.replayWindow()) > 0) {
            throw new InboundProblem(HttpStatus.UNAUTHORIZED, InboundProblem.PREFIX + "stale",
                    "the timestamp is outside the window of " + properties.replayWindow());
        }
        if (!Signatures.verify(partner.secret(), timestamp, messageId, body,
                request.getHeader(Signatures.SIGNATURE))) {
            throw new InboundProblem(HttpStatus.UNAUTHORIZED, InboundProblem.PREFIX + "bad-signature",
                    "the signature does not match the message");
        }
        if (known(partner.id(), messageId)) {
            throw replayed(messageId);
        }
        return new Verified(partner, messageId, body);
    }

    /** A case handed over: starts the service's process on the hukou authority's side, once. */
    Map<String, Object> takeCase(Verified message) {
        JsonNode root = parse(message.body());
        Checks checks = new Checks();
        String receiptNo = checks.text(root, "receiptNo", RECEIPT_NO);
        String serviceCode = checks.text(root, "serviceCode", VARIABLE_OR_CODE);
        Optional<ProcessDefinition> definition = Optional.ofNullable(serviceCode).flatMap(this::handOverTarget);
        if (serviceCode != null && definition.isEmpty()) {
            checks.add("serviceCode", "not a service handed over between authorities here");
        }
        String fromCode = checks.text(root.path("from"), "from.code", "code", null);
        if (fromCode != null && !fromCode.equals(message.partner().id())) {
            checks.add("from.code", "differs from the sending authority");
        }
        String fromName = checks.optionalText(root.path("from"), "from.name", "name", 200);
        OffsetDateTime acceptedAt = checks.time(root, "acceptedAt", true);
        OffsetDateTime caseDeadline = checks.time(root, "caseDeadline", true);
        if (acceptedAt != null && caseDeadline != null && caseDeadline.isBefore(acceptedAt)) {
            checks.add("caseDeadline", "before acceptedAt");
        }
        OffsetDateTime hukouDecisionDeadline = checks.time(root, "hukouDecisionDeadline", false);
        VariableMap variables = Variables.createVariables();
        checks.application(root.path("application"), variables);
        checks.materials(root.path("materials"), variables);
        JsonNode acceptance = root.path("acceptance");
        if (!acceptance.isObject()) {
            checks.add("acceptance", "the receiving authority's acceptance record is required");
        }
        checks.throwIfAny();

        variables.putValue("acceptedAt", java.util.Date.from(acceptedAt.toInstant()));
        variables.putValue("handoffCaseDeadline", java.util.Date.from(caseDeadline.toInstant()));
        if (hukouDecisionDeadline != null) {
            variables.putValue("handoffHukouDecisionDeadline", java.util.Date.from(hukouDecisionDeadline.toInstant()));
        }
        variables.putValue("handedOver", true);
        variables.putValue("hukouLocal", true);
        variables.putValue("handoffPartner", message.partner().id());
        variables.putValue("partnerAuthority", fromName != null ? fromName : message.partner().name());
        variables.putValue("district", authority.inboundDistrict());
        variables.putValue("handoffAcceptance", acceptance.toString());
        return inTransaction(() -> {
            if (caseKnown(message.partner().id(), receiptNo)) {
                throw new InboundProblem(HttpStatus.CONFLICT, InboundProblem.DUPLICATE_CASE,
                        "case " + receiptNo + " was handed over already");
            }
            ProcessInstance instance = runtime.createMessageCorrelation(CASE_RECEIVED)
                    .processDefinitionId(definition.get().getId())
                    .processInstanceBusinessKey(receiptNo)
                    .setVariables(variables)
                    .correlateStartMessage();
            record(message, MessageKind.CASE, receiptNo, instance.getId());
            return Map.of("messageId", message.messageId(), "receiptNo", receiptNo, "result", "ACCEPTED");
        });
    }

    /** A status from the hukou authority: moves the waiting case on. */
    Map<String, Object> takeStatus(Verified message) {
        JsonNode root = parse(message.body());
        Checks checks = new Checks();
        String receiptNo = checks.text(root, "receiptNo", RECEIPT_NO);
        String status = checks.text(root, "status", Pattern.compile("ACCEPTED|DECIDED"));
        OffsetDateTime at = checks.time(root, "at", true);
        String fromName = checks.optionalText(root.path("from"), "from.name", "name", 200);
        VariableMap variables = Variables.createVariables();
        if ("DECIDED".equals(status)) {
            JsonNode decision = root.path("decision");
            if (!decision.path("approved").isBoolean()) {
                checks.add("decision.approved", "true or false is required");
            } else {
                variables.putValue("approved", decision.path("approved").booleanValue());
            }
            String reason = checks.text(decision, "decision.reason", "reason", null);
            if (reason != null && reason.length() > MAX_TEXT) {
                checks.add("decision.reason", "at most " + MAX_TEXT + " characters");
            }
            variables.putValue("decisionReason", reason);
            for (String flag : List.of("livingSubsidyApproved", "careSubsidyApproved")) {
                JsonNode value = decision.path(flag);
                if (value.isBoolean()) {
                    variables.putValue(flag, value.booleanValue());
                } else if (!value.isMissingNode() && !value.isNull()) {
                    checks.add("decision." + flag, "true or false");
                }
            }
            String month = checks.optionalText(decision, "decision.paymentStartMonth", "paymentStartMonth", 7);
            if (month != null && !MONTH.matcher(month).matches()) {
                checks.add("decision.paymentStartMonth", "yyyy-MM");
            } else if (month != null) {
                variables.putValue("paymentStartMonth", month);
            }
        }
        checks.throwIfAny();
        MessageKind kind = MessageKind.valueOf(status);
        if (kind == MessageKind.ACCEPTED) {
            variables.putValue("hukouAcceptedAt", java.util.Date.from(at.toInstant()));
            variables.putValue("hukouAuthority", fromName != null ? fromName : message.partner().name());
        } else {
            variables.putValue("hukouDecidedAt", java.util.Date.from(at.toInstant()));
        }
        return inTransaction(() -> {
            String processInstanceId;
            try {
                processInstanceId = runtime.createMessageCorrelation(kind == MessageKind.ACCEPTED ? HUKOU_ACCEPTED
                                : HUKOU_DECIDED)
                        .processInstanceBusinessKey(receiptNo)
                        .processInstanceVariableEquals("handoffPartner", message.partner().id())
                        .setVariables(variables)
                        .correlateWithResult()
                        .getExecution().getProcessInstanceId();
            } catch (MismatchingMessageCorrelationException e) {
                throw new InboundProblem(HttpStatus.CONFLICT, InboundProblem.NOT_WAITING,
                        "no case " + receiptNo + " from this partner is waiting for " + status);
            }
            record(message, kind, receiptNo, processInstanceId);
            return Map.of("messageId", message.messageId(), "receiptNo", receiptNo, "result", status);
        });
    }

    private static final Pattern VARIABLE_OR_CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private Optional<ProcessDefinition> handOverTarget(String serviceCode) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(serviceCode)
                .messageEventSubscriptionName(CASE_RECEIVED).latestVersion().singleResult());
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            return transaction.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            // a concurrent copy of the same message (or case) got in first
            throw replayed("concurrent");
        }
    }

    private void record(Verified message, MessageKind kind, String receiptNo, String processInstanceId) {
        jdbc.sql("INSERT INTO crossprovince_inbound_message (partner_id, message_id, kind, receipt_no, body_sha256,"
                        + " process_instance_id, received_at, case_receipt_no) VALUES (:partnerId, :messageId, :kind,"
                        + " :receiptNo, :sha256, :processInstanceId, :receivedAt, :caseReceiptNo)")
                .param("partnerId", message.partner().id())
                .param("messageId", message.messageId())
                .param("kind", kind.name())
                .param("receiptNo", receiptNo)
                .param("sha256", Signatures.sha256Hex(message.body()))
                .param("processInstanceId", processInstanceId)
                .param("receivedAt", OffsetDateTime.now(ZoneOffset.UTC))
                .param("caseReceiptNo", kind == MessageKind.CASE ? receiptNo : null)
                .update();
    }

    private boolean known(String partnerId, String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM crossprovince_inbound_message WHERE partner_id = :p AND message_id = :m")
                .param("p", partnerId).param("m", messageId).query(Integer.class).single() > 0;
    }

    private boolean caseKnown(String partnerId, String receiptNo) {
        return jdbc.sql("SELECT COUNT(*) FROM crossprovince_inbound_message WHERE partner_id = :p"
                        + " AND case_receipt_no = :r")
                .param("p", partnerId).param("r", receiptNo).query(Integer.class).single() > 0;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw InboundProblem.invalid(List.of(new FieldError("body", "a JSON object is required")));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw InboundProblem.invalid(List.of(new FieldError("body", "not valid JSON")));
        } catch (IOException e) {
            throw InboundProblem.invalid(List.of(new FieldError("body", "not readable")));
        }
    }

    private static InboundProblem tooLarge(long max) {
        return new InboundProblem(HttpStatus.PAYLOAD_TOO_LARGE, InboundProblem.PREFIX + "too-large",
                "a message may have at most " + max + " bytes");
    }

    private static InboundProblem replayed(String messageId) {
        return new InboundProblem(HttpStatus.CONFLICT, InboundProblem.REPLAYED,
                "message " + messageId + " was received already; nothing was done again");
    }

    /** Collects every problem of a message's content, each named by its JSON path. */
    private static final class Checks {

        private final List<FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw InboundProblem.invalid(errors);
            }
        }

        String text(JsonNode parent, String name, Pattern pattern) {
            String value = text(parent, name, name, pattern);
            return value;
        }

        String text(JsonNode parent, String field, String name, Pattern pattern) {
            JsonNode node = parent.path(name);
            if (!node.isTextual() || node.textValue().isBlank()) {
                add(field, "required text");
                return null;
            }
            if (pattern != null && !pattern.matcher(node.textValue()).matches()) {
                add(field, "does not match " + pattern.pattern());
                return null;
            }
            return node.textValue();
        }

        String optionalText(JsonNode parent, String field, String name, int maxLength) {
            JsonNode node = parent.path(name);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isTextual() || node.textValue().length() > maxLength) {
                add(field, "text of at most " + maxLength + " characters");
                return null;
            }
            return node.textValue();
        }

        OffsetDateTime time(JsonNode parent, String name, boolean required) {
            JsonNode node = parent.path(name);
            if (node.isMissingNode() || node.isNull()) {
                if (required) {
                    add(name, "required ISO-8601 date-time with offset");
                }
                return null;
            }
            try {
                return OffsetDateTime.parse(node.asText());
            } catch (DateTimeParseException e) {
                add(name, "ISO-8601 date-time with offset");
                return null;
            }
        }

        void application(JsonNode application, VariableMap variables) {
            if (!application.isObject()) {
                add("application", "the application data (an object) is required");
                return;
            }
            if (application.size() > MAX_FIELDS) {
                add("application", "at most " + MAX_FIELDS + " fields");
                return;
            }
            application.fields().forEachRemaining(field -> {
                String path = "application." + field.getKey();
                JsonNode value = field.getValue();
                if (!VARIABLE.matcher(field.getKey()).matches()) {
                    add(path, "a field name is a letter, then letters, digits or _");
                } else if (value.isTextual() && value.textValue().length() <= MAX_TEXT) {
                    variables.putValue(field.getKey(), value.textValue());
                } else if (value.isBoolean()) {
                    variables.putValue(field.getKey(), value.booleanValue());
                } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                    variables.putValue(field.getKey(), value.canConvertToInt() ? value.intValue() : value.longValue());
                } else if (value.isNumber()) {
                    variables.putValue(field.getKey(), value.doubleValue());
                } else if (!value.isNull()) {
                    add(path, "text of at most " + MAX_TEXT + " characters, a number or true/false");
                }
            });
        }

        void materials(JsonNode materials, VariableMap variables) {
            if (materials.isMissingNode() || materials.isNull()) {
                return;
            }
            if (!materials.isArray() || materials.size() > MAX_MATERIALS) {
                add("materials", "a list of at most " + MAX_MATERIALS + " files");
                return;
            }
            for (int i = 0; i < materials.size(); i++) {
                JsonNode material = materials.get(i);
                String path = "materials[" + i + "]";
                String code = text(material, path + ".materialCode", "materialCode", MATERIAL_CODE);
                String fileName = optionalText(material, path + ".fileName", "fileName", 255);
                String contentType = text(material, path + ".contentType", "contentType", null);
                if (contentType != null && !CONTENT_TYPES.contains(contentType)) {
                    add(path + ".contentType", "one of " + CONTENT_TYPES);
                }
                String content = text(material, path + ".content", "content", null);
                byte[] bytes = null;
                if (content != null) {
                    try {
                        bytes = java.util.Base64.getDecoder().decode(content);
                    } catch (IllegalArgumentException e) {
                        add(path + ".content", "base64");
                    }
                }
                if (code != null && bytes != null && bytes.length > 0 && contentType != null
                        && CONTENT_TYPES.contains(contentType)) {
                    variables.putValue("handoffMaterial" + (i + 1), Variables
                            .fileValue(fileName == null || fileName.isBlank() ? code : fileName)
                            .file(bytes).mimeType(contentType).create());
                } else if (bytes != null && bytes.length == 0) {
                    add(path + ".content", "empty");
                }
            }
        }
    }
}
