package cn.tongban.notify.internal;

import cn.tongban.notify.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers queued mail every few seconds on every node; off where tests deliver by hand. */
@Component
@ConditionalOnProperty(name = "tongban.mail.outbox.scheduled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

    private final MailOutbox outbox;

    OutboxSchedule(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${tongban.mail.outbox.interval:5s}", initialDelayString = "${tongban.mail.outbox.interval:5s}")
    void deliver() {
        try {
            outbox.deliverDue();
        } catch (DataAccessException e) {
            // the database is away; the mail waits in it and the next run tries again
            log.warn("Mail outbox not read: {}", e.getMessage());
        }
    }
}
