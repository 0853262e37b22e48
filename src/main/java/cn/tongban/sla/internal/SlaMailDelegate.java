package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.catalog.District;
import cn.tongban.catalog.Districts;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import cn.tongban.notify.Notifications;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SLA mails to staff, from the async service tasks of the models' SLA event subprocesses
 * ({@code camunda:delegateExpression="${slaMail}"}, input parameter {@code mailTemplate}):
 * <ul>
 *   <li>{@code sla-due-soon}: to the task's assignee, or to every enabled member of its candidate groups while
 *       nobody has claimed it; nothing when the task is done by the time the mail goes out;</li>
 *   <li>{@code sla-overdue}: the recorded breach to every enabled member of {@code supervisor-<district>}.</li>
 * </ul>
 * The mails are queued in the outbox with the job's transaction; an SMTP outage delays them and fails no job.
 */
@Component("slaMail")
class SlaMailDelegate implements JavaDelegate {

    static final String DUE_SOON = "sla-due-soon";
    static final String OVERDUE = "sla-overdue";

    private static final Logger log = LoggerFactory.getLogger(SlaMailDelegate.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final UserDirectory users;
    private final SlaRecords records;
    private final ServiceCatalog catalog;
    private final Districts districts;
    private final CalendarService calendars;

    SlaMailDelegate(Notifications notifications, UserDirectory users, SlaRecords records, ServiceCatalog catalog,
                    Districts districts, CalendarService calendars) {
        this.notifications = notifications;
        this.users = users;
        this.records = records;
        this.catalog = catalog;
        this.districts = districts;
        this.calendars = calendars;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariable("mailTemplate");
        if (DUE_SOON.equals(template)) {
            dueSoon(execution);
        } else if (OVERDUE.equals(template)) {
            overdue(execution);
        } else {
            throw new IllegalStateException("service task " + execution.getCurrentActivityId()
                    + " names no SLA mail template (" + DUE_SOON + " or " + OVERDUE + "): " + template);
        }
    }

    private void dueSoon(DelegateExecution execution) {
        String taskId = (String) execution.getVariable(StepTimeouts.TASK_ID);
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        Optional<StepRecord> step = taskId == null ? Optional.empty() : records.findStep(taskId);
        if (task == null || step.isEmpty()) {
            log.info("Case {}: task {} is done, no due-soon reminder", execution.getProcessBusinessKey(), taskId);
            return;
        }
        List<UserAccount> recipients = StepResponsibles.of(task, taskService, users).people();
        Map<String, Object> model = new HashMap<>();
        model.put("receiptNo", execution.getProcessBusinessKey());
        model.put("serviceName", serviceName(step.get().serviceCode()));
        model.put("stepName", task.getName());
        model.put("deadlineText", text(step.get().deadline()));
        send(execution, recipients, DUE_SOON, model);
    }

    private void overdue(DelegateExecution execution) {
        Object id = execution.getVariable(StepTimeouts.BREACH_ID);
        Optional<BreachRecord> breach = id instanceof Number number ? records.findBreach(number.longValue())
                : Optional.empty();
        if (breach.isEmpty()) {
            log.info("Case {}: no new breach to report", execution.getProcessBusinessKey());
            return;
        }
        BreachRecord b = breach.get();
        Map<String, Object> model = new HashMap<>();
        model.put("receiptNo", b.receiptNo() == null ? execution.getProcessBusinessKey() : b.receiptNo());
        model.put("serviceName", serviceName(b.serviceCode()));
        model.put("stepName", b.wholeCase() ? null : stepName(b));
        model.put("districtName", districts.find(b.district()).map(District::names).map(n -> n.zh())
                .orElse(b.district()));
        model.put("assigneeName", b.assignee() == null ? null
                : users.findUser(b.assignee()).map(UserAccount::displayName).orElse(b.assignee()));
        model.put("deadlineText", text(b.deadline()));
        model.put("detectedAtText", text(b.detectedAt()));
        List<UserAccount> supervisors = b.district() == null ? List.of()
                : users.enabledMembersOf("supervisor-" + b.district());
        if (supervisors.isEmpty()) {
            log.warn("Breach {} of case {}: district {} has no supervisor to mail", b.id(), b.receiptNo(),
                    b.district());
        }
        send(execution, supervisors, OVERDUE, model);
    }

    private void send(DelegateExecution execution, List<UserAccount> recipients, String template,
                      Map<String, Object> model) {
        Map<String, UserAccount> byAddress = new LinkedHashMap<>();
        for (UserAccount user : recipients) {
            if (user.email() != null && !user.email().isBlank()) {
                byAddress.putIfAbsent(user.email(), user);
            }
        }
        for (UserAccount user : byAddress.values()) {
            Map<String, Object> personal = new HashMap<>(model);
            personal.put("recipientName", user.displayName());
            String once = execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId() + "/" + template
                    + "/" + user.email();
            notifications.send(user.email(), template, personal, Locale.SIMPLIFIED_CHINESE, once);
        }
    }

    private String serviceName(String serviceCode) {
        return catalog.find(serviceCode).map(Service::names).map(n -> n.zh()).orElse(serviceCode);
    }

    private String stepName(BreachRecord breach) {
        return catalog.find(breach.serviceCode()).flatMap(s -> s.step(breach.stepId())).map(Step::names)
                .map(n -> n.zh())
                .or(() -> records.findStep(breach.taskId()).map(StepRecord::stepName))
                .orElse(breach.stepId());
    }

    /** In the calendar's zone (Beijing time), whatever zone the server runs in. */
    private String text(Instant instant) {
        return TIME.format(instant.atZone(calendars.current().zone()));
    }
}
