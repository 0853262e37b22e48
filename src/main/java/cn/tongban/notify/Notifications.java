package cn.tongban.notify;

import java.util.Locale;
import java.util.Map;

/** Sends one templated mail. Throws {@link MailNotSentException} when delivery fails, so the caller can retry. */
public interface Notifications {

    /**
     * @param to       recipient address
     * @param template name of a template under templates/mail (without .html); its subject is the
     *                 message {@code mail.<template>.subject}, formatted with the model's {@code receiptNo}
     * @param model    values the template shows
     * @param locale   language of subject and body
     */
    void send(String to, String template, Map<String, Object> model, Locale locale);
}
