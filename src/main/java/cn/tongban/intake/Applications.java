package cn.tongban.intake;

import cn.tongban.calendar.CalendarService;
import cn.tongban.catalog.Material;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.forms.ComponentType;
import cn.tongban.forms.FormComponent;
import cn.tongban.forms.FormDefinition;
import cn.tongban.forms.FormValidator;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.intake.ApplicationStore.StoredApplication;
import cn.tongban.intake.ApplicationStore.StoredRating;
import cn.tongban.intake.ApplicationView.AttachmentInfo;
import cn.tongban.intake.ApplicationView.CorrectionNotice;
import cn.tongban.intake.ApplicationView.Decision;
import cn.tongban.intake.ApplicationView.RatingInfo;
import cn.tongban.intake.AttachmentStore.StoredAttachment;
import cn.tongban.intake.CaseProgress.CaseState;
import cn.tongban.intake.StartForms.StartForm;
import cn.tongban.sla.Deadlines;
import cn.tongban.sla.SlaState;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant's use cases: apply, follow, add materials, answer a correction notice, withdraw, rate. Every
 * method takes the applicant's user name and acts on their own cases only; another's case is "not found".
 */
@org.springframework.stereotype.Service
class Applications {

    /** A variable the case gets beside the form data: the receipt time (受理时间), for the deadlines. */
    static final String ACCEPTED_AT = Deadlines.ACCEPTED_AT;
    static final String CORRECTION_ANSWER = "correctionAnswer";
    static final String CORRECTION_ATTACHMENTS = "correctionAttachmentIds";
    static final String WITHDRAWAL_REASON = "applicant withdrew";
    /** The message with which a marriage appointment is cancelled, so the model gives the booked place back. */
    static final String APPOINTMENT_CANCELLED = "AppointmentCancelled";
    /** Largest file an applicant may upload. */
    static final long MAX_FILE_SIZE = 10L * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 50;
    static final int MAX_LISTED = 200;
    /** Grades up to this are 差评 and are followed up by the district's supervisors. */
    static final int POOR_GRADE = 2;
    static final int FOLLOW_UP_WORKING_DAYS = 3;

    private final ServiceCatalog catalog;
    private final StartForms startForms;
    private final FormValidator validator;
    private final UserDirectory users;
    private final ReceiptNumbers receiptNumbers;
    private final ApplicationStore store;
    private final AttachmentStore attachments;
    private final DraftStore drafts;
    private final CaseProgress progress;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final CalendarService calendar;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;
    private final TransactionTemplate transaction;
    private final ZoneId zone;

    Applications(ServiceCatalog catalog, StartForms startForms, FormValidator validator, UserDirectory users,
                 ReceiptNumbers receiptNumbers, ApplicationStore store, AttachmentStore attachments,
                 DraftStore drafts, CaseProgress progress, RuntimeService runtime, HistoryService history,
                 TaskService tasks,
                 CalendarService calendar, MessageSource messages, ObjectMapper json,
                 PlatformTransactionManager transactions,
                 @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.catalog = catalog;
        this.startForms = startForms;
        this.validator = validator;
        this.users = users;
        this.receiptNumbers = receiptNumbers;
        this.store = store;
        this.attachments = attachments;
        this.drafts = drafts;
        this.progress = progress;
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.calendar = calendar;
        this.messages = messages;
        this.json = json;
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.transaction = new TransactionTemplate(transactions);
        this.zone = zone;
    }

    /** A receipt, and whether it answers a repeated request rather than a new application. */
    record Submitted(Receipt receipt, boolean repeated) {
    }

    /**
     * The data of an application broke its start form or a rule of the process; the fields are named as in the
     * form ({@code members[0].idNumber}), or {@code ""} for the data as a whole.
     */
    static final class InvalidApplicationData extends RuntimeException {

        private final transient List<InvalidField> errors;

        InvalidApplicationData(List<InvalidField> errors) {
            super("invalid application data: " + errors);
            this.errors = List.copyOf(errors);
        }

        List<InvalidField> errors() {
            return errors;
        }
    }

    /** The form an application of the service is made with; empty for a service that takes no applications. */
    Optional<StartForm> startForm(String serviceCode) {
        return catalog.find(serviceCode).flatMap(service -> startForms.of(service.code()));
    }

    /**
     * Checks the data against the service's start form and, in one transaction, stores the application under a
     * new receipt number and starts its case; a failure anywhere leaves neither. With an idempotency key, a
     * request the applicant made before (also one running at this moment) answers that request's receipt and
     * creates nothing.
     *
     * @throws InvalidInputException       for an unknown service (field {@code serviceCode})
     * @throws InvalidApplicationData      for data the form or the process refuses
     * @throws IdempotencyKeyReused        when the key came before with another request
     */
    Submitted submit(String applicant, String serviceCode, Map<String, Object> data, String idempotencyKey,
                     Locale locale) {
        String requestHash = requestHash(serviceCode, data);
        if (idempotencyKey != null) {
            Optional<StoredApplication> earlier = store.findByIdempotencyKey(applicant, idempotencyKey);
            if (earlier.isPresent()) {
                return repeat(earlier.get(), requestHash);
            }
        }
        Service service = catalog.find(serviceCode).orElseThrow(() -> unknownService(serviceCode, locale));
        StartForm start = startForms.of(service.code()).orElseThrow(() -> unknownService(serviceCode, locale));
        FormDefinition form = start.form();
        Map<String, Object> accepted;
        try {
            accepted = withCheckboxDefaults(form, validator.accept(form, data, locale));
        } catch (InvalidInputException invalid) {
            throw new InvalidApplicationData(invalid.errors());
        }
        UserAccount account = users.findUser(applicant)
                .orElseThrow(() -> new IllegalStateException("no account for signed-in user " + applicant));
        Instant receivedAt = ClockUtil.getCurrentTime().toInstant();
        String receiptNo = receiptNumbers.next(service.receiptPrefix(), receivedAt.atZone(zone).toLocalDate());
        try {
            Receipt receipt = transaction.execute(status -> create(service, start, accepted, account, requestHash,
                    idempotencyKey, receiptNo, receivedAt, locale));
            return new Submitted(receipt, false);
        } catch (DuplicateKeyException raced) {
            // a twin request with the same key committed while this one ran: answer as that one did
            if (idempotencyKey != null) {
                Optional<StoredApplication> twin = store.findByIdempotencyKey(applicant, idempotencyKey);
                if (twin.isPresent()) {
                    return repeat(twin.get(), requestHash);
                }
            }
            throw raced;
        } catch (SuspendedEntityInteractionException suspended) {
            throw new IntakeProblem(HttpStatus.SERVICE_UNAVAILABLE, "intake.service-suspended",
                    service.names().in(locale));
        }
    }

    private Receipt create(Service service, StartForm start, Map<String, Object> accepted, UserAccount account,
                           String requestHash, String idempotencyKey, String receiptNo, Instant receivedAt,
                           Locale locale) {
        store.insert(receiptNo, service.code(), account.username(), toJson(accepted), requestHash, idempotencyKey,
                Instant.now(), receivedAt);
        ProcessInstanceWithVariables instance = runtime.createProcessInstanceById(start.processDefinitionId())
                .businessKey(receiptNo)
                .setVariables(processVariables(accepted, account, receivedAt, locale))
                .executeWithVariablesInReturn();
        VariableMap variables = instance.getVariables();
        refuseIfInvalid(service.code(), instance.getId(), variables);
        Date deadline = variables.get(Deadlines.CASE_DEADLINE) instanceof Date date ? date : null;
        boolean provisional = Boolean.TRUE.equals(variables.get(Deadlines.CASE_DEADLINE_PROVISIONAL));
        store.started(receiptNo, instance.getId(), deadline, provisional);
        // the draft is done with; should the submission fail, it stays
        drafts.delete(account.username(), service.code());
        return new Receipt(receiptNo, CaseStatus.SUBMITTED, at(receivedAt),
                deadline == null ? null : at(deadline.toInstant()), provisional);
    }

    /** A new case that its process refused at once for its data is bad input: nothing is kept. */
    private void refuseIfInvalid(String serviceCode, String processInstanceId, VariableMap variables) {
        Set<String> refusing = CaseOutcomes.refusingData(serviceCode);
        if (refusing.isEmpty()) {
            return;
        }
        boolean refused = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .list().stream()
                .map(HistoricActivityInstance::getActivityId)
                .anyMatch(refusing::contains);
        if (refused) {
            Object reason = variables.get("decisionReason");
            throw new InvalidApplicationData(List.of(new InvalidField("",
                    reason == null ? "invalid" : reason.toString())));
        }
    }

    private Submitted repeat(StoredApplication earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReused(earlier.receiptNo());
        }
        return new Submitted(new Receipt(earlier.receiptNo(), CaseStatus.SUBMITTED, at(earlier.acceptedAt()),
                earlier.deadline() == null ? null : at(earlier.deadline()), earlier.provisional()), true);
    }

    /** The applicant's applications, newest first. */
    @Transactional(readOnly = true)
    List<ApplicationView> list(String applicant, Locale locale) {
        return store.list(applicant, MAX_LISTED).stream().map(application -> view(application, locale)).toList();
    }

    /** @throws IntakeProblem 404 for another's or an unknown application */
    @Transactional(readOnly = true)
    ApplicationView find(String applicant, String receiptNo, Locale locale) {
        return view(own(applicant, receiptNo), locale);
    }

    /**
     * Stores an uploaded material of the case; its type is read from its first bytes.
     *
     * @throws InvalidInputException for a material the service does not ask for, an empty file or one that is no
     *                               PDF, JPEG or PNG
     * @throws IntakeProblem         409 once the case has ended, or when it holds {@value #MAX_ATTACHMENTS} files
     */
    @Transactional
    AttachmentInfo attach(String applicant, String receiptNo, String materialCode, String originalName,
                          byte[] content, Locale locale) {
        StoredApplication application = own(applicant, receiptNo);
        List<InvalidField> errors = new ArrayList<>();
        if (catalog.materials(application.serviceCode()).stream().map(Material::code)
                .noneMatch(code -> code.equals(materialCode))) {
            errors.add(new InvalidField("materialCode", message("intake.material.unknown", locale)));
        }
        Optional<UploadedFile> file = UploadedFile.of(originalName, content);
        if (content.length == 0) {
            errors.add(new InvalidField("file", message("intake.file.empty", locale)));
        } else if (file.isEmpty()) {
            errors.add(new InvalidField("file", message("intake.file.type", locale)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CaseState state = progress.of(application);
        if (application.withdrawn() || state.ended()) {
            throw IntakeProblem.conflict("intake.attachment.case-ended");
        }
        if (attachments.count(receiptNo) >= MAX_ATTACHMENTS) {
            throw IntakeProblem.conflict("intake.attachment.too-many", MAX_ATTACHMENTS);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long id = attachments.insert(receiptNo, materialCode, file.get(), now);
        UploadedFile stored = file.get();
        return new AttachmentInfo(id, materialCode, stored.fileName(), stored.type().mediaType(),
                stored.content().length, stored.sha256(), at(now));
    }

    /** An attachment with its bytes. */
    record Download(AttachmentInfo attachment, byte[] content) {
    }

    /** @throws IntakeProblem 404 for another's application or an attachment of another case */
    @Transactional(readOnly = true)
    Download download(String applicant, String receiptNo, long attachmentId) {
        StoredApplication application = own(applicant, receiptNo);
        StoredAttachment attachment = attachments.find(application.receiptNo(), attachmentId)
                .orElseThrow(IntakeProblem::notFound);
        return new Download(info(attachment), attachments.content(attachment.id()));
    }

    /**
     * Answers the open correction notice: the case goes back to acceptance with {@code correctionAnswer} (and the
     * ids of the materials added for it in {@code correctionAttachmentIds}).
     *
     * @throws InvalidInputException for an attachment that is not one of this case
     * @throws IntakeProblem         409 when no notice is open (never issued, answered already, or timed out)
     */
    @Transactional
    ApplicationView answerCorrection(String applicant, String receiptNo, String answer, List<Long> attachmentIds,
                                     Locale locale) {
        StoredApplication application = own(applicant, receiptNo);
        List<Long> ids = attachmentIds == null ? List.of() : attachmentIds;
        List<InvalidField> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (attachments.find(receiptNo, ids.get(i)).isEmpty()) {
                errors.add(new InvalidField("attachmentIds[" + i + "]", message("intake.attachment.unknown", locale)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (application.withdrawn() || !progress.of(application).correctionOpen()) {
            throw IntakeProblem.conflict("intake.correction.none-open");
        }
        try {
            runtime.createMessageCorrelation(CaseProgress.CORRECTION_ANSWERED)
                    .processInstanceBusinessKey(receiptNo)
                    .processInstanceId(application.processInstanceId())
                    .setVariable(CORRECTION_ANSWER, answer)
                    .setVariable(CORRECTION_ATTACHMENTS, SpinValues.jsonValue(toJson(ids)).create())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
            // the notice closed (answered, timed out) between the check and the correlation
            throw IntakeProblem.conflict("intake.correction.none-open");
        }
        return view(application, locale);
    }

    /**
     * Withdraws the application while it is undecided: the case is ended with the reason "applicant withdrew"
     * (its history stays); a marriage appointment is cancelled through the model, which gives the place back.
     *
     * @throws IntakeProblem 409 once the case is decided, closed or withdrawn
     */
    @Transactional
    ApplicationView withdraw(String applicant, String receiptNo, Locale locale) {
        StoredApplication application = own(applicant, receiptNo);
        CaseState state = progress.of(application);
        if (state.ended() || !state.status().open() || !store.withdraw(receiptNo, ClockUtil.getCurrentTime().toInstant())) {
            throw IntakeProblem.conflict("intake.withdrawal.too-late");
        }
        String processInstanceId = application.processInstanceId();
        try {
            boolean appointment = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                    .eventType("message").eventName(APPOINTMENT_CANCELLED).count() > 0;
            if (appointment) {
                runtime.createMessageCorrelation(APPOINTMENT_CANCELLED).processInstanceId(processInstanceId)
                        .correlateWithResult();
            } else {
                runtime.deleteProcessInstance(processInstanceId, WITHDRAWAL_REASON);
            }
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
            // a reviewer moved the case meanwhile; the applicant may look again and retry
            throw IntakeProblem.conflict("intake.withdrawal.raced");
        }
        return view(own(applicant, receiptNo), locale);
    }

    /**
     * Rates a decided case, once. A 差评 (grade {@value #POOR_GRADE} or lower) becomes a follow-up task
     * "差评回访：&lt;receipt number&gt;" for the supervisors of the case's district, due in
     * {@value #FOLLOW_UP_WORKING_DAYS} working days.
     *
     * @throws IntakeProblem 409 before a decision, or when the case is rated already
     */
    @Transactional
    RatingInfo rate(String applicant, String receiptNo, int grade, String comment, Locale locale) {
        StoredApplication application = own(applicant, receiptNo);
        CaseState state = progress.of(application);
        if (!state.status().decided()) {
            throw IntakeProblem.conflict("intake.rating.not-decided");
        }
        if (store.rating(receiptNo).isPresent()) {
            throw IntakeProblem.conflict("intake.rating.given");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        try {
            store.insertRating(receiptNo, grade, text, now);
        } catch (DuplicateKeyException raced) {
            throw IntakeProblem.conflict("intake.rating.given");
        }
        if (grade <= POOR_GRADE) {
            store.ratingFollowedUpBy(receiptNo, followUp(application, state, grade, text, now));
        }
        return new RatingInfo(grade, text, at(now));
    }

    /** 差评回访: a task for the supervisors of the district, outside any process (the case has ended). */
    private String followUp(StoredApplication application, CaseState state, int grade, String comment,
                            Instant now) {
        Task task = tasks.newTask();
        task.setName("差评回访：" + application.receiptNo());
        task.setDescription("申请人 " + application.applicant() + " 对受理编号 " + application.receiptNo()
                + " 评价 " + grade + " 分" + (comment == null ? "。" : "：" + comment));
        task.setDueDate(Date.from(calendar.current().deadline(now, FOLLOW_UP_WORKING_DAYS).deadline().toInstant()));
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), state.district() == null ? Role.SUPERVISOR.groupId()
                : "supervisor-" + state.district());
        // what task lists show of a case, as a process task would carry it
        tasks.setVariablesLocal(task.getId(), Map.of("receiptNo", application.receiptNo(),
                "serviceCode", application.serviceCode(), "ratingGrade", grade));
        return task.getId();
    }

    private StoredApplication own(String applicant, String receiptNo) {
        return store.find(applicant, receiptNo).orElseThrow(IntakeProblem::notFound);
    }

    private ApplicationView view(StoredApplication application, Locale locale) {
        CaseState state = progress.of(application);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        SlaState sla = state.status().open() && !state.ended() && state.deadline() != null
                ? SlaState.at(state.deadline(), now, zone) : null;
        String serviceName = catalog.find(application.serviceCode()).map(s -> s.names().in(locale))
                .orElse(application.serviceCode());
        List<TimelineEntry> timeline = state.timeline().stream()
                .map(step -> new TimelineEntry(step.activityId(), step.name(), step.kind(), at(step.startedAt()),
                        step.endedAt() == null ? null : at(step.endedAt()),
                        step.endsAt() == null ? null : at(step.endsAt())))
                .toList();
        boolean approved = state.status() == CaseStatus.DECIDED_APPROVED;
        Decision decision = state.status().decided() ? new Decision(approved,
                approved ? null : state.decisionReason(), approved ? state.monthlyAmount() : null) : null;
        CorrectionNotice notice = state.correctionOpen()
                ? new CorrectionNotice(state.correctionItems(), at(state.correctionIssuedAt())) : null;
        RatingInfo rating = store.rating(application.receiptNo()).map(this::info).orElse(null);
        return new ApplicationView(application.receiptNo(), application.serviceCode(), serviceName, state.status(),
                at(application.acceptedAt()), state.deadline() == null ? null : at(state.deadline()),
                state.provisional(), sla, timeline, notice,
                attachments.list(application.receiptNo()).stream().map(this::info).toList(), rating, decision);
    }

    private AttachmentInfo info(StoredAttachment attachment) {
        return new AttachmentInfo(attachment.id(), attachment.materialCode(), attachment.fileName(),
                attachment.contentType(), attachment.size(), attachment.sha256(), at(attachment.uploadedAt()));
    }

    private RatingInfo info(StoredRating rating) {
        return new RatingInfo(rating.grade(), rating.comment(), at(rating.ratedAt()));
    }

    /**
     * The form data, the receipt time, the applicant's contact from the account where the form asks for none,
     * and the language for the mails. Lists and objects (dynamic lists, groups with a path) become JSON
     * variables, which Camunda Forms read back.
     */
    private Map<String, Object> processVariables(Map<String, Object> accepted, UserAccount account,
                                                 Instant receivedAt, Locale locale) {
        Map<String, Object> variables = new LinkedHashMap<>();
        accepted.forEach((name, value) -> variables.put(name, processValue(value)));
        variables.put(ACCEPTED_AT, Date.from(receivedAt));
        putIfBlank(variables, "applicantEmail", account.email());
        putIfBlank(variables, "applicantName", account.displayName());
        variables.put("locale", locale.toLanguageTag());
        return variables;
    }

    private static void putIfBlank(Map<String, Object> variables, String name, String value) {
        Object present = variables.get(name);
        if ((present == null || present.toString().isBlank()) && value != null) {
            variables.put(name, value);
        }
    }

    private Object processValue(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return SpinValues.jsonValue(toJson(value)).create();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            BigDecimal number = new BigDecimal(value.toString());
            try {
                return number.longValueExact();
            } catch (ArithmeticException fraction) {
                return number.doubleValue();
            }
        }
        return value;
    }

    /**
     * A checkbox left unticked is {@code false}, as form-js submits it, so the process finds every answer the
     * form asked for. Covers the checkboxes outside dynamic lists and groups with a path, which is where the
     * service forms have them.
     */
    static Map<String, Object> withCheckboxDefaults(FormDefinition form, Map<String, Object> accepted) {
        Map<String, Object> complete = new LinkedHashMap<>(accepted);
        addCheckboxDefaults(form.components(), complete);
        return complete;
    }

    private static void addCheckboxDefaults(List<FormComponent> components, Map<String, Object> data) {
        for (FormComponent component : components) {
            if (component.hide().holdsIn(data) || component.disabled().holdsIn(data)
                    || component.readonly().holdsIn(data)) {
                continue;
            }
            if (component.type() == ComponentType.CHECKBOX && !component.key().contains(".")) {
                data.putIfAbsent(component.key(), false);
            } else if (component.type() == ComponentType.GROUP && component.dataPath().isEmpty()) {
                addCheckboxDefaults(component.components(), data);
            }
        }
    }

    private String requestHash(String serviceCode, Map<String, Object> data) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", serviceCode);
        request.put("data", data);
        try {
            byte[] canonical = canonicalJson.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form data that passed the form is JSON", e);
        }
    }

    private InvalidInputException unknownService(String serviceCode, Locale locale) {
        return new InvalidInputException("serviceCode", message("intake.service.unknown", locale));
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
