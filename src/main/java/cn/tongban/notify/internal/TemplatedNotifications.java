package cn.tongban.notify.internal;

import cn.tongban.notify.Notifications;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a mail template now, in the recipient's language, and queues the result in the outbox; the
 * {@link OutboxSender} delivers it later.
 */
@Component
class TemplatedNotifications implements Notifications {

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final OutboxStore outbox;

    TemplatedNotifications(SpringTemplateEngine templates, MessageSource messages, OutboxStore outbox) {
        this.templates = templates;
        this.messages = messages;
        this.outbox = outbox;
    }

    @Override
    public void send(String to, String template, Map<String, Object> model, Locale locale) {
        send(to, template, model, locale, null);
    }

    @Override
    public void send(String to, String template, Map<String, Object> model, Locale locale, String dedupeKey) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("mail '" + template + "' has no recipient");
        }
        String subject = messages.getMessage("mail." + template + ".subject",
                new Object[] {model.getOrDefault("receiptNo", "")}, locale);
        String body = templates.process("mail/" + template, new Context(locale, model));
        outbox.add(to.strip(), subject, body, template, dedupeKey, Instant.now());
    }
}
