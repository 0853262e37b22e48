package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;

/**
 * The steps an applicant (申请人) takes in the portal, shared by the journeys. The demo applicant 张三 signs in;
 * {@link #comesToThePortal()} is the one place where the applicant gets an account.
 */
final class Applicant {

    static final String USERNAME = "zhangsan";
    static final String NAME = "张三";
    static final String EMAIL = "zhangsan@example.com";
    static final String SERVICE = "minimum-living-allowance";

    /** The household of the journeys: two members, one of them in a key group, 600 yuan a month declared. */
    record Household(String idNumber, String districtName, String township, int members, int keyGroupMembers,
                     int monthlyIncome) {

        /** Unknown to the demo economic-status platform, so the declared income stands: 750 × 2 − 600 + 100. */
        static Household ofTwo() {
            return new Household("410105198808081238", "金水区", "文化路街道", 2, 1, 600);
        }
    }

    private final Browser browser;

    Applicant(Browser browser) {
        this.browser = browser;
    }

    /**
     * Finds the service in the guide without an account, asks to apply, and signs in on the way; leaves the
     * browser on the service's application form.
     */
    Applicant comesToThePortal() {
        browser.open("/services");
        Accessibility.assertBasics(browser);
        browser.clickToLoad(By.xpath("//div[contains(@class,'card')][.//*[normalize-space()='最低生活保障']]"
                + "//a[normalize-space()='办事指南']"));
        assertThat(browser.pageText()).contains("承诺自受理之日起 30 个工作日内办结", "户口簿");
        Accessibility.assertBasics(browser);
        browser.follow("在线申请");
        assertThat(browser.path()).startsWith("/login");
        browser.signIn(USERNAME);
        assertThat(browser.path()).startsWith("/apply/" + SERVICE);
        return this;
    }

    /**
     * Fills in the application form with the keyboard alone (Tab, typing, Enter) and sends it; returns the
     * receipt number shown on the receipt page the browser is left on.
     */
    String appliesByKeyboard(Household household) {
        assertThat(browser.path()).startsWith("/apply/" + SERVICE);
        Accessibility.assertBasics(browser);
        // name, phone and e-mail come from the account
        assertThat(browser.find(By.name("applicantName")).getDomProperty("value")).isEqualTo(NAME);
        assertThat(browser.find(By.name("applicantEmail")).getDomProperty("value")).isEqualTo(EMAIL);
        Browser.Keyboard keys = browser.keyboard();
        keys.tabTo("applicantIdNumber").type(household.idNumber())
                .tabTo("district").type(household.districtName())
                .tabTo("townshipOffice").type(household.township())
                .tabTo("householdMembers").type(String.valueOf(household.members()))
                .tabTo("keyGroupMembers").type(String.valueOf(household.keyGroupMembers()))
                .tabTo("declaredMonthlyIncome").type(String.valueOf(household.monthlyIncome()));
        assertThat(browser.find(By.name("district")).getDomProperty("value")).isEqualTo("jinshui");
        browser.readmeScreenshot("journey-apply-form");
        keys.tabTo(By.cssSelector("main form[action*='/apply/'] > button[type=submit]")).enterToSubmit();
        return receiptShown();
    }

    /** Fills in the form with mouse and typing, in whatever language the page speaks, and sends it. */
    String applies(Household household, String districtName) {
        browser.fill("applicantIdNumber", household.idNumber())
                .choose("district", districtName)
                .fill("townshipOffice", household.township())
                .fill("householdMembers", String.valueOf(household.members()))
                .fill("keyGroupMembers", String.valueOf(household.keyGroupMembers()))
                .fill("declaredMonthlyIncome", String.valueOf(household.monthlyIncome()));
        browser.submitWith(By.cssSelector("main form[action*='/apply/'] > button[type=submit]"));
        return receiptShown();
    }

    /** On the case page: uploads a file as the material of this name. */
    Applicant uploads(String materialName, Path file) {
        browser.choose("materialCode", materialName).attach("file", file);
        browser.submitWith(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
        return this;
    }

    Applicant opensTheCase(String receiptNo) {
        browser.open("/applications");
        Accessibility.assertBasics(browser);
        browser.clickToLoad(By.xpath("//main//a[.//*[normalize-space()='" + receiptNo + "']]"));
        assertThat(browser.path()).isEqualTo("/applications/" + receiptNo);
        Accessibility.assertBasics(browser);
        return this;
    }

    private String receiptShown() {
        assertThat(browser.path()).as("the receipt page").matches("/applications/[A-Z]+-\\d{8}-\\d{4}/receipt");
        return browser.text(By.id("receipt-no"));
    }

    /** A small but real PDF (the server checks the type by content). */
    static Path pdf(Path folder, String name) {
        return write(folder.resolve(name), ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
                + "%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** A 1 × 1 PNG, as a photographed certificate would be. */
    static Path png(Path folder, String name) {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        return write(folder.resolve(name), png);
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
