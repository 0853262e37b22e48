package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestInfrastructure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What runs behind the pages while people wait: the engine's clock and its job executor (off in tests, so the
 * journeys run the jobs that are due, as the executor would), and the mail that reached the SMTP server.
 * Journeys use it only to let time pass; every step a person takes goes through the browser.
 */
final class CaseEngine {

    private final ProcessEngine engine;

    CaseEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Sets the clock, e.g. {@code now("2022-09-28T10:00:00+08:00")}. */
    void now(String isoDateTime) {
        EngineTime.set(isoDateTime);
    }

    /** Runs the case's jobs that are due now: mail, data checks, timers that have come due. */
    void catchUp(String receiptNo) {
        EngineTime.executeDueJobs(engine.getManagementService(), processInstance(receiptNo).getId());
    }

    /** Moves the clock and runs what came due meanwhile. */
    void waitUntil(String isoDateTime, String receiptNo) {
        now(isoDateTime);
        catchUp(receiptNo);
    }

    boolean ended(String receiptNo) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(receiptNo)
                .count() == 0;
    }

    /** The mail about the case with exactly this subject; there must be one. */
    static String mail(String subject) {
        List<MimeMessage> found = Arrays.stream(TestInfrastructure.receivedMails())
                .filter(message -> subject.equals(subjectOf(message))).toList();
        assertThat(found).as("mail '" + subject + "'").hasSize(1);
        try {
            return found.get(0).getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read the mail " + subject, e);
        }
    }

    private ProcessInstance processInstance(String receiptNo) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(receiptNo).singleResult();
        assertThat(instance).as("running case " + receiptNo).isNotNull();
        return instance;
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
