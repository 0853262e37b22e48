package cn.tongban.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables of the SLA module (sla_case, sla_step, sla_clock_stop, sla_breach, sla_extension). Runs in the
 * caller's transaction, which is the engine's when a listener calls it: a row changes together with the engine
 * state it describes, or not at all.
 */
@Repository
public class SlaRecords {

    /** The step id of a breach of the whole case (整案超期). */
    public static final String CASE_STEP = "case";

    private static final String CASE_COLUMNS = "process_instance_id, receipt_no, service_code, district, accepted_at,"
            + " committed_working_days, extended, deadline_fixed, deadline, due_soon_from, provisional,"
            + " stopped_since, closed_at";
    private static final String STEP_COLUMNS = "task_id, process_instance_id, execution_id, service_code, step_id,"
            + " step_name, district, assignee, started_at, limit_basis, limit_from, limit_days, within_step,"
            + " deadline, due_soon_from, provisional, due_soon_notified_at, closed_at";
    private static final String BREACH_COLUMNS = "id, process_instance_id, receipt_no, service_code, district,"
            + " step_id, task_id, assignee, deadline, detected_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final ClosedDays closedDays;

    SlaRecords(JdbcClient jdbc, PlatformTransactionManager transactions, ClosedDays closedDays) {
        this.jdbc = jdbc;
        this.closedDays = closedDays;
        // a unique-key violation must not spoil the engine's transaction on PostgreSQL: insert behind a savepoint
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // ---- cases

    public Optional<CaseRecord> findCase(String processInstanceId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM sla_case WHERE process_instance_id = :id")
                .param("id", processInstanceId)
                .query(SlaRecords::caseRecord)
                .optional();
    }

    /** The cases with this receipt number, open ones first (a receipt number names one case in practice). */
    public List<CaseRecord> findCasesByReceiptNo(String receiptNo) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM sla_case WHERE receipt_no = :receiptNo"
                        + " ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, accepted_at DESC")
                .param("receiptNo", receiptNo)
                .query(SlaRecords::caseRecord)
                .list();
    }

    public void insertCase(CaseRecord record) {
        jdbc.sql("INSERT INTO sla_case (" + CASE_COLUMNS + ") VALUES (:id, :receiptNo, :service, :district,"
                        + " :acceptedAt, :days, :extended, :fixed, :deadline, :dueSoonFrom, :provisional,"
                        + " :stoppedSince, :closedAt)")
                .param("id", record.processInstanceId())
                .param("receiptNo", record.receiptNo())
                .param("service", record.serviceCode())
                .param("district", record.district())
                .param("acceptedAt", utc(record.acceptedAt()))
                .param("days", record.committedWorkingDays())
                .param("extended", record.extended())
                .param("fixed", record.deadlineFixed())
                .param("deadline", utc(record.deadline()))
                .param("dueSoonFrom", utc(record.dueSoonFrom()))
                .param("provisional", record.provisional())
                .param("stoppedSince", utc(record.stoppedSince()))
                .param("closedAt", utc(record.closedAt()))
                .update();
    }

    public void updateCaseDeadline(String processInstanceId, Instant deadline, Instant dueSoonFrom,
                                   boolean provisional) {
        jdbc.sql("UPDATE sla_case SET deadline = :deadline, due_soon_from = :dueSoonFrom, provisional = :provisional"
                        + " WHERE process_instance_id = :id")
                .param("id", processInstanceId)
                .param("deadline", utc(deadline))
                .param("dueSoonFrom", utc(dueSoonFrom))
                .param("provisional", provisional)
                .update();
    }

    /** The model set the deadline itself: it is kept as it is from now on. */
    public void fixCaseDeadline(String processInstanceId, Instant deadline, Instant dueSoonFrom, boolean provisional) {
        updateCaseDeadline(processInstanceId, deadline, dueSoonFrom, provisional);
        jdbc.sql("UPDATE sla_case SET deadline_fixed = TRUE WHERE process_instance_id = :id")
                .param("id", processInstanceId)
                .update();
    }

    public void extendCase(String processInstanceId, int workingDays) {
        jdbc.sql("UPDATE sla_case SET extended = TRUE, committed_working_days = :days WHERE process_instance_id = :id")
                .param("id", processInstanceId)
                .param("days", workingDays)
                .update();
    }

    public void setStoppedSince(String processInstanceId, Instant stoppedSince) {
        jdbc.sql("UPDATE sla_case SET stopped_since = :since WHERE process_instance_id = :id")
                .param("id", processInstanceId)
                .param("since", utc(stoppedSince))
                .update();
    }

    public void closeCase(String processInstanceId, Instant closedAt, boolean completed) {
        int closed = jdbc.sql("UPDATE sla_case SET closed_at = :closedAt, outcome = :outcome,"
                        + " on_time = CASE WHEN :completed THEN deadline >= :closedAt ELSE NULL END"
                        + " WHERE process_instance_id = :id AND closed_at IS NULL")
                .param("id", processInstanceId)
                .param("closedAt", utc(closedAt))
                .param("outcome", completed ? "COMPLETED" : "CANCELLED")
                .param("completed", completed)
                .update();
        if (closed > 0) {
            jdbc.sql("SELECT service_code, district, on_time FROM sla_case WHERE process_instance_id = :id")
                    .param("id", processInstanceId)
                    .query((rs, row) -> {
                        closedDays.closed("CASE", closedAt, rs.getString("service_code"), rs.getString("district"),
                                null, completed, rs.getBoolean("on_time"));
                        return null;
                    }).list();
        }
    }

    /** Open cases whose span from receipt to deadline touches the given period. */
    public List<String> openCasesTouching(Instant from, Instant to) {
        return jdbc.sql("SELECT process_instance_id FROM sla_case WHERE closed_at IS NULL"
                        + " AND accepted_at <= :to AND deadline >= :from")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(String.class)
                .list();
    }

    // ---- steps

    public Optional<StepRecord> findStep(String taskId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM sla_step WHERE task_id = :taskId")
                .param("taskId", taskId)
                .query(SlaRecords::stepRecord)
                .optional();
    }

    public List<StepRecord> openSteps(String processInstanceId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM sla_step"
                        + " WHERE process_instance_id = :id AND closed_at IS NULL ORDER BY started_at")
                .param("id", processInstanceId)
                .query(SlaRecords::stepRecord)
                .list();
    }

    /** Every step of a case, open or closed, in the order they began. */
    public List<StepRecord> steps(String processInstanceId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM sla_step WHERE process_instance_id = :id"
                        + " ORDER BY started_at, task_id")
                .param("id", processInstanceId)
                .query(SlaRecords::stepRecord)
                .list();
    }

    /** Cases with an open step of its own limit whose span from the limit's start to deadline touches the period. */
    public List<String> casesWithOpenStepsTouching(Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT process_instance_id FROM sla_step WHERE closed_at IS NULL"
                        + " AND limit_basis = 'WORKING_DAYS' AND limit_from <= :to AND deadline >= :from")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(String.class)
                .list();
    }

    public void insertStep(StepRecord step, String candidateGroups) {
        jdbc.sql("INSERT INTO sla_step (" + STEP_COLUMNS + ", candidate_groups, due_date) VALUES (:taskId,"
                        + " :processInstanceId, :executionId, :service, :stepId, :stepName, :district, :assignee,"
                        + " :startedAt, :basis, :limitFrom, :limitDays, :withinStep, :deadline, :dueSoonFrom,"
                        + " :provisional, NULL, NULL, :candidateGroups, :deadline)")
                .param("taskId", step.taskId())
                .param("processInstanceId", step.processInstanceId())
                .param("executionId", step.executionId())
                .param("service", step.serviceCode())
                .param("stepId", step.stepId())
                .param("stepName", step.stepName())
                .param("district", step.district())
                .param("assignee", step.assignee())
                .param("startedAt", utc(step.startedAt()))
                .param("basis", step.basis().name())
                .param("limitFrom", utc(step.limitFrom()))
                .param("limitDays", step.limitDays())
                .param("withinStep", step.withinStep())
                .param("deadline", utc(step.deadline()))
                .param("dueSoonFrom", utc(step.dueSoonFrom()))
                .param("provisional", step.provisional())
                .param("candidateGroups", candidateGroups)
                .update();
    }

    public void updateStepDeadline(String taskId, Instant deadline, Instant dueSoonFrom, boolean provisional) {
        jdbc.sql("UPDATE sla_step SET deadline = :deadline, due_soon_from = :dueSoonFrom, provisional = :provisional"
                        + " WHERE task_id = :taskId")
                .param("taskId", taskId)
                .param("deadline", utc(deadline))
                .param("dueSoonFrom", utc(dueSoonFrom))
                .param("provisional", provisional)
                .update();
    }

    /** The task's due date changed (a deadline move, or a user in Tasklist): the task list follows it. */
    public void setStepDueDate(String taskId, Instant dueDate) {
        if (dueDate == null) {
            jdbc.sql("UPDATE sla_step SET due_date = NULL WHERE task_id = :taskId AND due_date IS NOT NULL")
                    .param("taskId", taskId)
                    .update();
            return;
        }
        // most updates of a task leave its due date as it was: nothing to write then
        jdbc.sql("UPDATE sla_step SET due_date = :dueDate WHERE task_id = :taskId"
                        + " AND (due_date IS NULL OR due_date <> :dueDate)")
                .param("taskId", taskId)
                .param("dueDate", utc(dueDate))
                .update();
    }

    public void assignStep(String taskId, String assignee) {
        jdbc.sql("UPDATE sla_step SET assignee = :assignee WHERE task_id = :taskId")
                .param("taskId", taskId)
                .param("assignee", assignee)
                .update();
    }

    public void closeStep(String taskId, Instant closedAt, boolean completed) {
        int closed = jdbc.sql("UPDATE sla_step SET closed_at = :closedAt, outcome = :outcome,"
                        + " on_time = CASE WHEN :completed THEN deadline >= :closedAt ELSE NULL END"
                        + " WHERE task_id = :taskId AND closed_at IS NULL")
                .param("taskId", taskId)
                .param("closedAt", utc(closedAt))
                .param("outcome", completed ? "COMPLETED" : "CANCELLED")
                .param("completed", completed)
                .update();
        if (closed > 0) {
            jdbc.sql("SELECT service_code, district, step_id, on_time FROM sla_step WHERE task_id = :taskId")
                    .param("taskId", taskId)
                    .query((rs, row) -> {
                        closedDays.closed("STEP", closedAt, rs.getString("service_code"), rs.getString("district"),
                                rs.getString("step_id"), completed, rs.getBoolean("on_time"));
                        return null;
                    }).list();
        }
    }

    /**
     * Notes that the due-soon reminder of a step goes out.
     *
     * @return false when it had gone out before, so it is not sent twice
     */
    public boolean markDueSoonNotified(String taskId, Instant at) {
        return jdbc.sql("UPDATE sla_step SET due_soon_notified_at = :at"
                        + " WHERE task_id = :taskId AND due_soon_notified_at IS NULL")
                .param("taskId", taskId)
                .param("at", utc(at))
                .update() == 1;
    }

    // ---- clock stops

    public List<ClockStop> clockStops(String processInstanceId) {
        return jdbc.sql("SELECT id, stopped_at, resumed_at, working_days FROM sla_clock_stop"
                        + " WHERE process_instance_id = :id ORDER BY stopped_at, id")
                .param("id", processInstanceId)
                .query((rs, row) -> new ClockStop(rs.getLong("id"), instant(rs, "stopped_at"),
                        instant(rs, "resumed_at"), rs.getObject("working_days", Integer.class)))
                .list();
    }

    public void insertClockStop(String processInstanceId, Instant stoppedAt) {
        jdbc.sql("INSERT INTO sla_clock_stop (process_instance_id, stopped_at) VALUES (:id, :at)")
                .param("id", processInstanceId)
                .param("at", utc(stoppedAt))
                .update();
    }

    /** Ends the case's open stop. */
    public void finishClockStop(String processInstanceId, Instant resumedAt, int workingDays) {
        jdbc.sql("UPDATE sla_clock_stop SET resumed_at = :resumedAt, working_days = :days"
                        + " WHERE process_instance_id = :id AND resumed_at IS NULL")
                .param("id", processInstanceId)
                .param("resumedAt", utc(resumedAt))
                .param("days", workingDays)
                .update();
    }

    /** Corrects the count of a finished stop after a calendar change. */
    public void recountClockStop(long stopId, int workingDays) {
        jdbc.sql("UPDATE sla_clock_stop SET working_days = :days WHERE id = :id")
                .param("id", stopId)
                .param("days", workingDays)
                .update();
    }

    // ---- breaches

    /**
     * Records a breach unless one is recorded for the same case, step and task already.
     *
     * @return the id of the new breach; empty when it was there before
     */
    public Optional<Long> recordBreach(String processInstanceId, String receiptNo, String serviceCode,
                                       String district, String stepId, String taskId, String assignee,
                                       Instant deadline, Instant detectedAt) {
        if (breachId(processInstanceId, stepId, taskId).isPresent()) {
            return Optional.empty();
        }
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql("INSERT INTO sla_breach (process_instance_id, receipt_no,"
                            + " service_code, district, step_id, task_id, assignee, deadline, detected_at)"
                            + " VALUES (:id, :receiptNo, :service, :district, :stepId, :taskId, :assignee, :deadline,"
                            + " :detectedAt)")
                    .param("id", processInstanceId)
                    .param("receiptNo", receiptNo)
                    .param("service", serviceCode)
                    .param("district", district)
                    .param("stepId", stepId)
                    .param("taskId", taskId)
                    .param("assignee", assignee)
                    .param("deadline", utc(deadline))
                    .param("detectedAt", utc(detectedAt))
                    .update());
        } catch (DuplicateKeyException concurrentlyRecorded) {
            return Optional.empty();
        }
        return breachId(processInstanceId, stepId, taskId);
    }

    public Optional<BreachRecord> findBreach(long id) {
        return jdbc.sql("SELECT " + BREACH_COLUMNS + " FROM sla_breach WHERE id = :id")
                .param("id", id)
                .query(SlaRecords::breachRecord)
                .optional();
    }

    /** The breaches of a case, in the order they were detected. */
    public List<BreachRecord> breaches(String processInstanceId) {
        return jdbc.sql("SELECT " + BREACH_COLUMNS + " FROM sla_breach WHERE process_instance_id = :id"
                        + " ORDER BY detected_at, id")
                .param("id", processInstanceId)
                .query(SlaRecords::breachRecord)
                .list();
    }

    private Optional<Long> breachId(String processInstanceId, String stepId, String taskId) {
        return jdbc.sql("SELECT id FROM sla_breach WHERE process_instance_id = :id AND step_id = :stepId"
                        + " AND task_id = :taskId")
                .param("id", processInstanceId)
                .param("stepId", stepId)
                .param("taskId", taskId)
                .query(Long.class)
                .optional();
    }

    // ---- extensions

    /**
     * Records the one extension of a case.
     *
     * @return false when the case had been extended already
     */
    public boolean insertExtension(String processInstanceId, String receiptNo, String extendedBy, Instant extendedAt,
                                   String reason, int daysBefore, int daysAfter) {
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql("INSERT INTO sla_extension (process_instance_id,"
                            + " receipt_no, extended_by, extended_at, reason, working_days_before, working_days_after)"
                            + " VALUES (:id, :receiptNo, :by, :at, :reason, :before, :after)")
                    .param("id", processInstanceId)
                    .param("receiptNo", receiptNo)
                    .param("by", extendedBy)
                    .param("at", utc(extendedAt))
                    .param("reason", reason)
                    .param("before", daysBefore)
                    .param("after", daysAfter)
                    .update());
            return true;
        } catch (DuplicateKeyException alreadyExtended) {
            return false;
        }
    }

    /** The one extension of a case, if it was granted. */
    public Optional<Extension> extension(String processInstanceId) {
        return jdbc.sql("SELECT extended_by, extended_at, reason, working_days_before, working_days_after"
                        + " FROM sla_extension WHERE process_instance_id = :id")
                .param("id", processInstanceId)
                .query((rs, row) -> new Extension(rs.getString("extended_by"), instant(rs, "extended_at"),
                        rs.getString("reason"), rs.getInt("working_days_before"), rs.getInt("working_days_after")))
                .optional();
    }

    /** A row of sla_extension. */
    public record Extension(String extendedBy, Instant extendedAt, String reason, int workingDaysBefore,
                            int workingDaysAfter) {
    }

    // ---- mapping

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static CaseRecord caseRecord(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getString("process_instance_id"), rs.getString("receipt_no"),
                rs.getString("service_code"), rs.getString("district"), instant(rs, "accepted_at"),
                rs.getInt("committed_working_days"), rs.getBoolean("extended"), rs.getBoolean("deadline_fixed"),
                instant(rs, "deadline"), instant(rs, "due_soon_from"), rs.getBoolean("provisional"),
                instant(rs, "stopped_since"), instant(rs, "closed_at"));
    }

    private static StepRecord stepRecord(ResultSet rs, int row) throws SQLException {
        return new StepRecord(rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("execution_id"), rs.getString("service_code"), rs.getString("step_id"),
                rs.getString("step_name"), rs.getString("district"), rs.getString("assignee"),
                instant(rs, "started_at"), LimitBasis.valueOf(rs.getString("limit_basis")), instant(rs, "limit_from"),
                rs.getObject("limit_days", Integer.class), rs.getString("within_step"), instant(rs, "deadline"),
                instant(rs, "due_soon_from"), rs.getBoolean("provisional"), instant(rs, "due_soon_notified_at"),
                instant(rs, "closed_at"));
    }

    private static BreachRecord breachRecord(ResultSet rs, int row) throws SQLException {
        return new BreachRecord(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("receipt_no"),
                rs.getString("service_code"), rs.getString("district"), rs.getString("step_id"),
                rs.getString("task_id"), rs.getString("assignee"), instant(rs, "deadline"),
                instant(rs, "detected_at"));
    }
}
