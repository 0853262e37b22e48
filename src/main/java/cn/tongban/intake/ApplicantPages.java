package cn.tongban.intake;

import cn.tongban.catalog.Material;
import cn.tongban.catalog.Names;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.forms.FormComponent;
import cn.tongban.forms.FormDefinition;
import cn.tongban.forms.FormSubmissions;
import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.intake.Applications.InvalidApplicationData;
import cn.tongban.intake.Applications.Submitted;
import cn.tongban.intake.StartForms.StartForm;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The applicant's pages: apply with the service's start form, the receipt, my applications, and one application
 * with its timeline, correction notice, materials, withdrawal and rating. Each action posts back and redirects
 * to the page it came from with a message, so a reload never repeats it.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class ApplicantPages {

    /** The page's own parameter: a key per form page, so a second click on "submit" makes no second case. */
    static final String IDEMPOTENCY_KEY = "_idempotencyKey";
    /** The page's own parameter of the "save draft" button. */
    static final String SAVE_DRAFT = "_draft";
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern RECEIPT_NO = Pattern.compile("[A-Z]{2,4}-\\d{8}-\\d{4,}");
    private static final String NOTICE = "notice";
    private static final String PROBLEMS = "problems";
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Applications applications;
    private final Drafts drafts;
    private final ServiceCatalog catalog;
    private final UserDirectory users;
    private final MessageSource messages;

    ApplicantPages(Applications applications, Drafts drafts, ServiceCatalog catalog, UserDirectory users,
                   MessageSource messages) {
        this.applications = applications;
        this.drafts = drafts;
        this.catalog = catalog;
        this.users = users;
        this.messages = messages;
    }

    /**
     * One step of the timeline in the reader's language (the catalogue's name of the step where it has one);
     * {@code endsAt} is when an open timed wait ends by itself.
     */
    record TimelineRow(String name, TimelineEntry.Kind kind, OffsetDateTime startedAt, OffsetDateTime endedAt,
                       OffsetDateTime endsAt) {
    }

    @GetMapping("/apply/{code}")
    String applyForm(@PathVariable String code, Principal principal, Locale locale, Model model) {
        StartForm start = startForm(code);
        Map<String, Object> values = new LinkedHashMap<>();
        Optional<Drafts.Draft> draft = drafts.find(principal.getName(), code, locale);
        if (draft.isPresent()) {
            // resuming: the form as it was saved
            values.putAll(draft.get().data());
            model.addAttribute("draft", draft.get());
        } else {
            users.findUser(principal.getName()).ifPresent(account -> prefill(start.form(), account,
                    users.idNumberOf(account.username()).orElse(null), values));
        }
        return applyPage(code, start, values, List.of(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/apply/{code}")
    String apply(@PathVariable String code, HttpServletRequest request, Principal principal, Locale locale,
                 Model model, RedirectAttributes redirect) {
        StartForm start = startForm(code);
        Map<String, String[]> parameters = request.getParameterMap();
        Map<String, Object> data = FormSubmissions.fromRequestParameters(start.form(), parameters);
        String key = request.getParameter(IDEMPOTENCY_KEY);
        key = key != null && KEY.matcher(key).matches() ? key : UUID.randomUUID().toString();
        if (FormSubmissions.editsList(parameters)) {
            return applyPage(code, start, data, List.of(), key, model);
        }
        if (parameters.containsKey(SAVE_DRAFT)) {
            return saveDraft(code, start, data, key, principal, locale, model, redirect);
        }
        try {
            Submitted submitted = applications.submit(principal.getName(), code, data, key, locale);
            redirect.addFlashAttribute(NOTICE, message(submitted.repeated()
                    ? "intake.page.apply.repeated" : "intake.page.apply.submitted", locale));
            return "redirect:/applications/" + submitted.receipt().receiptNo() + "/receipt";
        } catch (InvalidApplicationData invalid) {
            return applyPage(code, start, data, invalid.errors(), key, model);
        } catch (IdempotencyKeyReused reused) {
            model.addAttribute("submittedAs", reused.receiptNo());
            return applyPage(code, start, data, List.of(), UUID.randomUUID().toString(), model);
        } catch (IntakeProblem problem) {
            model.addAttribute(PROBLEMS, List.of(message(problem, locale)));
            return applyPage(code, start, data, List.of(), key, model);
        }
    }

    private String saveDraft(String code, StartForm start, Map<String, Object> data, String key,
                             Principal principal, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            Drafts.Draft saved = drafts.save(principal.getName(), code, data, locale);
            redirect.addFlashAttribute(NOTICE, message("intake.page.draft.saved", locale,
                    saved.savedAt().format(SHOWN_TIME)));
            return "redirect:/apply/" + code;
        } catch (InvalidInputException invalid) {
            return applyPage(code, start, data, invalid.errors(), key, model);
        }
    }

    @PostMapping("/applications/drafts/{code}/delete")
    String deleteDraft(@PathVariable String code, Principal principal, Locale locale, RedirectAttributes redirect) {
        if (!drafts.delete(principal.getName(), code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute(NOTICE, message("intake.page.draft.deleted", locale));
        return "redirect:/applications";
    }

    @GetMapping("/applications/{receiptNo}/receipt")
    String receipt(@PathVariable String receiptNo, Principal principal, Locale locale, Model model) {
        ApplicationView application = found(() -> applications.find(principal.getName(), receiptNo, locale));
        model.addAttribute("caseView", application);
        model.addAttribute("email", users.findUser(principal.getName()).map(UserAccount::email).orElse(null));
        return "intake/receipt";
    }

    @GetMapping("/applications")
    String applications(Principal principal, Locale locale, Model model) {
        model.addAttribute("applications", applications.list(principal.getName(), locale));
        model.addAttribute("drafts", drafts.list(principal.getName(), locale));
        return "intake/applications";
    }

    @GetMapping("/applications/{receiptNo}")
    String application(@PathVariable String receiptNo, Principal principal, Locale locale, Model model) {
        ApplicationView application = found(() -> applications.find(principal.getName(), receiptNo, locale));
        Service service = catalog.find(application.serviceCode()).orElseThrow();
        model.addAttribute("caseView", application);
        model.addAttribute("materials", service.materials());
        model.addAttribute("materialNames", materialNames(service, locale));
        model.addAttribute("timeline", timeline(application, service, locale));
        return "intake/application";
    }

    @PostMapping("/applications/{receiptNo}/attachments")
    String attach(@PathVariable String receiptNo, @RequestParam(name = "materialCode", required = false)
                  String materialCode, @RequestParam(name = "file", required = false) MultipartFile file,
                  Principal principal, Locale locale, RedirectAttributes redirect) {
        Map<String, String> entered = entered("materialCode", materialCode);
        return act(receiptNo, redirect, locale, "intake.page.attachment.stored", entered, () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", message("intake.file.empty", locale));
            }
            if (file.getSize() > Applications.MAX_FILE_SIZE) {
                throw new IntakeProblem(HttpStatus.PAYLOAD_TOO_LARGE, "intake.file.too-large");
            }
            applications.attach(principal.getName(), receiptNo, materialCode == null ? "" : materialCode,
                    file.getOriginalFilename(), bytes(file), locale);
        });
    }

    @PostMapping("/applications/{receiptNo}/corrections")
    String answerCorrection(@PathVariable String receiptNo, @RequestParam(name = "answer", required = false)
                            String answer, @RequestParam(name = "attachmentIds", required = false)
                            List<Long> attachmentIds, Principal principal, Locale locale,
                            RedirectAttributes redirect) {
        return act(receiptNo, redirect, locale, "intake.page.correction.sent", entered("answer", answer), () -> {
            String text = answer == null ? "" : answer.strip();
            if (text.isEmpty() || text.length() > 2000 || !PlainText.acceptable(text)) {
                throw new InvalidInputException("answer", message("intake.page.correction.invalid", locale));
            }
            applications.answerCorrection(principal.getName(), receiptNo, text, attachmentIds, locale);
        });
    }

    @GetMapping("/applications/{receiptNo}/withdrawal")
    String confirmWithdrawal(@PathVariable String receiptNo, Principal principal, Locale locale, Model model) {
        model.addAttribute("caseView", found(() -> applications.find(principal.getName(), receiptNo, locale)));
        return "intake/withdrawal";
    }

    @PostMapping("/applications/{receiptNo}/withdrawal")
    String withdraw(@PathVariable String receiptNo, Principal principal, Locale locale, RedirectAttributes redirect) {
        return act(receiptNo, redirect, locale, "intake.page.withdrawn", Map.of(),
                () -> applications.withdraw(principal.getName(), receiptNo, locale));
    }

    @PostMapping("/applications/{receiptNo}/rating")
    String rate(@PathVariable String receiptNo, @RequestParam(name = "grade", required = false) String grade,
                @RequestParam(name = "comment", required = false) String comment, Principal principal,
                Locale locale, RedirectAttributes redirect) {
        Map<String, String> entered = entered("grade", grade);
        entered.putAll(entered("comment", comment));
        return act(receiptNo, redirect, locale, "intake.page.rated", entered, () -> {
            if (grade == null || !grade.matches("[1-5]")) {
                throw new InvalidInputException("grade", message("intake.page.rating.grade", locale));
            }
            String text = comment == null ? "" : comment.strip();
            if (text.length() > 500 || !PlainText.acceptable(text)) {
                throw new InvalidInputException("comment", message("intake.page.rating.comment", locale));
            }
            applications.rate(principal.getName(), receiptNo, Integer.parseInt(grade), text, locale);
        });
    }

    private String applyPage(String code, StartForm start, Map<String, Object> values, List<InvalidField> errors,
                             String key, Model model) {
        Service service = catalog.find(code).orElseThrow();
        List<String> general = errors.stream().filter(error -> error.field().isEmpty()).map(InvalidField::message)
                .toList();
        model.addAttribute("service", service);
        model.addAttribute("definition", start.form());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors.stream().filter(error -> !error.field().isEmpty()).toList());
        if (!general.isEmpty()) {
            model.addAttribute(PROBLEMS, general);
        }
        model.addAttribute("idempotencyKey", key);
        return "intake/apply";
    }

    /**
     * Runs an action on the application and goes back to its page with what came of it: a confirmation, or the
     * errors beside their fields with what was entered ({@code entered}) filled in again.
     */
    private String act(String receiptNo, RedirectAttributes redirect, Locale locale, String doneCode,
                       Map<String, String> entered, Runnable action) {
        if (!RECEIPT_NO.matcher(receiptNo).matches()) {
            // no such application; and nothing odd goes into the redirect below
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            action.run();
            redirect.addFlashAttribute(NOTICE, message(doneCode, locale));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(PROBLEMS, invalid.errors().stream().map(InvalidField::message).toList());
            Map<String, String> byField = new LinkedHashMap<>();
            invalid.errors().forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " " + b));
            redirect.addFlashAttribute("fieldErrors", byField);
            redirect.addFlashAttribute("entered", entered);
        } catch (IntakeProblem problem) {
            if (problem.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute(PROBLEMS, List.of(message(problem, locale)));
        }
        return "redirect:/applications/" + receiptNo;
    }

    /** A posted value to show again should the action be refused; nothing for a value that was not sent. */
    private static Map<String, String> entered(String field, String value) {
        Map<String, String> entered = new LinkedHashMap<>();
        if (value != null) {
            entered.put(field, value);
        }
        return entered;
    }

    private StartForm startForm(String code) {
        return applications.startForm(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (IntakeProblem problem) {
            throw new ResponseStatusException(problem.getStatusCode());
        }
    }

    /** The applicant's name, ID number and contact from the account, where the form asks for them. */
    private static void prefill(FormDefinition form, UserAccount account, String idNumber,
                                Map<String, Object> values) {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("applicantName", account.displayName());
        known.put("applicantIdNumber", idNumber);
        known.put("applicantPhone", account.phone());
        known.put("applicantEmail", account.email());
        for (FormComponent field : form.fields()) {
            String value = known.get(field.key());
            if (value != null) {
                values.put(field.key(), value);
            }
        }
    }

    /** Steps by the service guide's names; the start, waits and ends by the intake bundle, else as in the model. */
    private List<TimelineRow> timeline(ApplicationView application, Service service, Locale locale) {
        List<TimelineRow> rows = new ArrayList<>();
        for (TimelineEntry entry : application.timeline()) {
            String name = service.step(entry.activityId()).map(Step::names).map(names -> names.in(locale))
                    .orElseGet(() -> messages.getMessage("intake.timeline." + service.code() + "."
                            + entry.activityId(), null, entry.name(), locale));
            rows.add(new TimelineRow(name, entry.kind(), entry.startedAt(), entry.endedAt(), entry.endsAt()));
        }
        return rows;
    }

    private static Map<String, String> materialNames(Service service, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Material material : service.materials()) {
            Names name = material.names();
            names.put(material.code(), name.in(locale));
        }
        return names;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }

    private String message(IntakeProblem problem, Locale locale) {
        return messages.getMessage(problem.detailCode(), problem.getDetailMessageArguments(), locale);
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
