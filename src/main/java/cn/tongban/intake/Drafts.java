package cn.tongban.intake;

import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.forms.FormValidator;
import cn.tongban.intake.DraftStore.StoredDraft;
import cn.tongban.intake.StartForms.StartForm;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts (草稿): a partly filled application kept for the applicant to finish later. Saving checks only what could
 * not be stored or shown again (the form's field names, value types, text limits, the size); required fields and
 * the other rules wait for the submission, which deletes the draft in its own transaction.
 */
@Service
class Drafts {

    /** The most a draft may hold, as JSON characters; an application's data is far smaller. */
    static final int MAX_DRAFT_CHARACTERS = 256 * 1024;

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final Applications applications;
    private final ServiceCatalog catalog;
    private final FormValidator validator;
    private final DraftStore store;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ZoneId zone;

    Drafts(Applications applications, ServiceCatalog catalog, FormValidator validator, DraftStore store,
           MessageSource messages, ObjectMapper json, @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.applications = applications;
        this.catalog = catalog;
        this.validator = validator;
        this.store = store;
        this.messages = messages;
        this.json = json;
        this.zone = zone;
    }

    /** A saved draft. */
    @Schema(name = "Draft")
    record Draft(@Schema(description = "事项编码 / service code") String serviceCode,
                 @Schema(description = "事项名称 / service name") String serviceName,
                 @Schema(description = "已填写的内容 / the form data entered so far") Map<String, Object> data,
                 @Schema(description = "保存时间 / saved at") OffsetDateTime savedAt) {
    }

    /**
     * Stores the draft, replacing the applicant's earlier one of the service.
     *
     * @throws IntakeProblem         404 for a service that takes no applications
     * @throws InvalidInputException for field names the form does not have, wrong types, text beyond its limits,
     *                               a draft larger than {@value #MAX_DRAFT_CHARACTERS} characters; fields are
     *                               named as in the form
     */
    @Transactional
    Draft save(String applicant, String serviceCode, Map<String, Object> data, Locale locale) {
        StartForm start = applications.startForm(serviceCode).orElseThrow(Drafts::notFound);
        List<InvalidField> errors = validator.validateDraft(start.form(), data, locale);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String text = toJson(data);
        if (text.length() > MAX_DRAFT_CHARACTERS) {
            throw new InvalidInputException("", messages.getMessage("intake.draft.too-large",
                    new Object[] {MAX_DRAFT_CHARACTERS / 1024}, locale));
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        store.save(applicant, serviceCode, text, now);
        return view(new StoredDraft(applicant, serviceCode, text, now), locale);
    }

    @Transactional(readOnly = true)
    Optional<Draft> find(String applicant, String serviceCode, Locale locale) {
        return store.find(applicant, serviceCode).map(draft -> view(draft, locale));
    }

    /** The applicant's drafts, the latest saved first. */
    @Transactional(readOnly = true)
    List<Draft> list(String applicant, Locale locale) {
        return store.list(applicant).stream().map(draft -> view(draft, locale)).toList();
    }

    /** @return false when the applicant has no draft of the service */
    @Transactional
    boolean delete(String applicant, String serviceCode) {
        return store.delete(applicant, serviceCode);
    }

    static IntakeProblem notFound() {
        return new IntakeProblem(HttpStatus.NOT_FOUND, "intake.draft.not-found");
    }

    private Draft view(StoredDraft draft, Locale locale) {
        String name = catalog.find(draft.serviceCode()).map(service -> service.names().in(locale))
                .orElse(draft.serviceCode());
        try {
            return new Draft(draft.serviceCode(), name, json.readValue(draft.data(), DATA),
                    draft.savedAt().atZone(zone).toOffsetDateTime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft is JSON", e);
        }
    }

    private String toJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form data read from a request is JSON", e);
        }
    }
}
