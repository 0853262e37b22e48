package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationData.DISABILITY;
import static cn.tongban.intake.ApplicationData.MARRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
 * Every page of the applicant's portal in Chinese and in English: each answers 200 with the right
 * {@code <html lang>}, no message key is missing (Spring shows those as {@code ??key??}), and the English pages
 * carry no Chinese text of their own (what the applicant or a reviewer typed is data and may be Chinese).
 */
@TongbanIntegrationTest
class PortalLanguagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef]+");
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([^\"]+)\"");
    /** Text that is not the page's own: values in inputs, typed text, the link to the other language. */
    private static final List<Pattern> DATA = List.of(
            Pattern.compile("<!--.*?-->", Pattern.DOTALL),
            Pattern.compile("\\svalue=\"[^\"]*\""),
            Pattern.compile("<textarea[^>]*>.*?</textarea>", Pattern.DOTALL),
            Pattern.compile("lang=\"zh-CN\"[^>]*>[^<]*<"));
    /** What the reviewer and the applicant typed in the cases below. */
    private static final List<String> TYPED = List.of("户口簿", "家庭成员收入证明", "张三", "文化路街道");

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
    void everyApplicantPageIsCompleteInChineseAndInEnglish() {
        ApplicantClient api = new ApplicantClient(http, "zhangsan");
        EngineTime.set("2025-09-30T10:00:00+08:00");
        String decided = api.submitted(DISABILITY, ApplicationData.disability());
        String decidedCase = reviewers.processInstanceOf(decided);
        reviewers.decideDisabilitySubsidies(decidedCase);
        reviewers.runDueJobs(decidedCase);
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String correction = api.submitted(DIBAO, ApplicationData.dibao());
        reviewers.requestCorrection(reviewers.processInstanceOf(correction), "户口簿\n家庭成员收入证明");
        assertThat(api.get("/api/applications/" + correction).getBody().path("status").asText())
                .isEqualTo("CORRECTION_REQUESTED");
        http.withBasicAuth("zhangsan", "demo").put("/api/applications/drafts/" + MARRIAGE,
                Map.of("data", Map.of("applicantName", "张三")));

        List<String> signedIn = List.of("/", "/services", "/services/" + DIBAO, "/services/" + DISABILITY,
                "/services/" + MARRIAGE, "/apply/" + DIBAO, "/apply/" + DISABILITY, "/apply/" + MARRIAGE,
                "/applications", "/applications/" + correction + "/receipt", "/applications/" + correction,
                "/applications/" + correction + "/withdrawal", "/applications/" + decided);
        List<String> anonymous = List.of("/", "/login", "/register", "/services", "/services/" + DIBAO);

        TestBrowser applicant = new TestBrowser(port);
        applicant.login("zhangsan", "demo");
        TestBrowser visitor = new TestBrowser(port);
        List<String> faults = new ArrayList<>();
        for (String language : List.of("zh_CN", "en")) {
            signedIn.forEach(path -> check(applicant, path, language, faults));
            anonymous.forEach(path -> check(visitor, path, language, faults));
            checkErrors(applicant, visitor, language, faults);
        }
        assertThat(faults).isEmpty();
        assertThat(applicant.get("/applications/" + decided + "?lang=en", "Accept", HTML).body())
                .contains("Rate the service");
        assertThat(applicant.get("/applications/" + correction + "?lang=en", "Accept", HTML).body())
                .contains("One-time notice");
        assertThat(applicant.get("/apply/" + MARRIAGE + "?lang=en", "Accept", HTML).body())
                .contains("You are continuing the draft", "Partner&#39;s name");
        assertThat(applicant.get("/apply/" + DIBAO + "?lang=en", "Accept", HTML).body())
                .contains("Members of the household living together", "Jinshui District");
        assertThat(applicant.get("/apply/" + DIBAO + "?lang=zh_CN", "Accept", HTML).body())
                .contains("共同生活家庭成员人数", "金水区").doesNotContain("Members of the household");
    }

    /** The apply page and the registration page showing errors: the messages and the summary in the language. */
    private void checkErrors(TestBrowser applicant, TestBrowser visitor, String language, List<String> faults) {
        for (String service : List.of(DIBAO, DISABILITY, MARRIAGE)) {
            String form = applicant.get("/apply/" + service + "?lang=" + language, "Accept", HTML).body();
            Map<String, String> post = Map.of("_csrf", TestBrowser.csrfToken(form), "applicantPhone", "12");
            HttpResponse<String> refused = applicant.postForm("/apply/" + service + "?lang=" + language, post,
                    "Accept", HTML);
            inspect("POST /apply/" + service, refused, language, faults);
        }
        String page = visitor.get("/register?lang=" + language, "Accept", HTML).body();
        HttpResponse<String> refused = visitor.postForm("/register?lang=" + language,
                Map.of("_csrf", TestBrowser.csrfToken(page), "phone", "12"), "Accept", HTML);
        inspect("POST /register", refused, language, faults);
    }

    private void check(TestBrowser browser, String path, String language, List<String> faults) {
        String url = path + (path.contains("?") ? "&" : "?") + "lang=" + language;
        inspect(url, browser.get(url, "Accept", HTML), language, faults);
    }

    private static void inspect(String what, HttpResponse<String> page, String language, List<String> faults) {
        if (page.statusCode() != 200) {
            faults.add(what + " [" + language + "]: status " + page.statusCode());
            return;
        }
        String body = page.body();
        Matcher lang = HTML_LANG.matcher(body);
        String expected = language.equals("en") ? "en" : "zh-CN";
        if (!lang.find() || !lang.group(1).equals(expected)) {
            faults.add(what + " [" + language + "]: html lang is not " + expected);
        }
        int missing = body.indexOf("??");
        if (missing >= 0) {
            faults.add(what + " [" + language + "]: missing message "
                    + body.substring(missing, Math.min(body.length(), missing + 80)));
        }
        if (language.equals("en")) {
            String own = body;
            for (Pattern data : DATA) {
                own = data.matcher(own).replaceAll(" ");
            }
            for (String typed : TYPED) {
                own = own.replace(typed, " ");
            }
            Matcher chinese = CHINESE.matcher(own);
            List<String> found = new ArrayList<>();
            while (chinese.find()) {
                found.add(chinese.group());
            }
            if (!found.isEmpty()) {
                faults.add(what + " [en]: Chinese text " + found);
            }
        }
    }
}
