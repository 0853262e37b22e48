package cn.tongban.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 低保 cases for the SLA tests, driven on the real engine with the engine clock: apply, complete steps, run what is
 * due, and read what the SLA module recorded about them.
 */
public final class AllowanceCases {

    static final String PROCESS = "minimum-living-allowance";
    /** Not in the demo economic-status data: the household's declaration stands. */
    static final String UNKNOWN_TO_PLATFORM = "410105198808081238";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;

    public AllowanceCases(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcClient jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** One case, known by its process instance id and receipt number. */
    public record Case(String id, String receiptNo) {
    }

    /** Applies at the engine's current time, in the given district. */
    public Case apply(String district) {
        String receiptNo = "DB-SLA-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", "张三");
        variables.put("applicantIdNumber", UNKNOWN_TO_PLATFORM);
        variables.put("applicantPhone", "13800000001");
        variables.put("applicantEmail", "applicant-" + UUID.randomUUID() + "@example.cn");
        variables.put("district", district);
        variables.put("townshipOffice", "文化路街道");
        variables.put("householdMembers", 3);
        variables.put("keyGroupMembers", 1);
        variables.put("declaredMonthlyIncome", 1500.00);
        variables.put("declaredAssetsOverLimit", false);
        variables.put("declaredExcludedProperty", false);
        variables.put("singlePersonCase", false);
        variables.put("applicantSeriouslyIll", false);
        variables.put("acceptedAt", ClockUtil.getCurrentTime());
        Case c = new Case(runtime.startProcessInstanceByKey(PROCESS, receiptNo, variables).getId(), receiptNo);
        runJobs(c);
        return c;
    }

    /** Applies at the given time. */
    public Case applyAt(String isoDateTime, String district) {
        EngineTime.set(isoDateTime);
        return apply(district);
    }

    public int runJobs(Case c) {
        return EngineTime.executeDueJobs(management, c.id());
    }

    public Task task(Case c, String step) {
        return tasks.createTaskQuery().processInstanceId(c.id()).taskDefinitionKey(step).singleResult();
    }

    public void complete(Case c, String step, Map<String, Object> variables) {
        Task task = task(c, step);
        assertThat(task).as("open task %s of %s", step, c.receiptNo()).isNotNull();
        tasks.complete(task.getId(), variables);
        runJobs(c);
    }

    public void accept(Case c) {
        complete(c, "acceptance", Map.of("acceptanceDecision", "ACCEPT"));
    }

    public void requestCorrection(Case c, String items) {
        complete(c, "acceptance", Map.of("acceptanceDecision", "REQUEST_CORRECTION", "correctionItems", items));
    }

    public void answerCorrection(Case c) {
        runtime.createMessageCorrelation("CorrectionAnswered").processInstanceId(c.id())
                .setVariable("correctionAnswer", "已上传所缺材料").correlate();
        runJobs(c);
    }

    public void investigate(Case c) {
        complete(c, "homeInvestigation", Map.of("investigators", "李明、王强", "investigationDate", "2024-08-01",
                "investigationMethod", "HOME_VISIT", "investigationFindings", "家中仅有基本生活用品。"));
    }

    public void reviewInTownship(Case c) {
        complete(c, "townshipReview", Map.of("townshipProposal", "APPROVE", "townshipOpinion", "符合条件，建议纳入"));
    }

    public void confirmInCounty(Case c) {
        complete(c, "countyConfirmation", Map.of("countyDecision", "APPROVE", "decisionReason", "符合条件"));
    }

    /** When the SLA timers of the case's open task at a step fire: its due-soon timer, then its overdue timer. */
    List<Instant> stepTimers(Case c, String step) {
        Task task = task(c, step);
        return management.createJobQuery().executionId(task.getExecutionId()).timers().list().stream()
                .map(job -> job.getDuedate().toInstant()).sorted().toList();
    }

    Job caseTimer(Case c) {
        return management.createJobQuery().processInstanceId(c.id()).activityId("caseDeadlinePassed").timers()
                .singleResult();
    }

    Instant caseDeadline(Case c) {
        return ((Date) runtime.getVariable(c.id(), "caseDeadline")).toInstant();
    }

    Map<String, Object> caseRow(Case c) {
        return jdbc.sql("SELECT * FROM sla_case WHERE process_instance_id = ?").param(c.id()).query().singleRow();
    }

    Map<String, Object> stepRow(Task task) {
        return jdbc.sql("SELECT * FROM sla_step WHERE task_id = ?").param(task.getId()).query().singleRow();
    }

    public List<Map<String, Object>> breaches(Case c) {
        return jdbc.sql("SELECT * FROM sla_breach WHERE process_instance_id = ? ORDER BY id").param(c.id())
                .query().listOfRows();
    }

    static Instant at(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime).toInstant();
    }

    static Instant instant(Object timestamp) {
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        return ((Date) timestamp).toInstant();
    }

    /** Mails GreenMail received for this case with this subject, to this address. */
    public static List<MimeMessage> mails(String to, String subject) {
        return Arrays.stream(TestInfrastructure.receivedMails()).filter(mail -> {
            try {
                return subject.equals(mail.getSubject()) && Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Every mail GreenMail received whose subject names this case. */
    static List<MimeMessage> mailsAbout(Case c) {
        return Arrays.stream(TestInfrastructure.receivedMails()).filter(mail -> {
            try {
                return mail.getSubject() != null && mail.getSubject().contains(c.receiptNo());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
