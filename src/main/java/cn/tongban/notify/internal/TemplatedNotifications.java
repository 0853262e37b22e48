package cn.tongban.notify.internal;

import cn.tongban.notify.MailNotSentException;
import cn.tongban.notify.Notifications;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a mail template and hands it to SMTP, or to the log when no mail server is configured
 * (the demo profile).
 */
@Component
class TemplatedNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(TemplatedNotifications.class);

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailProperties properties;

    TemplatedNotifications(SpringTemplateEngine templates, MessageSource messages,
                           ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
        this.templates = templates;
        this.messages = messages;
        this.smtp = smtp;
        this.properties = properties;
    }

    @Override
    public void send(String to, String template, Map<String, Object> model, Locale locale) {
        String subject = messages.getMessage("mail." + template + ".subject",
                new Object[] {model.getOrDefault("receiptNo", "")}, locale);
        String body = templates.process("mail/" + template, new Context(locale, model));
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("Mail (no SMTP server configured) to {}: {}\n{}", to, subject, body);
            return;
        }
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, true);
            sender.send(message);
        } catch (MailException | jakarta.mail.MessagingException e) {
            throw new MailNotSentException("mail '" + template + "' to " + to + " not sent: " + e.getMessage(), e);
        }
    }
}
