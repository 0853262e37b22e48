package cn.tongban.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Places of a half day on the real database, booked from several transactions at once. */
@TongbanIntegrationTest
class MarriageAppointmentsTest {

    @Autowired
    MarriageAppointments appointments;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentBookingsNeverTakeMorePlacesThanTheCapacity() throws Exception {
        AppointmentSlot slot = new AppointmentSlot("huiji", LocalDate.of(2026, 3, 3), HalfDay.AM);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        int couples = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(couples);
        try {
            List<Future<Boolean>> bookings = new ArrayList<>();
            for (int i = 0; i < couples; i++) {
                String caseId = "case-" + UUID.randomUUID();
                Callable<Boolean> booking = () -> {
                    go.await();
                    return transaction.execute(status -> appointments.book(caseId, null, slot, 3, Instant.now()));
                };
                bookings.add(pool.submit(booking));
            }
            go.countDown();
            long booked = 0;
            for (Future<Boolean> booking : bookings) {
                booked += Boolean.TRUE.equals(booking.get()) ? 1 : 0;
            }

            assertThat(booked).isEqualTo(3);
            assertThat(placesTaken(slot)).isEqualTo(3);
            assertThat(heldBy(slot)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReleasedPlaceCanBeBookedAgainAndIsReleasedOnlyOnce() {
        AppointmentSlot slot = new AppointmentSlot("huiji", LocalDate.of(2026, 3, 3), HalfDay.PM);
        String first = "case-" + UUID.randomUUID();
        String second = "case-" + UUID.randomUUID();

        assertThat(book(first, slot)).isTrue();
        assertThat(book(second, slot)).isFalse();

        assertThat(release(first)).contains(slot);
        assertThat(release(first)).isEmpty();
        assertThat(placesTaken(slot)).isZero();

        assertThat(book(second, slot)).isTrue();
        assertThat(placesTaken(slot)).isEqualTo(1);
    }

    /** One place per half day, each call in a transaction of its own. */
    private boolean book(String caseId, AppointmentSlot slot) {
        Boolean booked = new TransactionTemplate(transactions)
                .execute(status -> appointments.book(caseId, "HY-" + caseId, slot, 1, Instant.now()));
        return Boolean.TRUE.equals(booked);
    }

    private Optional<AppointmentSlot> release(String caseId) {
        return new TransactionTemplate(transactions).execute(status -> appointments.release(caseId, Instant.now()));
    }

    private int placesTaken(AppointmentSlot slot) {
        return jdbc.sql("SELECT booked FROM marriage_appointment_slot"
                        + " WHERE office_code = ? AND appointment_date = ? AND half_day = ?")
                .params(slot.office(), slot.date(), slot.halfDay().name())
                .query(Integer.class).single();
    }

    private int heldBy(AppointmentSlot slot) {
        return jdbc.sql("SELECT COUNT(*) FROM marriage_appointment"
                        + " WHERE office_code = ? AND appointment_date = ? AND half_day = ? AND released_at IS NULL")
                .params(slot.office(), slot.date(), slot.halfDay().name())
                .query(Integer.class).single();
    }
}
