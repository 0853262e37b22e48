-- Marriage registration appointments (婚姻登记预约). Each registration office (婚姻登记处, one per district)
-- takes a limited number of couples per half day; a case holds one place until it is released
-- (cancelled, refused, no-show) or used.

-- Places taken per office and half day. A booking raises `booked` only while it is below the capacity,
-- in one UPDATE, so concurrent bookings never overfill a half day.
CREATE TABLE marriage_appointment_slot (
    office_code      VARCHAR(32) NOT NULL,
    appointment_date DATE        NOT NULL,
    half_day         VARCHAR(2)  NOT NULL,
    booked           INTEGER     NOT NULL,
    CONSTRAINT pk_marriage_appointment_slot PRIMARY KEY (office_code, appointment_date, half_day),
    CONSTRAINT ck_marriage_appointment_slot_half_day CHECK (half_day IN ('AM', 'PM')),
    CONSTRAINT ck_marriage_appointment_slot_booked CHECK (booked >= 0)
);

-- One row per case that holds or held a place; released_at is set once the place is given back.
CREATE TABLE marriage_appointment (
    process_instance_id VARCHAR(64)              NOT NULL,
    receipt_no          VARCHAR(64),
    office_code         VARCHAR(32)              NOT NULL,
    appointment_date    DATE                     NOT NULL,
    half_day            VARCHAR(2)               NOT NULL,
    booked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_marriage_appointment PRIMARY KEY (process_instance_id),
    CONSTRAINT fk_marriage_appointment_slot FOREIGN KEY (office_code, appointment_date, half_day)
        REFERENCES marriage_appointment_slot (office_code, appointment_date, half_day)
);

CREATE INDEX marriage_appointment_slot_day ON marriage_appointment (office_code, appointment_date);

-- Last certificate number (结婚证字号) issued per office and year; numbers run from 1 each year.
CREATE TABLE marriage_certificate_sequence (
    office_code      VARCHAR(32) NOT NULL,
    certificate_year INTEGER     NOT NULL,
    last_number      INTEGER     NOT NULL,
    CONSTRAINT pk_marriage_certificate_sequence PRIMARY KEY (office_code, certificate_year),
    CONSTRAINT ck_marriage_certificate_sequence_range CHECK (last_number BETWEEN 0 AND 999999)
);
