package cn.tongban.review.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serial numbers of marriage certificates per office and year (table marriage_certificate_sequence). A number
 * is drawn in the caller's transaction and holds the row until it commits, so two cases never draw the same one,
 * and a rolled-back case leaves no gap.
 */
@Repository
class MarriageCertificateSequence {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    MarriageCertificateSequence(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The next number of the office's year, from 1. */
    int next(String officeCode, int year) {
        createIfAbsent(officeCode, year);
        jdbc.sql("UPDATE marriage_certificate_sequence SET last_number = last_number + 1"
                        + " WHERE office_code = :office AND certificate_year = :year")
                .param("office", officeCode)
                .param("year", year)
                .update();
        return jdbc.sql("SELECT last_number FROM marriage_certificate_sequence"
                        + " WHERE office_code = :office AND certificate_year = :year")
                .param("office", officeCode)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    private void createIfAbsent(String officeCode, int year) {
        if (jdbc.sql("SELECT COUNT(*) FROM marriage_certificate_sequence"
                        + " WHERE office_code = :office AND certificate_year = :year")
                .param("office", officeCode)
                .param("year", year)
                .query(Integer.class)
                .single() > 0) {
            return;
        }
        try {
            // in a savepoint: on PostgreSQL a failed statement would otherwise spoil the whole transaction
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO marriage_certificate_sequence"
                            + " (office_code, certificate_year, last_number) VALUES (:office, :year, 0)")
                    .param("office", officeCode)
                    .param("year", year)
                    .update());
        } catch (DuplicateKeyException raced) {
            // another case created the row first; the UPDATE that follows waits for it
        }
    }
}
