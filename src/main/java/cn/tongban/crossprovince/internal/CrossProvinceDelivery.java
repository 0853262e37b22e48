package cn.tongban.crossprovince.internal;

import cn.tongban.crossprovince.AuthorityProperties;
import cn.tongban.crossprovince.CrossProvinceProperties;
import cn.tongban.crossprovince.CrossProvinceProperties.Partner;
import cn.tongban.intake.SubmittedMaterials;
import cn.tongban.sla.Deadlines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Sends one message of the hand-off from an async service task (input parameter {@code messageKind}): the case
 * package to the hukou authority (CASE), or a status back to the receiving authority (ACCEPTED, DECIDED).
 * <p>
 * The message id is derived from this authority, the process instance and the activity, so every retry of the job
 * sends the same id and a partner that took the message before ignores it. An unreachable or busy partner fails the
 * job, which retries on the model's cycle; a refusal (4xx) or a missing partner fails it with no retries left, an
 * incident. Each attempt and its outcome is recorded for the supervisors' list.
 */
@Component("crossProvinceDelivery")
class CrossProvinceDelivery implements JavaDelegate {

    static final String MESSAGE_KIND = "messageKind";
    /** The partner a handed-over case came from (hukou side) or went to (receiving side). */
    static final String PARTNER = "handoffPartner";

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The case's own bookkeeping; everything else the applicant gave travels as application data. */
    private static final Set<String> NOT_APPLICATION_DATA = Set.of(MESSAGE_KIND, PARTNER, Deadlines.ACCEPTED_AT,
            "acceptanceOutcome", "secondNoticeDecision", "hukouDecisionDeadline", "partnerAuthority", "district",
            "townshipOffice", "hukouLocal", "approved", "decisionReason");
    private static final List<String> NOT_APPLICATION_PREFIXES = List.of("sla", "handoff", "case", "correction",
            "mail");

    private final AuthorityProperties authority;
    private final CrossProvinceProperties properties;
    private final PartnerClient client;
    private final DeliveryStore deliveries;
    private final ObjectMapper json;
    private final SubmittedMaterials materials;
    private final HistoryService history;
    private final Deadlines deadlines;

    CrossProvinceDelivery(AuthorityProperties authority, CrossProvinceProperties properties, PartnerClient client,
                          DeliveryStore deliveries, ObjectMapper json, SubmittedMaterials materials,
                          HistoryService history, Deadlines deadlines) {
        this.authority = authority;
        this.properties = properties;
        this.client = client;
        this.deliveries = deliveries;
        this.json = json;
        this.materials = materials;
        this.history = history;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageKind kind = MessageKind.valueOf(String.valueOf(execution.getVariable(MESSAGE_KIND)));
        String receiptNo = execution.getProcessBusinessKey();
        String messageId = UUID.nameUUIDFromBytes((authority.code() + "|" + execution.getProcessInstanceId() + "|"
                + execution.getCurrentActivityId()).getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Partner partner = partnerFor(execution, kind);
        if (partner == null) {
            String target = kind == MessageKind.CASE ? "province " + execution.getVariable("hukouProvince")
                    : "authority " + execution.getVariable(PARTNER);
            deliveries.attempt(messageId, "none", kind, receiptNo, execution.getProcessInstanceId(), now);
            deliveries.outcome(messageId, DeliveryStore.State.REFUSED, null, "no partner authority for " + target, now);
            throw new DeliveryRefusedException("no partner authority configured for " + target);
        }
        byte[] body = body(execution, kind, receiptNo);
        deliveries.attempt(messageId, partner.id(), kind, receiptNo, execution.getProcessInstanceId(), now);
        PartnerClient.Answer answer = client.send(partner, kind, messageId, body);
        switch (answer.verdict()) {
            case DELIVERED -> {
                deliveries.outcome(messageId, DeliveryStore.State.DELIVERED, answer.status(), null, now);
                if (kind == MessageKind.CASE) {
                    execution.setVariable(PARTNER, partner.id());
                    execution.setVariable("partnerAuthority", partner.name());
                    execution.setVariable("handoffSentAt", Date.from(now));
                }
            }
            case RETRY -> {
                deliveries.outcome(messageId, DeliveryStore.State.PENDING, answer.status(), answer.detail(), now);
                throw new DeliveryFailedException(kind + " for " + receiptNo + " not delivered to " + partner.id()
                        + " (" + answer.status() + "): " + answer.detail());
            }
            case REFUSED -> {
                deliveries.outcome(messageId, DeliveryStore.State.REFUSED, answer.status(), answer.detail(), now);
                throw new DeliveryRefusedException(kind + " for " + receiptNo + " refused by " + partner.id()
                        + " (" + answer.status() + "): " + answer.detail());
            }
        }
    }

    private Partner partnerFor(DelegateExecution execution, MessageKind kind) {
        if (kind == MessageKind.CASE) {
            Object province = execution.getVariable("hukouProvince");
            return province == null ? null : properties.partnerForProvince(province.toString()).orElse(null);
        }
        Object partner = execution.getVariable(PARTNER);
        return partner == null ? null : properties.partner(partner.toString()).orElse(null);
    }

    private byte[] body(DelegateExecution execution, MessageKind kind, String receiptNo) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("receiptNo", receiptNo);
        message.put("from", Map.of("code", authority.code(), "name", authority.name(),
                "province", authority.province()));
        if (kind == MessageKind.CASE) {
            casePackage(execution, message);
        } else {
            message.put("status", kind.name());
            message.put("at", time(ClockUtil.getCurrentTime()));
            if (kind == MessageKind.DECIDED) {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("approved", Boolean.TRUE.equals(execution.getVariable("approved")));
                decision.put("reason", execution.getVariable("decisionReason"));
                for (String name : List.of("livingSubsidyApproved", "careSubsidyApproved", "paymentStartMonth")) {
                    if (execution.getVariable(name) != null) {
                        decision.put(name, execution.getVariable(name));
                    }
                }
                message.put("decision", decision);
            }
        }
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the message of " + receiptNo + " cannot be written", e);
        }
    }

    /** 案卷: the application, the materials, the receipt and deadlines, and our acceptance record. */
    private void casePackage(DelegateExecution execution, Map<String, Object> message) {
        message.put("serviceCode", deadlines.serviceOf(execution).code());
        Map<String, Object> application = new LinkedHashMap<>();
        execution.getVariables().forEach((name, value) -> {
            boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean;
            if (plain && !NOT_APPLICATION_DATA.contains(name)
                    && NOT_APPLICATION_PREFIXES.stream().noneMatch(name::startsWith)) {
                application.put(name, value);
            }
        });
        message.put("application", application);
        message.put("materials", materials.of(execution.getProcessBusinessKey()).stream()
                .map(m -> Map.of("materialCode", m.materialCode(), "fileName", m.fileName(),
                        "contentType", m.contentType(), "content", Base64.getEncoder().encodeToString(m.content())))
                .toList());
        message.put("acceptedAt", time(deadlines.acceptedAt(execution)));
        message.put("caseDeadline", time(deadlines.caseDueAt(execution)));
        message.put("caseDeadlineProvisional",
                Boolean.TRUE.equals(execution.getVariable(Deadlines.CASE_DEADLINE_PROVISIONAL)));
        message.put("hukouDecisionDeadline", time(deadlines.dueAt(execution, "hukouDecision")));
        Map<String, Object> acceptance = new LinkedHashMap<>();
        acceptance.put("authorityCode", authority.code());
        acceptance.put("authorityName", authority.name());
        acceptance.put("district", execution.getVariable("district"));
        HistoricTaskInstance accepted = history.createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("acceptance").finished()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (accepted != null) {
            acceptance.put("acceptedBy", accepted.getAssignee());
            acceptance.put("completedAt", time(accepted.getEndTime()));
        }
        message.put("acceptance", acceptance);
    }

    private static String time(Date date) {
        return time(date.toInstant());
    }

    private static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZONE).toString();
    }
}
