package cn.tongban.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt numbers (受理编号): {@code <prefix>-<yyyyMMdd>-<serial>}, e.g. {@code DB-20230120-0001}, the serial
 * counted from 1 per service prefix and day of receipt (table receipt_sequence). A number is drawn in a short
 * transaction of its own, committed before the submission goes on: two submissions never draw the same number,
 * and submissions of one service and day no longer wait for each other's whole transaction (process start, mail)
 * behind the counter's row lock. The price is a gap: a submission that fails after drawing its number (refused by
 * its process, a lost idempotency race, a crash) leaves that number unused, as a paper register leaves a spoiled
 * form; numbers stay unique and in order of drawing.
 */
@Repository
class ReceiptNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate own;

    ReceiptNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The next receipt number of the prefix on the day, committed at once. Call it before the submission's own
     * transaction begins, so a submission never holds two connections.
     */
    String next(String prefix, LocalDate day) {
        return own.execute(status -> draw(prefix, day));
    }

    private String draw(String prefix, LocalDate day) {
        createIfAbsent(prefix, day);
        // the UPDATE locks the row only until this short transaction commits
        jdbc.sql("UPDATE receipt_sequence SET last_number = last_number + 1"
                        + " WHERE prefix = :prefix AND receipt_day = :day")
                .param("prefix", prefix)
                .param("day", day)
                .update();
        int serial = jdbc.sql("SELECT last_number FROM receipt_sequence WHERE prefix = :prefix AND receipt_day = :day")
                .param("prefix", prefix)
                .param("day", day)
                .query(Integer.class)
                .single();
        return "%s-%s-%04d".formatted(prefix, DAY.format(day), serial);
    }

    private void createIfAbsent(String prefix, LocalDate day) {
        boolean present = jdbc.sql("SELECT COUNT(*) FROM receipt_sequence WHERE prefix = :prefix AND receipt_day = :day")
                .param("prefix", prefix)
                .param("day", day)
                .query(Integer.class)
                .single() > 0;
        if (present) {
            return;
        }
        try {
            // in a savepoint: on PostgreSQL a failed statement would otherwise spoil the whole transaction
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO receipt_sequence"
                            + " (prefix, receipt_day, last_number) VALUES (:prefix, :day, 0)")
                    .param("prefix", prefix)
                    .param("day", day)
                    .update());
        } catch (DuplicateKeyException raced) {
            // another submission created the row first; the UPDATE that follows waits for it
        }
    }
}
