package cn.tongban.sla.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indexes the deadlines need beyond Camunda's own.
 * <ul>
 * <li>Queuing a breach's mail asks for the case's overdue-message subscription (by process instance and message
 * name), and Camunda indexes subscriptions by execution and by name only, so each lookup read every open step's
 * subscription of that name (84 ms apiece at 100,000 open steps).</li>
 * <li>Every open step carries two deadline timers, so the job table holds two future timers per open step; the job
 * executor's acquisition asks for jobs without a due date or due by now, and Camunda has no index on the due
 * date, so each acquisition read them all (about 700 ms at 100,000 open steps on a loaded machine, many times a
 * minute while jobs run).</li>
 * </ul>
 *
 * <p>Created at start rather than by Flyway, as the task list's due-date index is: our migrations run before the
 * engine creates its tables on a new database. {@code IF NOT EXISTS} makes every later start a no-op.
 */
@Component
class SlaEngineIndexes implements ApplicationRunner {

    static final String SUBSCRIPTION_INDEX = "tongban_idx_event_subscr_procinst";
    static final String JOB_DUE_DATE_INDEX = "tongban_idx_job_duedate";

    private final JdbcClient jdbc;

    SlaEngineIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + SUBSCRIPTION_INDEX + " ON ACT_RU_EVENT_SUBSCR (PROC_INST_ID_)")
                .update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + JOB_DUE_DATE_INDEX + " ON ACT_RU_JOB (DUEDATE_)").update();
    }
}
