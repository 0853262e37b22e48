package cn.tongban.review.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.sla.Deadlines;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few cases of every service for the demo profile, so that a first start shows reviewers real tasks in
 * Tasklist: received some working days ago, some moved on to later steps. Created once: a database that has
 * any case of ours already is left alone.
 */
@Component
@ConditionalOnProperty(name = "tongban.demo-data", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    /**
     * Demo receipt numbers count from 9001 of their day, a range real applications of a demo day never reach,
     * so an applicant applying on the day the demo is created gets no number twice.
     */
    private static final int DEMO_SEQUENCE_FROM = 9000;
    static final List<String> SERVICES =
            List.of("minimum-living-allowance", "disability-subsidies", "marriage-registration");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final CalendarService calendar;

    DemoCases(RuntimeService runtime, TaskService tasks, ManagementService management, CalendarService calendar) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean anyCase = runtime.createProcessInstanceQuery()
                .processDefinitionKeyIn(SERVICES.toArray(String[]::new)).count() > 0;
        if (anyCase) {
            return;
        }
        WorkingDayCalendar days = calendar.current();
        LocalDate today = LocalDate.now(days.zone());

        allowance("DB", 1, days, today, 1, "张三", "410105196503121025", "jinshui");
        String investigating = allowance("DB", 2, days, today, 2, "王秀兰", "410103197811253021", "jinshui");
        complete(investigating, "acceptance", Map.of("acceptanceDecision", "ACCEPT"));
        allowance("DB", 3, days, today, 3, "李四", "41010519800704201X", "erqi");

        disability(1, days, today, 1, "both");
        String reviewed = disability(2, days, today, 3, "care");
        complete(reviewed, "acceptance", Map.of("acceptanceOutcome", "accept"));
        complete(reviewed, "townshipReview", Map.of("townshipOpinion", "经入户核实，申请人长期卧床，需他人照护"));

        marriage(days, today);
        log.info("Demo cases created: {} of three services, for reviewers of Jinshui and Erqi",
                runtime.createProcessInstanceQuery().processDefinitionKeyIn(SERVICES.toArray(String[]::new)).count());
    }

    private String allowance(String prefix, int number, WorkingDayCalendar days, LocalDate today, int workingDaysAgo,
                             String name, String idNumber, String district) {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", name);
        data.put("applicantIdNumber", idNumber);
        data.put("applicantPhone", "1380000000" + number);
        data.put("applicantEmail", "applicant" + number + "@example.cn");
        data.put("district", district);
        data.put("townshipOffice", "文化路街道");
        data.put("householdMembers", 3);
        data.put("keyGroupMembers", 1);
        data.put("declaredMonthlyIncome", 1200.00);
        data.put("declaredAssetsOverLimit", false);
        data.put("declaredExcludedProperty", false);
        data.put("singlePersonCase", false);
        data.put("applicantSeriouslyIll", false);
        return start("minimum-living-allowance", prefix, number, days, today, workingDaysAgo, data);
    }

    private String disability(int number, WorkingDayCalendar days, LocalDate today, int workingDaysAgo,
                              String claimed) {
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", number == 1 ? "赵建国" : "孙丽华");
        data.put("applicantIdNumber", number == 1 ? "410105198001011234" : "410105197202184035");
        data.put("applicantPhone", "1390000000" + number);
        data.put("applicantEmail", "disability" + number + "@example.cn");
        data.put("district", "jinshui");
        data.put("townshipOffice", "jingbalu");
        data.put("disabilityCertificateNo", "4101051980010112344" + number);
        data.put("disabilityCategory", "physical");
        data.put("disabilityGrade", number);
        data.put("subsidiesClaimed", claimed);
        data.put("inDibaoHousehold", true);
        data.put("inLowIncomeHousehold", false);
        data.put("longTermCareMonths", 12);
        data.put("receivesExtremePovertySupport", false);
        data.put("receivesOrphanBasicLiving", false);
        data.put("receivesSimilarLivingAllowance", false);
        data.put("receivesSimilarCareAllowance", false);
        data.put("careFundedByInstitution", false);
        return start("disability-subsidies", "CJ", number, days, today, workingDaysAgo, data);
    }

    private void marriage(WorkingDayCalendar days, LocalDate today) {
        // booked at least one day ahead, on a day the office is open
        LocalDate appointment = days.nextWorkingDayAfter(today);
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", "李强");
        data.put("applicantIdNumber", "510107199001010018");
        data.put("applicantPhone", "13912345678");
        data.put("applicantEmail", "couple@example.cn");
        data.put("applicantHukouProvince", "510000");
        data.put("applicantMaritalStatus", "UNMARRIED");
        data.put("partnerName", "陈静");
        data.put("partnerIdNumber", "440106199707210025");
        data.put("partnerPhone", "13712345678");
        data.put("partnerHukouProvince", "440000");
        data.put("partnerMaritalStatus", "UNMARRIED");
        data.put("district", "jinshui");
        data.put("appointmentDate", appointment.toString());
        data.put("appointmentHalfDay", "AM");
        data.put("hasIdCard", true);
        data.put("signedDeclaration", true);
        data.put("hukouBooksPresented", true);
        data.put("registeringOfficeIsHukouPlace", false);
        data.put("residencePermitWhereRegistering", true);
        data.put("prohibitedKinship", false);
        String receiptNo = "HY-" + today.toString().replace("-", "") + "-" + (DEMO_SEQUENCE_FROM + 1);
        String id = runtime.startProcessInstanceByKey("marriage-registration", receiptNo, data).getId();
        runDueJobs(id);
    }

    private String start(String service, String prefix, int number, WorkingDayCalendar days, LocalDate today,
                         int workingDaysAgo, Map<String, Object> data) {
        LocalDate received = today;
        for (int i = 0; i < workingDaysAgo; i++) {
            received = previousWorkingDay(days, received);
        }
        ZonedDateTime at = received.atTime(LocalTime.of(9, 30)).atZone(days.zone());
        data.put(Deadlines.ACCEPTED_AT, Date.from(at.toInstant()));
        String receiptNo = prefix + "-" + received.toString().replace("-", "") + "-" + (DEMO_SEQUENCE_FROM + number);
        String id = runtime.startProcessInstanceByKey(service, receiptNo, data).getId();
        runDueJobs(id);
        return id;
    }

    private void complete(String processInstanceId, String step, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).singleResult();
        tasks.complete(task.getId(), variables);
        runDueJobs(processInstanceId);
    }

    /** The mails and checks after each step, so the demo shows the case at its next task at once. */
    private void runDueJobs(String processInstanceId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
            management.executeJob(job.getId());
        }
    }

    private static LocalDate previousWorkingDay(WorkingDayCalendar days, LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!days.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
