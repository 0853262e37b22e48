package cn.tongban.notify.internal;

import cn.tongban.notify.Notifications;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant from a BPMN service task: {@code camunda:delegateExpression="${applicantMail}"}
 * with an input parameter {@code mailTemplate}. The mail is only queued in the outbox, in the job's transaction,
 * so the step completes at once whether or not SMTP is up; the task stays async so that a database failure is
 * retried by the job executor and never rolls back the reviewer's action.
 */
@Component("applicantMail")
class ApplicantMailDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ApplicantMailDelegate.class);
    private static final DateTimeFormatter DEADLINE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Notifications notifications;

    ApplicantMailDelegate(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariable("mailTemplate");
        if (template == null) {
            throw new IllegalStateException("service task " + execution.getCurrentActivityId()
                    + " has no input parameter mailTemplate");
        }
        Object to = execution.getVariable("applicantEmail");
        if (to == null || to.toString().isBlank()) {
            // an application handed in on paper may carry no address; the case goes on
            log.info("case {}: no applicant e-mail, mail '{}' not sent", execution.getProcessBusinessKey(), template);
            return;
        }
        Map<String, Object> model = new HashMap<>(execution.getVariables());
        model.put("receiptNo", execution.getProcessBusinessKey());
        if (model.get("caseDeadline") instanceof Date deadline) {
            // deadlines are promised in Beijing time, whatever zone the server runs in
            model.put("caseDeadlineText", DEADLINE_FORMAT.format(deadline.toInstant()));
        }
        Object language = execution.getVariable("locale");
        Locale locale = language == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(language.toString());
        // a step executed again (its job retried) queues no second mail
        String once = execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId() + "/" + template;
        notifications.send(to.toString(), template, model, locale, once);
    }
}
