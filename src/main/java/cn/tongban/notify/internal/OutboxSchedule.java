package cn.tongban.notify.internal;

import cn.tongban.notify.MailOutbox;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail every few seconds on every node; off where tests deliver by hand. A run sends for at most
 * {@code tongban.mail.outbox.max-run-time}; when that ends it with mail left, the next run is due at once, so it
 * comes right after the scheduled work that waited for the thread (the breach sweep) and a backlog still goes out
 * without pauses.
 */
@Component
@ConditionalOnProperty(name = "tongban.mail.outbox.scheduled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

    private final MailOutbox outbox;
    private final MailProperties properties;
    private final TaskScheduler scheduler;

    OutboxSchedule(MailOutbox outbox, MailProperties properties, TaskScheduler scheduler) {
        this.outbox = outbox;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    @Scheduled(fixedDelayString = "${tongban.mail.outbox.interval:5s}", initialDelayString = "${tongban.mail.outbox.interval:5s}")
    void deliver() {
        Duration limit = properties.outbox().maxRunTime();
        Instant began = Instant.now();
        try {
            outbox.deliverDue(limit);
        } catch (DataAccessException e) {
            // the database is away; the mail waits in it and the next run tries again
            log.warn("Mail outbox not read: {}", e.getMessage());
            return;
        }
        if (Duration.between(began, Instant.now()).compareTo(limit) >= 0) {
            scheduler.schedule(this::deliver, Instant.now());
        }
    }
}
