package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey (a): an applicant finds the minimum living allowance in the service guide, registers an account, signs
 * in, applies for a household of two, uploads materials and keeps the receipt. In Chinese with the keyboard alone on a desktop, and
 * in English on a phone.
 */
@BrowserJourney
class ApplyJourneyTest {

    @Autowired
    ProcessEngine engine;

    @TempDir
    Path files;

    CaseEngine cases;

    @BeforeEach
    void wednesdayBeforeNationalDay() {
        cases = new CaseEngine(engine);
        // 2022-10-01 to 10-07 are off, Saturday 10-08 and Sunday 10-09 are worked
        cases.now("2022-09-28T10:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void anApplicantAppliesForTwoUploadsMaterialsAndKeepsTheReceipt(Browser browser) {
        Applicant applicant = new Applicant(browser);
        applicant.comesToThePortal();

        String receiptNo = applicant.appliesByKeyboard(Applicant.Household.ofTwo());

        assertThat(receiptNo).matches("DB-20220928-\\d{4}");
        Accessibility.assertBasics(browser);
        assertThat(browser.title()).isEqualTo("受理回执 · 通办");
        assertThat(browser.pageText()).contains("您的“最低生活保障”申请已收到。", "收件时间\n2022-09-28 10:00",
                "受理回执邮件将发往 " + applicant.account().email());
        // 30 working days after 09-28, the National Day week off and its two make-up days worked
        assertThat(browser.text(By.id("deadline"))).isEqualTo("2022-11-14 17:30");
        browser.readmeScreenshot("journey-receipt");

        browser.follow("查看办理进度");
        applicant.uploads("户口簿", Applicant.pdf(files, "户口簿.pdf"))
                .uploads("家庭成员收入证明", Applicant.png(files, "收入证明.png"));

        assertThat(browser.pageText()).contains("户口簿.pdf\n户口簿", "收入证明.png\n家庭成员收入证明");
        assertThat(browser.text(By.id("status"))).isEqualTo("已提交 正常");
        browser.screenshot("a-case-with-materials");

        cases.catchUp(receiptNo);
        assertThat(CaseEngine.mail("申请已受理（受理编号 " + receiptNo + "）"))
                .contains(Applicant.NAME, "承诺办结时间：2022-11-14 17:30");
        applicant.opensTheCase(receiptNo);
        // the township's acceptance review is under way
        assertThat(browser.text(By.id("timeline"))).contains("在线提交申请", "受理", "办理中");
    }

    @Test
    void inEnglishOnAPhone(Browser browser) {
        browser.phone();
        browser.open("/services?lang=en");
        onThePhone(browser);
        assertThat(browser.title()).isEqualTo("Service guide · Tongban");
        browser.clickToLoad(By.xpath("//div[contains(@class,'card')][.//*[normalize-space()='Minimum living allowance']]"
                + "//a[normalize-space()='Service guide']"));
        onThePhone(browser);
        assertThat(browser.pageText()).contains("Done within 30 working days of acceptance");
        browser.follow("Apply online");
        onThePhone(browser);
        assertThat(browser.title()).startsWith("Sign in");
        browser.follow("Register as an applicant");
        onThePhone(browser);
        assertThat(browser.title()).isEqualTo("Register as an applicant · Tongban");
        Applicant applicant = new Applicant(browser);
        Applicant.Account account = applicant.account();
        assertThat(applicant.registers()).isEqualTo("Your account " + account.username()
                + " is open and a welcome mail is on its way to " + account.email() + ". Please sign in.");
        onThePhone(browser);
        applicant.signsIn();
        onThePhone(browser);

        // the start form speaks English too
        String receiptNo = applicant.applies(Applicant.Household.ofTwo(), "Jinshui District");

        onThePhone(browser);
        assertThat(receiptNo).matches("DB-20220928-\\d{4}");
        assertThat(browser.pageText()).contains("Your application for \"Minimum living allowance\" has been received.",
                "A receipt goes to " + account.email() + " by mail");
        assertThat(browser.text(By.id("deadline"))).isEqualTo("2022-11-14 17:30");
        browser.readmeScreenshot("journey-receipt-phone-en");
        browser.follow("Follow the application");
        onThePhone(browser);
        assertThat(browser.text(By.id("status"))).isEqualTo("Submitted On track");
    }

    private static void onThePhone(Browser browser) {
        Accessibility.assertBasics(browser);
        Accessibility.assertNoSidewaysScrolling(browser);
    }
}
