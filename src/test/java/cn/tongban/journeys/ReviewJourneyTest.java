package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey (b): a 低保 case from the application to the rating. The township reviewer gets the task and sends a
 * one-time correction notice; the applicant answers it from a phone; the township accepts, investigates and
 * reviews; after the 7-day public notice the county confirms; the applicant sees the decision and rates it.
 * Time passes on the engine's clock (the National Day week of 2022 in the middle); each step a person takes is
 * taken in the browser.
 */
@BrowserJourney
class ReviewJourneyTest {

    @Autowired
    ProcessEngine engine;

    @TempDir
    Path files;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aCaseGoesFromCorrectionNoticeToDecisionAndRating(Browser browser) {
        CaseEngine cases = new CaseEngine(engine);
        Applicant applicant = new Applicant(browser);
        Reviewer reviewer = new Reviewer(browser);

        cases.now("2022-09-28T10:00:00+08:00");
        String receiptNo = applicant.comesToThePortal().applies(Applicant.Household.ofTwo(), "金水区");
        browser.follow("查看办理进度");
        applicant.uploads("户口簿", Applicant.pdf(files, "户口簿.pdf"));
        cases.catchUp(receiptNo);
        browser.signOut();

        // the township reviewer finds the application and sees the income proof missing
        cases.now("2022-09-28T14:00:00+08:00");
        browser.signIn(Reviewer.TOWNSHIP);
        reviewer.opensTheWorkbench("最低生活保障");
        assertThat(reviewer.rowOf(receiptNo)).contains("最低生活保障", "张*", "受理", "2022-11-14 17:30 正常", "待认领");
        reviewer.takesTheTask(receiptNo, "受理");
        browser.pick("materials", "income-proof")
                .fill("note", "请补充两位家庭成员的收入证明。");
        browser.readmeScreenshot("journey-correction-notice");
        browser.submitWith(By.xpath("//section[@id='correction-notice']//button[normalize-space()='发出一次性告知']"));
        assertThat(browser.path()).startsWith("/tasks");
        cases.catchUp(receiptNo);
        assertThat(CaseEngine.mail("申请 " + receiptNo + "：一次性告知补正材料")).contains("家庭成员收入证明");
        browser.signOut();

        // two days later the applicant answers on a phone: the clock stood still meanwhile
        cases.now("2022-09-30T09:00:00+08:00");
        browser.phone();
        applicant.signsIn();
        applicant.opensTheCase(receiptNo);
        Accessibility.assertNoSidewaysScrolling(browser);
        assertThat(browser.text(By.id("status"))).isEqualTo("待补正 正常");
        assertThat(browser.text(By.id("correction-notice"))).contains("一次性告知：请补正以下材料",
                "告知时间：2022-09-28 14:00", "家庭成员收入证明");
        applicant.uploads("家庭成员收入证明", Applicant.pdf(files, "收入证明.pdf"));
        browser.tickLabelled("收入证明.pdf")
                .fill("answer", "已上传两人的收入证明。");
        browser.screenshot("b-answer-on-phone");
        browser.submitWith(By.xpath("//section[@id='correction-notice']//button[normalize-space()='提交补正']"));
        assertThat(browser.pageText()).contains("补正已提交，申请回到受理审查。");
        // 09-29 and 09-30 began while the notice was out: two working days more
        assertThat(browser.text(By.xpath("//dt[normalize-space()='承诺办结时间']/following-sibling::dd[1]")))
                .isEqualTo("2022-11-16 17:30");
        Accessibility.assertNoSidewaysScrolling(browser);
        browser.signOut();
        browser.desktop();

        // the township accepts; the home investigation is due three working days later, 10-08 and 10-09 worked
        cases.now("2022-09-30T10:00:00+08:00");
        browser.signIn(Reviewer.TOWNSHIP);
        reviewer.opensTheWorkbench("最低生活保障").takesTheTask(receiptNo, "受理");
        browser.pick("acceptanceDecision", "ACCEPT");
        reviewer.completes();
        cases.catchUp(receiptNo);
        assertThat(browser.pageText()).contains(receiptNo + " 的“受理”已办结。");
        browser.signOut();

        cases.now("2022-10-10T09:00:00+08:00");
        browser.signIn(Reviewer.TOWNSHIP);
        reviewer.opensTheWorkbench("最低生活保障");
        assertThat(reviewer.rowOf(receiptNo)).contains("入户调查", "2022-10-10 17:30 即将到期");
        assertThat(Accessibility.assertContrast(browser, "#task-table .sla-badge")).contains("即将到期");
        assertThat(Accessibility.assertContrast(browser, "#sla-counts .sla-count"))
                .anyMatch(text -> text.startsWith("正常")).anyMatch(text -> text.startsWith("即将到期"))
                .anyMatch(text -> text.startsWith("已超期"));
        Accessibility.assertContrast(browser, "#sla-counts .sla-count .badge");
        browser.readmeScreenshot("journey-workbench");
        // the workbench on a phone: the table scrolls within itself, the page does not
        browser.phone();
        Accessibility.assertNoSidewaysScrolling(browser);
        reviewer.takesTheTask(receiptNo, "入户调查");
        Accessibility.assertNoSidewaysScrolling(browser);
        browser.desktop();
        browser.fill("investigators", "王芳、李明")
                .fillDate("investigationDate", LocalDate.of(2022, 10, 10))
                .choose("investigationMethod", "入户调查")
                .fill("investigationFindings", "夫妻二人同住，丈夫患慢性病无法工作，妻子打零工月收入约 600 元，无其他财产。");
        reviewer.completes();
        cases.catchUp(receiptNo);

        reviewer.opensTheWorkbench("最低生活保障").takesTheTask(receiptNo, "乡镇（街道）初审");
        // 750 yuan × 2 − 600 yuan declared (the data platform knows nothing else) + 100 yuan for one key-group member
        assertThat(browser.text(By.id("task-form"))).contains("共同生活家庭成员 2 人，其中重点人群 1 人",
                "按规则计算的月保障金：1000 元");
        browser.pick("townshipProposal", "APPROVE")
                .fill("townshipOpinion", "经入户调查，家庭收入低于当地低保标准，建议纳入。");
        reviewer.completes();
        cases.catchUp(receiptNo);
        browser.signOut();

        // the first-review opinion is posted for 7 calendar days, 10-10 to the end of 10-17
        cases.waitUntil("2022-10-18T00:00:00+08:00", receiptNo);
        cases.now("2022-10-18T09:00:00+08:00");
        browser.signIn(Reviewer.COUNTY);
        reviewer.opensTheWorkbench("最低生活保障").takesTheTask(receiptNo, "县级审核确认");
        assertThat(browser.text(By.id("task-form"))).contains("按规则计算的月保障金：1000 元",
                "经入户调查，家庭收入低于当地低保标准，建议纳入。");
        browser.pick("countyDecision", "APPROVE")
                .fill("decisionReason", "符合条件，核定每月保障金 1000 元");
        reviewer.completes();
        cases.catchUp(receiptNo);
        assertThat(cases.ended(receiptNo)).isTrue();
        assertThat(CaseEngine.mail("申请 " + receiptNo + "：审批结果")).contains("核定每月保障金 1000 元");
        browser.signOut();

        cases.now("2022-10-19T20:00:00+08:00");
        applicant.signsIn();
        applicant.opensTheCase(receiptNo);
        assertThat(browser.text(By.id("status"))).startsWith("已批准");
        browser.pick("grade", "5").fill("comment", "办理很快，工作人员上门核实很耐心。");
        browser.submitWith(By.xpath("//section[@id='rating']//button[normalize-space()='提交评价']"));
        assertThat(browser.text(By.id("rating"))).contains("您已评价：5 分。");
        assertThat(browser.text(By.id("timeline"))).contains("等待申请人补正\n2022-09-28 14:00 → 2022-09-30 09:00",
                "入户调查\n2022-09-30 10:00 → 2022-10-10 09:00",
                // the notice is a wait for its end (or an objection): the timeline shows when it ran out
                "公示\n2022-10-18 00:00", "县级审核确认\n2022-10-18 00:00 → 2022-10-18 09:00", "已批准");
        browser.readmeScreenshot("journey-decision-rated");
    }
}
