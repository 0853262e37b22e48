package cn.tongban.review.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The places of the registration offices' half days (tables marriage_appointment_slot and
 * marriage_appointment). Runs in the caller's transaction, which is the engine's when a process calls it:
 * a place is taken or given back together with the step of the case that does it.
 */
@Repository
class MarriageAppointments {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    MarriageAppointments(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Takes a place of the half day for a case, unless {@code capacity} places are taken already.
     *
     * @return false when the half day is full
     */
    boolean book(String processInstanceId, String receiptNo, AppointmentSlot slot, int capacity, Instant at) {
        createSlotIfAbsent(slot);
        // the row lock of this UPDATE serialises concurrent bookings of one half day; each re-reads `booked`
        int taken = jdbc.sql("UPDATE marriage_appointment_slot SET booked = booked + 1"
                        + " WHERE office_code = :office AND appointment_date = :date AND half_day = :halfDay"
                        + " AND booked < :capacity")
                .params(slotParams(slot))
                .param("capacity", capacity)
                .update();
        if (taken == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO marriage_appointment (process_instance_id, receipt_no, office_code, appointment_date,"
                        + " half_day, booked_at) VALUES (:id, :receiptNo, :office, :date, :halfDay, :at)")
                .params(slotParams(slot))
                .param("id", processInstanceId)
                .param("receiptNo", receiptNo)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return true;
    }

    /**
     * Gives the case's place back. Does nothing when the case holds none (never booked, or released already),
     * so a step that is run again releases once.
     *
     * @return the half day given back, if any
     */
    Optional<AppointmentSlot> release(String processInstanceId, Instant at) {
        Optional<AppointmentSlot> held = jdbc.sql("SELECT office_code, appointment_date, half_day"
                        + " FROM marriage_appointment WHERE process_instance_id = :id AND released_at IS NULL")
                .param("id", processInstanceId)
                .query((rs, row) -> new AppointmentSlot(rs.getString("office_code"),
                        rs.getObject("appointment_date", LocalDate.class), HalfDay.valueOf(rs.getString("half_day"))))
                .optional();
        held.ifPresent(slot -> {
            int released = jdbc.sql("UPDATE marriage_appointment SET released_at = :at"
                            + " WHERE process_instance_id = :id AND released_at IS NULL")
                    .param("id", processInstanceId)
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
            if (released == 1) {
                jdbc.sql("UPDATE marriage_appointment_slot SET booked = booked - 1"
                                + " WHERE office_code = :office AND appointment_date = :date AND half_day = :halfDay")
                        .params(slotParams(slot))
                        .update();
            }
        });
        return held;
    }

    private void createSlotIfAbsent(AppointmentSlot slot) {
        if (jdbc.sql("SELECT COUNT(*) FROM marriage_appointment_slot"
                        + " WHERE office_code = :office AND appointment_date = :date AND half_day = :halfDay")
                .params(slotParams(slot))
                .query(Integer.class)
                .single() > 0) {
            return;
        }
        try {
            // in a savepoint: on PostgreSQL a failed statement would otherwise spoil the whole transaction
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO marriage_appointment_slot"
                            + " (office_code, appointment_date, half_day, booked) VALUES (:office, :date, :halfDay, 0)")
                    .params(slotParams(slot))
                    .update());
        } catch (DuplicateKeyException raced) {
            // another booking created the row first; the UPDATE that follows counts against it
        }
    }

    private static Map<String, Object> slotParams(AppointmentSlot slot) {
        return Map.of("office", slot.office(), "date", slot.date(), "halfDay", slot.halfDay().name());
    }
}
