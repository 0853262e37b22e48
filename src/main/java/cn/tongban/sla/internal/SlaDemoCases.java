package cn.tongban.sla.internal;

import cn.tongban.calendar.CalendarService;
import cn.tongban.calendar.WorkingDayCalendar;
import cn.tongban.sla.Deadlines;
import cn.tongban.sla.SlaCases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 低保 cases for the demo profile in every SLA state, so the supervisor dashboard shows real figures on first start:
 * closed on time (one after a correction notice stopped its clock), closed late with breaches, open and on track,
 * with a step due today, overdue with breaches, extended, and waiting for a correction. Each is driven on the engine
 * through its steps at realistic past times, relative to today, with the engine clock moved back and forth: every
 * timer fires at its due time, so breaches carry the times they would have had. Receipt numbers count from 9101 of
 * their day; any such case in the database means the demo cases exist, and a restart adds none.
 */
@Component
@ConditionalOnProperty(name = "tongban.demo-data", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SlaDemoCases implements ApplicationRunner {

    static final String SERVICE = "minimum-living-allowance";
    static final int SEQUENCE_FROM = 9100;
    private static final Logger log = LoggerFactory.getLogger(SlaDemoCases.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final CalendarService calendars;
    private final SlaCases cases;
    private final JdbcClient jdbc;

    private WorkingDayCalendar calendar;
    private LocalDate today;
    private Instant realNow;

    SlaDemoCases(RuntimeService runtime, TaskService tasks, ManagementService management, CalendarService calendars,
                 SlaCases cases, JdbcClient jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.calendars = calendars;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM sla_case WHERE service_code = :service"
                        + " AND receipt_no LIKE 'DB-%-91__'")
                .param("service", SERVICE)
                .query(Long.class).single();
        if (existing > 0) {
            return;
        }
        calendar = calendars.current();
        realNow = Instant.now();
        today = LocalDate.ofInstant(realNow, calendar.zone());
        try {
            seed();
        } finally {
            ClockUtil.reset();
        }
        log.info("Demo SLA cases created: nine 低保 cases of Jinshui and Erqi in every deadline state");
    }

    private void seed() {
        // closed on time, after a correction notice that stopped the clock for two working days
        Case corrected = apply(1, "jinshui", "王秀英", day(12, "09:30"));
        requestCorrection(corrected, day(12, "10:00"), "近三个月收入证明");
        answerCorrection(corrected, day(10, "09:00"));
        accept(corrected, day(10, "10:00"), "reviewer.jinshui");
        investigate(corrected, "reviewer.jinshui", day(9, "15:00"));
        reviewInTownship(corrected, day(8, "10:00"));
        confirmInCounty(corrected, "county.jinshui", realNow);

        // closed on time, straight through
        Case smooth = apply(2, "erqi", "陈国强", day(15, "09:30"));
        accept(smooth, day(15, "11:00"), "reviewer.erqi");
        investigate(smooth, "reviewer.erqi", day(14, "16:00"));
        reviewInTownship(smooth, day(13, "10:00"));
        confirmInCounty(smooth, "county.erqi", realNow);

        // closed late: the investigation and the county confirmation passed their limits, and the whole case
        Case late = apply(3, "erqi", "刘桂兰", day(40, "09:30"));
        accept(late, day(40, "11:00"), "reviewer.erqi");
        investigate(late, "reviewer.erqi", day(35, "10:00"));
        reviewInTownship(late, day(34, "10:00"));
        confirmInCounty(late, "county.erqi", realNow);

        // open and overdue: late at investigation, at the county and as a whole
        Case overdue = apply(4, "erqi", "赵德明", day(33, "09:30"));
        accept(overdue, day(33, "10:00"), "reviewer.erqi");
        investigate(overdue, "reviewer.erqi", day(28, "11:00"));
        reviewInTownship(overdue, day(27, "10:00"));
        claim(overdue, "countyConfirmation", "county.erqi", day(20, "09:00"));
        advance(overdue, realNow);

        // open, the whole case due today, its county confirmation overdue
        Case lastDay = apply(5, "jinshui", "孙玉梅", day(30, "09:30"));
        accept(lastDay, day(30, "10:00"), "reviewer.jinshui");
        investigate(lastDay, "reviewer.jinshui", day(28, "15:00"));
        reviewInTownship(lastDay, day(27, "10:00"));
        advance(lastDay, realNow);

        // open, extended by the supervisor from 30 to 45 working days while at the county
        Case extended = apply(6, "jinshui", "周建华", day(29, "09:30"));
        accept(extended, day(29, "10:30"), "reviewer.jinshui");
        investigate(extended, "reviewer.jinshui", day(27, "16:00"));
        reviewInTownship(extended, day(26, "10:00"));
        advance(extended, day(2, "10:00"));
        cases.extendCase(extended.receiptNo(), "supervisor", "户籍与实际居住地不一致，需跨区核对家庭成员收入，依规延期");
        advance(extended, realNow);

        // open, its home investigation due at the end of today
        Case dueToday = apply(7, "jinshui", "吴秀珍", day(3, "09:30"));
        accept(dueToday, day(3, "10:00"), null);
        advance(dueToday, realNow);

        // open and on track, waiting for acceptance
        Case fresh = apply(8, "erqi", "郑小红", day(1, "14:00"));
        advance(fresh, realNow);

        // open, clock stopped: a correction notice is out
        Case waiting = apply(9, "jinshui", "冯志刚", day(2, "09:30"));
        requestCorrection(waiting, day(2, "11:00"), "户口簿原件及复印件");
        advance(waiting, realNow);
    }

    private record Case(String id, String receiptNo) {
    }

    private Case apply(int number, String district, String name, Instant at) {
        set(at);
        Map<String, Object> data = new HashMap<>();
        data.put("applicantName", name);
        // a household the demo economic-status data does not know: its declaration stands
        data.put("applicantIdNumber", "410105198808081238");
        data.put("applicantPhone", "1370000" + (1000 + number));
        data.put("applicantEmail", "sla-demo" + number + "@example.cn");
        data.put("district", district);
        data.put("townshipOffice", "jinshui".equals(district) ? "文化路街道" : "淮河路街道");
        data.put("householdMembers", 2 + number % 3);
        data.put("keyGroupMembers", number % 2);
        data.put("declaredMonthlyIncome", 800.00 + 50 * number);
        data.put("declaredAssetsOverLimit", false);
        data.put("declaredExcludedProperty", false);
        data.put("singlePersonCase", false);
        data.put("applicantSeriouslyIll", false);
        data.put(Deadlines.ACCEPTED_AT, Date.from(at));
        String receiptNo = "DB-" + LocalDate.ofInstant(at, calendar.zone()).toString().replace("-", "") + "-"
                + (SEQUENCE_FROM + number);
        Case c = new Case(runtime.startProcessInstanceByKey(SERVICE, receiptNo, data).getId(), receiptNo);
        advance(c, at);
        return c;
    }

    /** Accepts the case; the named reviewer claims the home investigation it starts, as township staff do. */
    private void accept(Case c, Instant at, String investigator) {
        complete(c, "acceptance", null, at, Map.of("acceptanceDecision", "ACCEPT"));
        if (investigator != null) {
            tasks.claim(task(c, "homeInvestigation").getId(), investigator);
        }
    }

    private void requestCorrection(Case c, Instant at, String items) {
        complete(c, "acceptance", null, at, Map.of("acceptanceDecision", "REQUEST_CORRECTION",
                "correctionItems", items));
    }

    private void answerCorrection(Case c, Instant at) {
        advance(c, at);
        runtime.createMessageCorrelation("CorrectionAnswered").processInstanceId(c.id())
                .setVariable("correctionAnswer", "已上传所缺材料").correlate();
        advance(c, at);
    }

    private void investigate(Case c, String reviewer, Instant at) {
        complete(c, "homeInvestigation", reviewer, at, Map.of("investigators", "李明、王强",
                "investigationDate", LocalDate.ofInstant(at, calendar.zone()).toString(),
                "investigationMethod", "HOME_VISIT", "investigationFindings", "家中仅有基本生活用品，收入来源单一。"));
    }

    private void reviewInTownship(Case c, Instant at) {
        complete(c, "townshipReview", null, at, Map.of("townshipProposal", "APPROVE",
                "townshipOpinion", "经入户调查和信息核对，符合条件，建议纳入"));
    }

    private void confirmInCounty(Case c, String reviewer, Instant at) {
        complete(c, "countyConfirmation", reviewer, at, Map.of("countyDecision", "APPROVE",
                "decisionReason", "家庭人均收入低于当地保障标准"));
    }

    private void claim(Case c, String step, String reviewer, Instant at) {
        advance(c, at);
        tasks.claim(task(c, step).getId(), reviewer);
    }

    /** Completes the step at the given time, claimed first by the reviewer when one is named. */
    private void complete(Case c, String step, String reviewer, Instant at, Map<String, Object> variables) {
        advance(c, at);
        Task task = task(c, step);
        if (reviewer != null && task.getAssignee() == null) {
            tasks.claim(task.getId(), reviewer);
        }
        tasks.complete(task.getId(), variables);
        advance(c, at);
    }

    private Task task(Case c, String step) {
        Task task = tasks.createTaskQuery().processInstanceId(c.id()).taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new IllegalStateException("demo case " + c.receiptNo() + " has no open step " + step);
        }
        return task;
    }

    /**
     * Moves the engine clock to {@code until}, executing on the way every job of the case at its due time (timers,
     * mails, checks), in the order a running job executor would have met them.
     */
    private void advance(Case c, Instant until) {
        for (int executed = 0; executed < 200; executed++) {
            Optional<Job> next = management.createJobQuery().processInstanceId(c.id()).active().withRetriesLeft()
                    .list().stream()
                    .filter(job -> dueAt(job).compareTo(Date.from(until)) <= 0)
                    .min(Comparator.comparing(SlaDemoCases::dueAt).thenComparing(Job::getId));
            if (next.isEmpty()) {
                break;
            }
            Instant due = dueAt(next.get()).toInstant();
            if (due.isAfter(ClockUtil.getCurrentTime().toInstant())) {
                set(due);
            }
            try {
                management.executeJob(next.get().getId());
            } catch (OptimisticLockingException ranByTheJobExecutor) {
                // the job executor took it meanwhile; it ran once all the same
            } catch (ProcessEngineException e) {
                log.warn("Demo case {}: job {} failed: {}", c.receiptNo(), next.get().getId(), e.getMessage());
                break;
            }
        }
        set(until);
    }

    private void set(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at.isAfter(realNow) ? realNow : at));
    }

    /** The given number of working days before today, at a time of day in the calendar's zone. */
    private Instant day(int workingDaysAgo, String time) {
        LocalDate day = today;
        for (int i = 0; i < workingDaysAgo; i++) {
            day = day.minusDays(1);
            while (!calendar.isWorkingDay(day)) {
                day = day.minusDays(1);
            }
        }
        Instant at = day.atTime(LocalTime.parse(time)).atZone(calendar.zone()).toInstant();
        return at.isAfter(realNow) ? realNow : at;
    }

    private static Date dueAt(Job job) {
        return job.getDuedate() != null ? job.getDuedate() : job.getCreateTime();
    }
}
