package cn.tongban.intake;

import cn.tongban.forms.FormValidator;
import cn.tongban.forms.ResidentIdNumber;
import cn.tongban.identity.AccountTakenException;
import cn.tongban.identity.ApplicantRegistration;
import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.notify.Notifications;
import cn.tongban.web.FieldErrors;
import cn.tongban.web.InvalidField;
import cn.tongban.web.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Applicants open their own accounts (申请人注册): the details are checked here against the rules of the bureau
 * (real name, resident ID number with its check digit, mainland mobile number, e-mail address, username and
 * password rules), then the identity module stores the account with the applicants' group and mirrors it into
 * Camunda. A welcome mail follows once the account exists.
 */
@Component
class Registrations {

    /** Field names, as the page and the API use them. */
    static final String REAL_NAME = "realName";
    static final String ID_NUMBER = "idNumber";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String PASSWORD_CONFIRMATION = "passwordConfirmation";

    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads no more than 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    /** Names in any script, with the middle dot of transcribed names (e.g. 阿依古丽·买买提); 2 to 50 characters. */
    private static final Pattern REAL_NAME_PATTERN =
            Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}·・. '-]{0,48}[\\p{L}\\p{M}]");
    /** Lower case, so that nobody signs in with a look-alike of another's name; 3 to 32 characters. */
    private static final Pattern USERNAME_PATTERN = Pattern.compile("[a-z][a-z0-9]*([._-][a-z0-9]+)*");
    private static final int MIN_USERNAME_LENGTH = 3;
    private static final int MAX_USERNAME_LENGTH = 32;
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private final UserDirectory users;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ZoneId zone;

    Registrations(UserDirectory users, Notifications notifications, MessageSource messages,
                  @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.users = users;
        this.notifications = notifications;
        this.messages = messages;
        this.zone = zone;
    }

    /** What a citizen fills in to register; any of it may be missing or wrong. */
    record RegistrationRequest(String realName, String idNumber, String phone, String email, String username,
                               String password, String passwordConfirmation) {
    }

    /** The new account, and its ID number for showing it masked. */
    record Registered(UserAccount account, ResidentIdNumber idNumber) {
    }

    /** The username, ID number or e-mail address belongs to another account: 409 naming each of them. */
    static final class AccountConflict extends ErrorResponseException {

        private final transient List<InvalidField> errors;

        AccountConflict(String detail, List<InvalidField> errors) {
            super(HttpStatus.CONFLICT, FieldErrors.withErrors(
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), errors), null);
            this.errors = List.copyOf(errors);
        }

        List<InvalidField> errors() {
            return errors;
        }
    }

    /**
     * Opens the account and mails a welcome; the mail failing does not undo the account.
     *
     * @throws InvalidInputException naming every field that breaks a rule
     * @throws AccountConflict       when username, ID number or e-mail address are taken
     */
    Registered register(RegistrationRequest request, Locale locale) {
        ApplicantRegistration registration = check(request, locale);
        UserAccount account;
        try {
            account = users.registerApplicant(registration, request.password());
        } catch (AccountTakenException taken) {
            throw conflict(taken.fields(), locale);
        } catch (DataIntegrityViolationException raced) {
            // another registration with the same details committed between the check and the insert
            List<String> taken = users.takenBy(registration);
            if (taken.isEmpty()) {
                throw raced;
            }
            throw conflict(taken, locale);
        }
        welcome(account, locale);
        return new Registered(account, ResidentIdNumber.parse(registration.idNumber(), LocalDate.now(zone)));
    }

    /** The details made uniform (upper-case X, lower-case address), or every rule they break. */
    private ApplicantRegistration check(RegistrationRequest request, Locale locale) {
        List<InvalidField> errors = new ArrayList<>();
        String realName = strip(request.realName());
        String idNumber = strip(request.idNumber()).toUpperCase(Locale.ROOT);
        String phone = strip(request.phone());
        String email = strip(request.email()).toLowerCase(Locale.ROOT);
        String username = strip(request.username());
        String password = request.password() == null ? "" : request.password();
        String confirmation = request.passwordConfirmation() == null ? "" : request.passwordConfirmation();

        if (realName.isEmpty()) {
            errors.add(required(REAL_NAME, locale));
        } else if (!REAL_NAME_PATTERN.matcher(realName).matches()) {
            errors.add(error(REAL_NAME, "intake.register.real-name.invalid", locale));
        }
        if (idNumber.isEmpty()) {
            errors.add(required(ID_NUMBER, locale));
        } else {
            ResidentIdNumber.defect(idNumber, LocalDate.now(zone)).ifPresent(defect -> errors.add(error(ID_NUMBER,
                    "forms.id-number." + defect.name().toLowerCase(Locale.ROOT).replace('_', '-'), locale)));
        }
        if (phone.isEmpty()) {
            errors.add(required(PHONE, locale));
        } else if (!FormValidator.isMainlandMobile(phone)) {
            errors.add(error(PHONE, "forms.mobile", locale));
        }
        if (email.isEmpty()) {
            errors.add(required(EMAIL, locale));
        } else if (!FormValidator.isEmailAddress(email)) {
            errors.add(error(EMAIL, "forms.email", locale));
        }
        if (username.isEmpty()) {
            errors.add(required(USERNAME, locale));
        } else if (username.length() < MIN_USERNAME_LENGTH || username.length() > MAX_USERNAME_LENGTH
                || !USERNAME_PATTERN.matcher(username).matches()) {
            errors.add(error(USERNAME, "intake.register.username.invalid", locale));
        }
        passwordRule(password, username, locale).ifPresent(errors::add);
        if (!password.equals(confirmation)) {
            errors.add(error(PASSWORD_CONFIRMATION, "intake.register.password.mismatch", locale));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ApplicantRegistration(username, realName, idNumber, phone, email);
    }

    private Optional<InvalidField> passwordRule(String password, String username, Locale locale) {
        String code = null;
        if (password.isEmpty()) {
            code = "intake.register.required";
        } else if (password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            code = "intake.register.password.length";
        } else if (!LETTER.matcher(password).find() || !DIGIT.matcher(password).find()) {
            code = "intake.register.password.letters-and-digits";
        } else if (!username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            code = "intake.register.password.username";
        } else if (!PlainText.acceptable(password) || password.contains("\n") || password.contains("\t")) {
            code = "intake.register.password.characters";
        }
        return Optional.ofNullable(code).map(c -> error(PASSWORD, c, locale));
    }

    private AccountConflict conflict(List<String> fields, Locale locale) {
        List<InvalidField> errors = fields.stream()
                .map(field -> error(field, "intake.register.taken." + field, locale)).toList();
        return new AccountConflict(messages.getMessage("intake.register.taken", null, locale), errors);
    }

    private void welcome(UserAccount account, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("applicantName", account.displayName());
        model.put("username", account.username());
        // queued in the outbox: a mail server that is down delays the mail, not the account
        notifications.send(account.email(), "welcome", model, locale);
    }

    private InvalidField required(String field, Locale locale) {
        return error(field, "intake.register.required", locale);
    }

    private InvalidField error(String field, String code, Locale locale) {
        return new InvalidField(field, messages.getMessage(code, null, locale));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
