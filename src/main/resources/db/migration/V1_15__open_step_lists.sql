-- The reviewers' task lists read the open steps of a district in the order of their due dates from sla_step (a
-- page and the counts per SLA state), instead of authorized engine queries joining the district variable.
-- due_date is the task's due date as the engine has it: the step's deadline when the task is created, and
-- whatever a user or a deadline move sets later (the list shows and sorts by it; the SLA keeps to deadline).
ALTER TABLE sla_step ADD COLUMN due_date TIMESTAMP WITH TIME ZONE;

UPDATE sla_step SET due_date = deadline WHERE closed_at IS NULL;

CREATE INDEX sla_step_open_district ON sla_step (district, closed_at, due_date);

