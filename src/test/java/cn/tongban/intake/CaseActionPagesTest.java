package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationData.DISABILITY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Actions on the case page refused for their input show the error beside the field with what was typed kept, and
 * confirm on screen once they are done.
 */
@TongbanIntegrationTest
class CaseActionPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    ReviewSteps reviewers;

    @BeforeEach
    void reviewers() {
        reviewers = new ReviewSteps(engine);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aRefusedCorrectionAnswerIsShownBesideTheFieldWithTheTextKept() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String receiptNo = submit(DIBAO, ApplicationData.dibao());
        reviewers.requestCorrection(reviewers.processInstanceOf(receiptNo), "1. 户口簿\n2. 租房合同");
        TestBrowser browser = signedIn();
        String page = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        // items a reviewer numbered by hand are numbered once, by the list
        assertThat(page).containsPattern("<ol>\\s*<li>户口簿</li>\\s*<li>租房合同</li>\\s*</ol>");

        browser.postForm("/applications/" + receiptNo + "/corrections",
                Map.of("_csrf", TestBrowser.csrfToken(page), "answer", "已补交户口簿\u0007"));

        String refused = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(errorBeside(refused, "answer")).contains("控制字符");
        assertThat(refused).contains(">已补交户口簿\u0007</textarea>");

        browser.postForm("/applications/" + receiptNo + "/corrections",
                Map.of("_csrf", TestBrowser.csrfToken(page), "answer", "已补交户口簿"));
        String answered = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(answered).contains("补正已提交");
        assertThat(errorBeside(answered, "answer")).isNull();
    }

    @Test
    void aRefusedRatingKeepsTheGradeAndTheCommentAndAGoodOneIsConfirmed() {
        EngineTime.set("2025-09-30T10:00:00+08:00");
        String receiptNo = submit(DISABILITY, ApplicationData.disability());
        String id = reviewers.processInstanceOf(receiptNo);
        reviewers.decideDisabilitySubsidies(id);
        reviewers.runDueJobs(id);
        TestBrowser browser = signedIn();
        String page = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        String comment = "办理很快".repeat(130);

        browser.postForm("/applications/" + receiptNo + "/rating",
                Map.of("_csrf", TestBrowser.csrfToken(page), "grade", "4", "comment", comment));

        String refused = browser.get("/applications/" + receiptNo, "Accept", HTML).body();
        assertThat(errorBeside(refused, "comment")).contains("500");
        assertThat(refused).contains(">" + comment + "</textarea>");
        assertThat(refused).containsPattern("value=\"4\"[^>]*id=\"grade-4\"[^>]*checked");

        browser.postForm("/applications/" + receiptNo + "/rating",
                Map.of("_csrf", TestBrowser.csrfToken(page), "grade", "4", "comment", "办理很快"));
        assertThat(browser.get("/applications/" + receiptNo, "Accept", HTML).body()).contains("感谢您的评价");
    }

    private TestBrowser signedIn() {
        TestBrowser browser = new TestBrowser(port);
        browser.login("zhangsan", "demo");
        return browser;
    }

    private String submit(String service, Map<String, Object> data) {
        return new ApplicantClient(http, "zhangsan").submitted(service, data);
    }

    private static String errorBeside(String page, String field) {
        Matcher error = Pattern.compile("id=\"" + field + "-error\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(page);
        return error.find() ? error.group(1) : null;
    }
}
