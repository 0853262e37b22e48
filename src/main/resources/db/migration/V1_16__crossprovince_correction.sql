-- Cross-province correction round trip: the hukou authority asks for missing materials (CORRECTION_NEEDED) and
-- the receiving authority sends the applicant's answer back (SUPPLEMENT). The kind column grows to hold the
-- longer name.
ALTER TABLE crossprovince_delivery DROP CONSTRAINT ck_crossprovince_delivery_kind;
ALTER TABLE crossprovince_delivery ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
ALTER TABLE crossprovince_delivery ADD CONSTRAINT ck_crossprovince_delivery_kind
    CHECK (kind IN ('CASE', 'ACCEPTED', 'DECIDED', 'CORRECTION_NEEDED', 'SUPPLEMENT'));

ALTER TABLE crossprovince_inbound_message DROP CONSTRAINT ck_crossprovince_inbound_message_kind;
ALTER TABLE crossprovince_inbound_message ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
ALTER TABLE crossprovince_inbound_message ADD CONSTRAINT ck_crossprovince_inbound_message_kind
    CHECK (kind IN ('CASE', 'ACCEPTED', 'DECIDED', 'CORRECTION_NEEDED', 'SUPPLEMENT'));
