package cn.tongban.sla.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 超期扫描: records the breach of every open step past its own deadline in one statement, instead of one timer
 * job after another (the job executor manages about a hundred a second, so ten thousand steps falling due
 * together, after a holiday say, would wait minutes for their record). The steps' overdue timers stay: whichever
 * comes first records the breach, the unique key of sla_breach keeps it to one, and the later one finds it there
 * and does nothing. A swept breach is marked mail_pending; its mail to the supervisors is queued afterwards by
 * {@link #queueMails}, each in its own transaction together with clearing the mark, so a mail is neither lost
 * nor queued twice, whichever node does it. Steps bounded only by the case commitment are left to the case timer,
 * as {@link StepTimeouts} leaves them.
 */
@Component
public class BreachSweep {

    private static final Logger log = LoggerFactory.getLogger(BreachSweep.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final String onConflict;

    BreachSweep(JdbcClient jdbc, RuntimeService runtime, PlatformTransactionManager transactions,
                DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL skips a row a timer recorded meanwhile; elsewhere (H2, one node) the sweep tries again
            this.onConflict = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
                    ? " ON CONFLICT DO NOTHING" : "";
        }
    }

    /**
     * Records a breach, detected at {@code now}, of every open step whose own deadline is before {@code now} and
     * that has none yet.
     *
     * @return how many were recorded
     */
    public int sweep(Instant now) {
        try {
            Integer recorded = transaction.execute(status -> jdbc.sql("INSERT INTO sla_breach (process_instance_id,"
                            + " receipt_no, service_code, district, step_id, task_id, assignee, deadline, detected_at,"
                            + " mail_pending)"
                            + " SELECT s.process_instance_id, c.receipt_no, s.service_code, s.district, s.step_id,"
                            + " s.task_id, s.assignee, s.deadline, :now, TRUE"
                            + " FROM sla_step s LEFT JOIN sla_case c ON c.process_instance_id = s.process_instance_id"
                            + " WHERE s.closed_at IS NULL AND s.limit_basis <> :caseBasis AND s.deadline < :now"
                            + " AND NOT EXISTS (SELECT 1 FROM sla_breach b WHERE b.process_instance_id ="
                            + " s.process_instance_id AND b.step_id = s.step_id AND b.task_id = s.task_id)"
                            + onConflict)
                    .param("now", SlaRecords.utc(now))
                    .param("caseBasis", LimitBasis.CASE.name())
                    .update());
            if (recorded != null && recorded > 0) {
                log.info("Breach sweep: {} overdue steps recorded", recorded);
            }
            return recorded == null ? 0 : recorded;
        } catch (DuplicateKeyException timerWasFirst) {
            log.info("Breach sweep met a breach a timer had just recorded; the next sweep takes the rest");
            return 0;
        }
    }

    /**
     * Queues the supervisors' mail of up to {@code max} swept breaches, stopping once {@code budget} has passed:
     * the overdue message to the case's event subprocess, as the step's timer would have sent it. A case that has
     * ended since gets none.
     *
     * @return how many breaches were dealt with
     */
    public int queueMails(int max, Duration budget) {
        long until = System.nanoTime() + budget.toNanos();
        List<Long> pending = jdbc.sql("SELECT id FROM sla_breach WHERE mail_pending = TRUE ORDER BY id LIMIT :max")
                .param("max", max)
                .query(Long.class)
                .list();
        int done = 0;
        for (long id : pending) {
            if (System.nanoTime() > until) {
                break;
            }
            try {
                Boolean queued = transaction.execute(status -> queueMail(id));
                done += Boolean.TRUE.equals(queued) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Breach {}: mail not queued, tried again at the next sweep", id, e);
            }
        }
        return done;
    }

    private boolean queueMail(long id) {
        // another node may be at the same breach: whoever locks it first queues its mail
        Optional<String> processInstanceId = jdbc.sql("SELECT process_instance_id FROM sla_breach"
                        + " WHERE id = :id AND mail_pending = TRUE FOR UPDATE SKIP LOCKED")
                .param("id", id)
                .query(String.class)
                .optional();
        if (processInstanceId.isEmpty()) {
            return false;
        }
        boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId.get())
                .eventType("message").eventName(StepTimeouts.OVERDUE_MESSAGE).count() > 0;
        if (waiting) {
            runtime.createMessageCorrelation(StepTimeouts.OVERDUE_MESSAGE)
                    .processInstanceId(processInstanceId.get())
                    .setVariableToTriggeredScope(StepTimeouts.BREACH_ID, id)
                    .correlateWithResult();
        } else {
            log.info("Breach {}: case {} has ended, no mail", id, processInstanceId.get());
        }
        jdbc.sql("UPDATE sla_breach SET mail_pending = FALSE WHERE id = :id").param("id", id).update();
        return true;
    }
}
