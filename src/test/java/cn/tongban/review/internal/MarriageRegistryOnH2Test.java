package cn.tongban.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo runs on H2: the appointment places and certificate numbers work there as on PostgreSQL
 * (which the process tests use), savepoints and concurrent transactions included.
 */
class MarriageRegistryOnH2Test {

    static JdbcClient jdbc;
    static TransactionTemplate transaction;
    static MarriageAppointments appointments;
    static MarriageCertificateSequence certificates;

    @BeforeAll
    static void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:marriage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(transactions);
        appointments = new MarriageAppointments(jdbc, transactions);
        certificates = new MarriageCertificateSequence(jdbc, transactions);
    }

    @Test
    void concurrentBookingsStopAtTheCapacity() throws Exception {
        AppointmentSlot slot = new AppointmentSlot("erqi", LocalDate.of(2026, 4, 7), HalfDay.AM);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> bookings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String caseId = "case-" + UUID.randomUUID();
                bookings.add(pool.submit(() -> {
                    go.await();
                    return transaction.execute(s -> appointments.book(caseId, null, slot, 4, Instant.now()));
                }));
            }
            go.countDown();
            int booked = 0;
            for (Future<Boolean> booking : bookings) {
                booked += Boolean.TRUE.equals(booking.get()) ? 1 : 0;
            }

            assertThat(booked).isEqualTo(4);
            assertThat(jdbc.sql("SELECT booked FROM marriage_appointment_slot WHERE office_code = 'erqi'")
                    .query(Integer.class).single()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReleasedPlaceIsFreeAgain() {
        AppointmentSlot slot = new AppointmentSlot("huiji", LocalDate.of(2026, 4, 7), HalfDay.PM);
        String caseId = "case-" + UUID.randomUUID();

        assertThat(bookOne(caseId, slot)).isTrue();
        assertThat(bookOne("case-" + UUID.randomUUID(), slot)).isFalse();
        Optional<AppointmentSlot> released = transaction.execute(s -> appointments.release(caseId, Instant.now()));
        assertThat(released).contains(slot);

        assertThat(bookOne("case-" + UUID.randomUUID(), slot)).isTrue();
    }

    @Test
    void certificateSerialsStartAtOneForEachOfficeAndYear() {
        assertThat(nextSerial("410105", 2025)).isEqualTo(1);
        assertThat(nextSerial("410105", 2025)).isEqualTo(2);
        assertThat(nextSerial("410105", 2026)).isEqualTo(1);
        assertThat(nextSerial("410103", 2025)).isEqualTo(1);
    }

    private static boolean bookOne(String caseId, AppointmentSlot slot) {
        return Boolean.TRUE.equals(transaction.execute(s -> appointments.book(caseId, null, slot, 1, Instant.now())));
    }

    private static int nextSerial(String office, int year) {
        Integer serial = transaction.execute(s -> certificates.next(office, year));
        return serial == null ? -1 : serial;
    }
}
