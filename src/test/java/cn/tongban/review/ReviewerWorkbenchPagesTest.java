package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.identity.UserDirectory;
import cn.tongban.review.WorkbenchCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import cn.tongban.testsupport.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The workbench's pages in a signed-in browser session: the list, a task, completing and its errors. */
@TongbanIntegrationTest
class ReviewerWorkbenchPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    /** The list of the tests' own fresh 低保 acceptance tasks: due in 30 working days, so on track. */
    private static final String LIST_QUERY = "service=minimum-living-allowance&step=acceptance&slaState=ON_TRACK"
            + "&size=100";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    UserDirectory directory;

    @Autowired
    JdbcClient jdbc;

    WorkbenchCases cases;
    TestBrowser browser;

    @BeforeEach
    void signIn() {
        cases = new WorkbenchCases(engine, http);
        browser = new TestBrowser(port);
        assertThat(browser.login("reviewer.jinshui", "demo").statusCode()).isEqualTo(302);
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theTaskListShowsTheTasksWithTheirDeadlineStateAndLeadsToTheTaskAndBack() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();

        HttpResponse<String> list = browser.get("/tasks?" + LIST_QUERY, "Accept", HTML);

        assertThat(list.statusCode()).isEqualTo(200);
        String page = list.body();
        assertThat(page).contains("审核工作台", "受理编号", "办理期限", c.receiptNo(), "张*", "4101**********1025",
                "最低生活保障", "待认领");
        assertThat(page).contains("id=\"sla-counts\"", ">正常<", ">即将到期<", ">已超期<");
        String row = page.substring(page.indexOf("data-task-id=\"" + taskId + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("class=\"badge sla-badge sla-ON_TRACK\"", ">正常</span>");
        String taskLink = "/tasks/" + taskId + "?service=minimum-living-allowance&amp;step=acceptance"
                + "&amp;slaState=ON_TRACK&amp;size=100";
        assertThat(row).contains("href=\"" + taskLink + "\"");

        HttpResponse<String> task = browser.get(taskLink.replace("&amp;", "&"), "Accept", HTML);

        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(task.body()).contains(c.receiptNo(), "受理", "name=\"acceptanceDecision\"", "材料齐全，予以受理",
                "申请人：张三", "一次性告知", "户口簿", "办理经过", "在线提交申请", "name=\"_csrf\"",
                "name=\"_slaState\" value=\"ON_TRACK\"",
                "href=\"/tasks?service=minimum-living-allowance&amp;step=acceptance&amp;slaState=ON_TRACK"
                        + "&amp;size=100\"");
        assertThat(jdbc.sql("SELECT view_kind FROM review_case_view WHERE task_id = :id").param("id", taskId)
                .query(String.class).list()).containsExactly("TASK_PAGE");
    }

    @Test
    void theListSpeaksEnglishOnRequest() {
        cases.allowance("jinshui");

        String page = browser.get("/tasks?lang=en&" + LIST_QUERY, "Accept", HTML).body();

        assertThat(page).contains("lang=\"en\"", "Review workbench", "Receipt no.", "Minimum living allowance",
                ">On track</span>", "Overdue", "Unclaimed");
    }

    @Test
    void completingWithAMissingAnswerShowsTheFormAgainWithTheFieldMarkedAndTheInputKept() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        String taskPage = browser.get("/tasks/" + taskId + "?" + LIST_QUERY, "Accept", HTML).body();
        Map<String, String> form = hiddenState(taskPage);
        form.put("acceptanceOpinion", "先看材料");

        HttpResponse<String> refused = browser.postForm("/tasks/" + taskId + "/complete", form, "Accept", HTML);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("请更正以下各项", "审查结论", "is-invalid", "先看材料");
        assertThat(cases.openTask(c).getId()).isEqualTo(taskId);

        form.put("_csrf", TestBrowser.csrfToken(refused.body()));
        form.put("acceptanceDecision", "ACCEPT");
        HttpResponse<String> done = browser.postForm("/tasks/" + taskId + "/complete", form, "Accept", HTML);

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/tasks?" + LIST_QUERY);
        assertThat(cases.openTask(c).getTaskDefinitionKey()).isEqualTo("homeInvestigation");
        assertThat(browser.get("/tasks?" + LIST_QUERY, "Accept", HTML).body())
                .contains(c.receiptNo() + " 的“受理”已办结。");
    }

    @Test
    void aLostClaimIsExplainedOnTheTaskPage() {
        WorkbenchCases.ensureColleague(directory);
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        String taskPage = browser.get("/tasks/" + taskId, "Accept", HTML).body();
        cases.post(WorkbenchCases.COLLEAGUE, "/api/tasks/" + taskId + "/claim", null);

        HttpResponse<String> claim = browser.postForm("/tasks/" + taskId + "/claim", hiddenState(taskPage),
                "Accept", HTML);

        assertThat(claim.statusCode()).isEqualTo(302);
        String shown = browser.get(claim.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""), "Accept", HTML).body();
        assertThat(shown).contains("此任务已由 " + WorkbenchCases.COLLEAGUE + " 认领。", "李雷（金水区乡镇审核）",
                "您不能办理此任务");
        assertThat(cases.openTask(c).getAssignee()).isEqualTo(WorkbenchCases.COLLEAGUE);
    }

    @Test
    void theCorrectionNoticeBuilderIssuesTheNoticeFromTheTickedMaterials() {
        Case c = cases.allowance("jinshui");
        String taskId = cases.openTask(c).getId();
        Map<String, String> form = hiddenState(browser.get("/tasks/" + taskId, "Accept", HTML).body());
        form.put("materials", "assets-declaration");
        form.put("otherItems", "\n租房合同复印件\n");

        HttpResponse<String> issued = browser.postForm("/tasks/" + taskId + "/correction-notice", form, "Accept",
                HTML);

        assertThat(issued.statusCode()).isEqualTo(302);
        cases.runJobs(c.id());
        assertThat(engine.getRuntimeService().getVariable(c.id(), "correctionItems"))
                .isEqualTo("家庭财产申报表\n租房合同复印件");
        // the mail numbers the items once, as a list
        String mail = mailTo(c.email(), "申请 " + c.receiptNo() + "：一次性告知补正材料");
        assertThat(mail).containsPattern("<ol>\\s*<li>家庭财产申报表</li>\\s*<li>租房合同复印件</li>\\s*</ol>")
                .doesNotContain("1. ");
    }

    private static String mailTo(String address, String subject) {
        List<MimeMessage> mails = Arrays.stream(TestInfrastructure.receivedMails())
                .filter(mail -> {
                    try {
                        return subject.equals(mail.getSubject())
                                && Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> to.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(mails).hasSize(1);
        try {
            return mails.get(0).getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void applicantsHaveNoWorkbench() {
        TestBrowser applicant = new TestBrowser(port);
        applicant.login("zhangsan", "demo");

        assertThat(applicant.get("/tasks", "Accept", HTML).statusCode()).isEqualTo(403);
        assertThat(browser.get("/", "Accept", HTML).body()).contains("href=\"/tasks\"");
    }

    /** The CSRF token and the list's state as the task page's forms post them. */
    private static Map<String, String> hiddenState(String taskPage) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", TestBrowser.csrfToken(taskPage));
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"(_[a-zA-Z]+)\" value=\"([^\"]*)\"").matcher(taskPage);
        while (hidden.find()) {
            if (!hidden.group(1).equals("_csrf")) {
                form.put(hidden.group(1), hidden.group(2));
            }
        }
        return form;
    }
}
