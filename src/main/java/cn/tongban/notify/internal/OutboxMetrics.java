package cn.tongban.notify.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Gauges for monitoring: {@code tongban.mail.outbox.pending} (queued, still being tried) and
 * {@code tongban.mail.outbox.failed} (given up on, waiting for an administrator; should be 0).
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final OutboxStore store;
    private final MailProperties properties;

    OutboxMetrics(OutboxStore store, MailProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tongban.mail.outbox.pending",
                        () -> store.count(OutboxStore.State.PENDING, properties.outbox().maxAttempts()))
                .description("mails queued and not yet sent").register(registry);
        Gauge.builder("tongban.mail.outbox.failed",
                        () -> store.count(OutboxStore.State.FAILED, properties.outbox().maxAttempts()))
                .description("mails not sent after every try; see GET /api/admin/mail-outbox?state=failed")
                .register(registry);
    }
}
