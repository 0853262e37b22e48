-- Cross-province hand-off (跨省通办) between two authorities, each running its own Tongban.

-- Messages sent to partner authorities: one row per message id, kept through every attempt. The message id is
-- fixed for the message, so a partner that answered but whose answer was lost sees the same id again and
-- ignores it. state: PENDING (not yet delivered, retries running), DELIVERED, REFUSED (the partner refused it
-- for good; the sending job is an incident until someone acts).
CREATE TABLE crossprovince_delivery (
    message_id          VARCHAR(64)              NOT NULL,
    partner_id          VARCHAR(32)              NOT NULL,
    kind                VARCHAR(16)              NOT NULL,
    receipt_no          VARCHAR(64)              NOT NULL,
    process_instance_id VARCHAR(64)              NOT NULL,
    state               VARCHAR(16)              NOT NULL,
    attempts            INTEGER                  NOT NULL,
    last_status         INTEGER,
    last_error          VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crossprovince_delivery PRIMARY KEY (message_id),
    CONSTRAINT ck_crossprovince_delivery_state CHECK (state IN ('PENDING', 'DELIVERED', 'REFUSED')),
    CONSTRAINT ck_crossprovince_delivery_kind CHECK (kind IN ('CASE', 'ACCEPTED', 'DECIDED'))
);

CREATE INDEX crossprovince_delivery_state ON crossprovince_delivery (state, updated_at);

-- Messages received from partner authorities: a message id is acted on once. A second request with a known id
-- (the sender's retry, or someone replaying a captured request) changes nothing.
CREATE TABLE crossprovince_inbound_message (
    partner_id          VARCHAR(32)              NOT NULL,
    message_id          VARCHAR(64)              NOT NULL,
    kind                VARCHAR(16)              NOT NULL,
    receipt_no          VARCHAR(64)              NOT NULL,
    body_sha256         VARCHAR(64)              NOT NULL,
    process_instance_id VARCHAR(64),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the receipt number again on CASE messages only: a partner's case is taken on once, whatever message
    -- carried it (NULLs do not collide, so status messages are not held by it)
    case_receipt_no     VARCHAR(64),
    CONSTRAINT pk_crossprovince_inbound_message PRIMARY KEY (partner_id, message_id),
    CONSTRAINT uq_crossprovince_inbound_case UNIQUE (partner_id, case_receipt_no),
    CONSTRAINT ck_crossprovince_inbound_message_kind CHECK (kind IN ('CASE', 'ACCEPTED', 'DECIDED')),
    CONSTRAINT ck_crossprovince_inbound_case CHECK ((kind = 'CASE') = (case_receipt_no IS NOT NULL))
);

CREATE INDEX crossprovince_inbound_message_receipt ON crossprovince_inbound_message (receipt_no);
