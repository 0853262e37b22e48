package cn.tongban.review.internal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One half day at one registration office.
 *
 * @param office the office, by the code of its district (each district has one 婚姻登记处)
 */
record AppointmentSlot(String office, LocalDate date, HalfDay halfDay) {

    AppointmentSlot {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(halfDay, "halfDay");
    }
}
