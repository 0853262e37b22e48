package cn.tongban.sla.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps sla_closed_day, the closed cases and steps per day of the calendar's zone, in the transaction that closes
 * them, so the dashboard sums a few rows per day instead of every row closed in a period. The counts of a
 * transaction are added just before it commits, in key order: a day's row is locked for the commit only, and two
 * transactions never wait for each other's rows in opposite order.
 */
@Component
class ClosedDays {

    /** A row of sla_closed_day; step is '' for a case, district '' for none. */
    record Day(String kind, LocalDate closedOn, String service, String district, String step) {
    }

    private static final Comparator<Day> ORDER = Comparator.comparing(Day::kind).thenComparing(Day::closedOn)
            .thenComparing(Day::service).thenComparing(Day::district).thenComparing(Day::step);

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final ZoneId zone;

    ClosedDays(JdbcClient jdbc, PlatformTransactionManager transactions,
               @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** Counts a case (step null) or a step closed at {@code closedAt}. */
    void closed(String kind, Instant closedAt, String service, String district, String step, boolean completed,
                boolean onTime) {
        Day day = new Day(kind, closedAt.atZone(zone).toLocalDate(), service, district == null ? "" : district,
                step == null ? "" : step);
        long[] counts = {1, completed ? 1 : 0, completed && onTime ? 1 : 0};
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            add(day, counts);
            return;
        }
        pending().counts.merge(day, counts, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
    }

    /**
     * The current transaction's additions, kept by its synchronization: a transaction suspended for another
     * (REQUIRES_NEW) keeps its own, and each is written at its own commit.
     */
    private Pending pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private final class Pending implements TransactionSynchronization {

        private final Map<Day, long[]> counts = new TreeMap<>(ORDER);

        ClosedDays owner() {
            return ClosedDays.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            counts.forEach(ClosedDays.this::add);
        }
    }

    private void add(Day day, long[] counts) {
        if (update(day, counts) > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(tx -> bind(jdbc.sql("INSERT INTO sla_closed_day (kind, closed_on,"
                    + " service_code, district, step_id, closed, completed, completed_on_time)"
                    + " VALUES (:kind, :day, :service, :district, :step, :closed, :completed, :onTime)"), day, counts)
                    .update());
        } catch (DuplicateKeyException insertedMeanwhile) {
            update(day, counts);
        }
    }

    private int update(Day day, long[] counts) {
        return bind(jdbc.sql("UPDATE sla_closed_day SET closed = closed + :closed, completed = completed + :completed,"
                + " completed_on_time = completed_on_time + :onTime WHERE kind = :kind AND closed_on = :day"
                + " AND service_code = :service AND district = :district AND step_id = :step"), day, counts).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Day day, long[] counts) {
        return statement.param("kind", day.kind())
                .param("day", day.closedOn())
                .param("service", day.service())
                .param("district", day.district())
                .param("step", day.step())
                .param("closed", counts[0])
                .param("completed", counts[1])
                .param("onTime", counts[2]);
    }
}
