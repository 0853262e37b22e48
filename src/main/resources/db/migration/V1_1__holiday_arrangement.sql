-- Holiday arrangements (节假日安排) loaded by an administrator at runtime, one row per arrangement year.
-- A row overrides the arrangement of the same year shipped in seeds/calendar/.
-- content is the arrangement file as uploaded (the seeds' JSON format), already validated.
CREATE TABLE holiday_arrangement (
    arrangement_year INTEGER                  NOT NULL,
    content          VARCHAR(65536)           NOT NULL,
    loaded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    loaded_by        VARCHAR(200),
    CONSTRAINT pk_holiday_arrangement PRIMARY KEY (arrangement_year)
);
