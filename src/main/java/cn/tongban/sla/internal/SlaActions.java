package cn.tongban.sla.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The table sla_action: every urge notice (督办) and reassignment a supervisor made. */
@Repository
class SlaActions {

    enum Kind { URGE, REASSIGN }

    /**
     * One action.
     *
     * @param recipient        URGE: the assignee, or the candidate groups (comma-separated) while unclaimed;
     *                         REASSIGN: the new assignee
     * @param previousAssignee who held the step before
     */
    record Action(long id, Kind kind, String receiptNo, String taskId, String step, String stepName, String district,
                  String actedBy, OffsetDateTime actedAt, String recipient, String previousAssignee, String message) {
    }

    private final JdbcClient jdbc;
    private final SlaOverview overview;

    SlaActions(JdbcClient jdbc, SlaOverview overview) {
        this.jdbc = jdbc;
        this.overview = overview;
    }

    Action record(Kind kind, StepRecord step, String receiptNo, String actedBy, Instant actedAt, String recipient,
                  String previousAssignee, String message) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_action (kind, process_instance_id, receipt_no, task_id, step_id, step_name,"
                        + " district, acted_by, acted_at, recipient, previous_assignee, message) VALUES (:kind, :pi,"
                        + " :receiptNo, :taskId, :stepId, :stepName, :district, :actedBy, :actedAt, :recipient,"
                        + " :previous, :message)")
                .param("kind", kind.name())
                .param("pi", step.processInstanceId())
                .param("receiptNo", receiptNo)
                .param("taskId", step.taskId())
                .param("stepId", step.stepId())
                .param("stepName", step.stepName())
                .param("district", step.district())
                .param("actedBy", actedBy)
                .param("actedAt", SlaRecords.utc(actedAt))
                .param("recipient", recipient)
                .param("previous", previousAssignee)
                .param("message", message)
                .update(key, "id");
        ZoneId zone = overview.zone();
        return new Action(key.getKey().longValue(), kind, receiptNo, step.taskId(), step.stepId(), step.stepName(),
                step.district(), actedBy, actedAt.atZone(zone).toOffsetDateTime(), recipient, previousAssignee,
                message);
    }

    /** The actions on a case, in the order they were taken. */
    List<Action> ofCase(String processInstanceId) {
        ZoneId zone = overview.zone();
        return jdbc.sql("SELECT id, kind, receipt_no, task_id, step_id, step_name, district, acted_by, acted_at,"
                        + " recipient, previous_assignee, message FROM sla_action WHERE process_instance_id = :pi"
                        + " ORDER BY acted_at, id")
                .param("pi", processInstanceId)
                .query((rs, row) -> new Action(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getString("receipt_no"), rs.getString("task_id"), rs.getString("step_id"),
                        rs.getString("step_name"), rs.getString("district"), rs.getString("acted_by"),
                        SlaRecords.instant(rs, "acted_at").atZone(zone).toOffsetDateTime(), rs.getString("recipient"),
                        rs.getString("previous_assignee"), rs.getString("message")))
                .list();
    }
}
