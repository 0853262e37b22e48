package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;

/**
 * The steps an applicant (申请人) takes in the portal, shared by the journeys. Each applicant registers an account
 * of their own on the way to the application form ({@link #comesToThePortal()}); the demo applicant 张三
 * ({@link #USERNAME}) is the one whose cases the journeys set up through the API.
 */
final class Applicant {

    static final String USERNAME = "zhangsan";
    static final String NAME = "张三";
    static final String EMAIL = "zhangsan@example.com";
    static final String SERVICE = "minimum-living-allowance";

    /** Tells apart the accounts registered while the application runs: usernames, ID numbers and mail are unique. */
    private static final AtomicInteger REGISTERED = new AtomicInteger(500);

    /** The household of the journeys: two members, one of them in a key group, 600 yuan a month declared. */
    record Household(String districtName, String township, int members, int keyGroupMembers, int monthlyIncome) {

        /**
         * The applicants' ID numbers are unknown to the demo economic-status platform, so the declared income
         * stands: 750 × 2 − 600 + 100.
         */
        static Household ofTwo() {
            return new Household("金水区", "文化路街道", 2, 1, 600);
        }
    }

    /** What 张三 registers with: a real name, a resident ID number with its check character, contact, password. */
    record Account(String username, String realName, String idNumber, String phone, String email, String password) {

        static Account fresh() {
            int n = REGISTERED.getAndIncrement();
            String username = "zhangsan." + n;
            // 410105: 金水区; born 1988-08-08; n as the sequence number
            return new Account(username, NAME, withCheckCharacter("41010519880808" + n),
                    "1390000" + String.format("%04d", n), username + "@example.com", "Tongban2022");
        }
    }

    private final Browser browser;
    private final Account account = Account.fresh();

    Applicant(Browser browser) {
        this.browser = browser;
    }

    Account account() {
        return account;
    }

    /**
     * Finds the service in the guide without an account, asks to apply, registers and signs in on the way; leaves
     * the browser on the service's application form.
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
        browser.follow("注册申请人账户");
        assertThat(browser.title()).isEqualTo("注册申请人账户 · 通办");
        String confirmation = registers();
        assertThat(confirmation).isEqualTo("账户 " + account.username() + " 已开通，欢迎邮件已发送至 "
                + account.email() + "。请登录。");
        browser.readmeScreenshot("journey-registered");
        signsIn();
        assertThat(browser.path()).startsWith("/apply/" + SERVICE);
        return this;
    }

    /**
     * On the registration page, in whatever language it speaks: fills in the account's details and sends them;
     * returns the confirmation shown on the login page the browser is then left on.
     */
    String registers() {
        assertThat(browser.path()).startsWith("/register");
        Accessibility.assertBasics(browser);
        browser.fill("realName", account.realName())
                .fill("idNumber", account.idNumber())
                .fill("phone", account.phone())
                .fill("email", account.email())
                .fill("username", account.username())
                .fill("password", account.password())
                .fill("passwordConfirmation", account.password());
        browser.submitWith(By.cssSelector("main form[action$='/register'] button[type=submit]"));
        assertThat(browser.path()).as("back at the login page").startsWith("/login");
        // the new username is filled in already
        assertThat(browser.find(By.name("username")).getDomProperty("value")).isEqualTo(account.username());
        return browser.text(By.cssSelector("main .alert-success[role=status]"));
    }

    /** Signs in with the account registered, from the login page or any page that led there. */
    Applicant signsIn() {
        browser.signIn(account.username(), account.password());
        return this;
    }

    /**
     * Fills in the application form with the keyboard alone (Tab, typing, Enter) and sends it; returns the
     * receipt number shown on the receipt page the browser is left on.
     */
    String appliesByKeyboard(Household household) {
        assertThat(browser.path()).startsWith("/apply/" + SERVICE);
        Accessibility.assertBasics(browser);
        fromTheAccount();
        Browser.Keyboard keys = browser.keyboard();
        keys.tabTo("district").type(household.districtName())
                .tabTo("townshipOffice").type(household.township())
                .tabTo("householdMembers").type(String.valueOf(household.members()))
                .tabTo("keyGroupMembers").type(String.valueOf(household.keyGroupMembers()))
                .tabTo("declaredMonthlyIncome").type(String.valueOf(household.monthlyIncome()));
        assertThat(browser.find(By.name("district")).getDomProperty("value")).isEqualTo("jinshui");
        browser.readmeScreenshot("journey-apply-form");
        keys.tabTo(By.cssSelector("main form[action*='/apply/'] button[type=submit]:not([name='_draft'])")).enterToSubmit();
        return receiptShown();
    }

    /** Fills in the form with mouse and typing, in whatever language the page speaks, and sends it. */
    String applies(Household household, String districtName) {
        fromTheAccount();
        browser.choose("district", districtName)
                .fill("townshipOffice", household.township())
                .fill("householdMembers", String.valueOf(household.members()))
                .fill("keyGroupMembers", String.valueOf(household.keyGroupMembers()))
                .fill("declaredMonthlyIncome", String.valueOf(household.monthlyIncome()));
        browser.submitWith(By.cssSelector("main form[action*='/apply/'] button[type=submit]:not([name='_draft'])"));
        return receiptShown();
    }

    /** Name, ID number, phone and e-mail come from the account. */
    private void fromTheAccount() {
        assertThat(browser.find(By.name("applicantName")).getDomProperty("value")).isEqualTo(account.realName());
        assertThat(browser.find(By.name("applicantIdNumber")).getDomProperty("value")).isEqualTo(account.idNumber());
        assertThat(browser.find(By.name("applicantEmail")).getDomProperty("value")).isEqualTo(account.email());
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

    /** ISO 7064 MOD 11-2, as GB 11643 defines the check character: weights 2^(17-i) mod 11, 10 written X. */
    private static String withCheckCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 16; i >= 0; i--) {
            weight = weight * 2 % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
