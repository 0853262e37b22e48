package cn.tongban.notify.internal;

import cn.tongban.notify.MailOutbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends the queued mail: over SMTP when a mail server is configured, to the log otherwise (the demo).
 * <p>
 * Each batch is one transaction that locks its rows with SKIP LOCKED, sends them and records the outcome, so
 * several nodes share the work and no mail goes out from two of them. One edge remains, as with any outbox: if the
 * SMTP server accepted a mail and the commit that marks it sent then fails (database gone at that instant), the
 * mail is sent again later. Delivery is therefore at least once, and exactly once in every other case.
 */
@Component
class OutboxSender implements MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxStore store;
    private final TransactionOperations transactions;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailProperties properties;
    private final Clock clock;

    @Autowired
    OutboxSender(OutboxStore store, TransactionOperations transactionTemplate, ObjectProvider<JavaMailSender> smtp,
                 MailProperties properties) {
        this(store, transactionTemplate, smtp, properties, Clock.systemUTC());
    }

    /** With a clock of its own, so that tests can let the pauses between tries pass. */
    OutboxSender(OutboxStore store, TransactionOperations transactionTemplate, ObjectProvider<JavaMailSender> smtp,
                 MailProperties properties, Clock clock) {
        this.store = store;
        this.transactions = transactionTemplate;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public int deliverDue(Duration timeLimit) {
        Instant began = clock.instant();
        int delivered = 0;
        int batch;
        do {
            int[] outcome = transactions.execute(status -> deliverBatch());
            delivered += outcome[0];
            batch = outcome[1];
        } while (batch == properties.outbox().batchSize()
                && Duration.between(began, clock.instant()).compareTo(timeLimit) < 0);
        return delivered;
    }

    /** Returns the number delivered and the number tried. */
    private int[] deliverBatch() {
        MailProperties.Outbox settings = properties.outbox();
        List<OutboxStore.DueMail> due = store.lockDue(clock.instant(), settings.maxAttempts(), settings.batchSize());
        JavaMailSender sender = smtp.getIfAvailable();
        int delivered = 0;
        for (OutboxStore.DueMail mail : due) {
            if (deliver(mail, sender)) {
                store.markSent(mail.id(), clock.instant());
                delivered++;
            }
        }
        return new int[] {delivered, due.size()};
    }

    private boolean deliver(OutboxStore.DueMail mail, JavaMailSender sender) {
        if (sender == null) {
            log.info("Mail (no SMTP server configured) to {}: {}\n{}", mail.recipient(), mail.subject(),
                    mail.htmlBody());
            return true;
        }
        MimeMessage message;
        try {
            message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.htmlBody(), true);
        } catch (MessagingException | MailParseException e) {
            // an address no server will ever take: trying again cannot help, an administrator has to look
            failed(mail, properties.outbox().maxAttempts(), "not deliverable: " + e.getMessage());
            return false;
        }
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            int attempts = mail.attempts() + 1;
            if (e.getMostSpecificCause() instanceof AddressException) {
                attempts = properties.outbox().maxAttempts();
            }
            failed(mail, attempts, e.getMessage());
            return false;
        }
    }

    private void failed(OutboxStore.DueMail mail, int attempts, String error) {
        Instant next = clock.instant().plus(properties.outbox().pauseAfter(attempts));
        store.markFailedAttempt(mail.id(), attempts, next, error);
        if (attempts >= properties.outbox().maxAttempts()) {
            log.error("Mail {} '{}' to {} failed after {} tries and waits for an administrator: {}", mail.id(),
                    mail.template(), mail.recipient(), attempts, error);
        } else {
            log.warn("Mail {} '{}' to {} not sent (try {}), next try at {}: {}", mail.id(), mail.template(),
                    mail.recipient(), attempts, next, error);
        }
    }
}
