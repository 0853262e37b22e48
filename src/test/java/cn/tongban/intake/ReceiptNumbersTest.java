package cn.tongban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Receipt numbers on PostgreSQL: readable, per prefix and day, and never drawn twice however many draw at once. */
@TongbanIntegrationTest
class ReceiptNumbersTest {

    @Autowired
    ReceiptNumbers numbers;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void numbersArePerPrefixAndDayFromOne() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        LocalDate day = LocalDate.of(2031, 3, 3);

        assertThat(draw(transaction, "TA", day)).isEqualTo("TA-20310303-0001");
        assertThat(draw(transaction, "TA", day)).isEqualTo("TA-20310303-0002");
        assertThat(draw(transaction, "TB", day)).isEqualTo("TB-20310303-0001");
        assertThat(draw(transaction, "TA", day.plusDays(1))).isEqualTo("TA-20310304-0001");
    }

    @Test
    void aDrawOutlivesTheRolledBackSubmission() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        LocalDate day = LocalDate.of(2031, 4, 4);
        transaction.executeWithoutResult(status -> {
            assertThat(numbers.next("TC", day)).isEqualTo("TC-20310404-0001");
            status.setRollbackOnly();
        });

        // the number was committed on its own: never handed out twice, at the price of a gap
        assertThat(draw(transaction, "TC", day)).isEqualTo("TC-20310404-0002");
    }

    @Test
    void concurrentDrawsGetEveryNumberOnce() throws Exception {
        List<Integer> serials = ReceiptNumbersContention.draw(numbers, "TD", LocalDate.of(2031, 5, 5),
                6, 10);

        assertThat(serials).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
    }

    private String draw(TransactionTemplate transaction, String prefix, LocalDate day) {
        return transaction.execute(status -> numbers.next(prefix, day));
    }
}
