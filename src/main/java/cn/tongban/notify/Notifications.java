package cn.tongban.notify;

import java.util.Locale;
import java.util.Map;

/**
 * Queues one templated mail in the mail outbox, inside the caller's transaction: if the caller rolls back, no
 * mail is queued; once it commits, {@link MailOutbox} delivers it, retrying while SMTP is down. Queuing fails only
 * when the database does, so a process step that mails never waits for, or fails with, the mail server.
 */
public interface Notifications {

    /**
     * @param to       recipient address
     * @param template name of a template under templates/mail (without .html); its subject is the
     *                 message {@code mail.<template>.subject}, formatted with the model's {@code receiptNo}
     * @param model    values the template shows
     * @param locale   language of subject and body
     */
    void send(String to, String template, Map<String, Object> model, Locale locale);

    /**
     * As {@link #send(String, String, Map, Locale)}, queued at most once per {@code dedupeKey}: a second call with
     * the same key (a process step executed again) queues nothing.
     *
     * @param dedupeKey names this one mail, e.g. process instance, activity instance, template and recipient
     */
    void send(String to, String template, Map<String, Object> model, Locale locale, String dedupeKey);
}
