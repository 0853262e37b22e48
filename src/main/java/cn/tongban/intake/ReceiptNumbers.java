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
 * counted from 1 per service prefix and day of receipt (table receipt_sequence). A number is drawn in the caller's
 * transaction and holds its row until that commits: two submissions never draw the same number, and a
 * rolled-back submission leaves no gap.
 */
@Repository
class ReceiptNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    ReceiptNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The next receipt number of the prefix on the day; call within a transaction. */
    String next(String prefix, LocalDate day) {
        createIfAbsent(prefix, day);
        // the UPDATE locks the row: a concurrent submission waits here until this transaction ends
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
