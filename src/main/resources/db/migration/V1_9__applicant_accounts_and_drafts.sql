-- Applicants register themselves: the resident ID number (公民身份号码) is kept with the account, and an ID
-- number or e-mail address belongs to one account only. Staff accounts have neither or at least no ID number.
ALTER TABLE users ADD COLUMN id_number VARCHAR(18);

CREATE UNIQUE INDEX uq_users_id_number ON users (id_number);

-- Registration stores addresses in lower case and compares them so; the index stops two accounts racing for one.
CREATE UNIQUE INDEX uq_users_email ON users (email);

-- A partly filled application (草稿), one per applicant and service; saving again replaces it, submitting the
-- application deletes it. data is the form data as entered, not yet checked against the required fields.
CREATE TABLE application_draft (
    applicant    VARCHAR(64)              NOT NULL,
    service_code VARCHAR(64)              NOT NULL,
    data         TEXT                     NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_application_draft PRIMARY KEY (applicant, service_code)
);
