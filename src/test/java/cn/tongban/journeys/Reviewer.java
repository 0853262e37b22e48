package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/** The steps a reviewer (经办人/审核人) takes in the workbench, shared by the journeys. */
final class Reviewer {

    static final String TOWNSHIP = "reviewer.jinshui";
    static final String COUNTY = "county.jinshui";

    private final Browser browser;

    Reviewer(Browser browser) {
        this.browser = browser;
    }

    /** Opens the workbench from the navigation and narrows it to one service. */
    Reviewer opensTheWorkbench(String serviceName) {
        browser.navigate("审核工作台");
        assertThat(browser.path()).startsWith("/tasks");
        browser.choose("service", serviceName);
        browser.submitWith(By.cssSelector("#task-filter button[type=submit]"));
        Accessibility.assertBasics(browser);
        return this;
    }

    /** The row of the case's task in the list: its cells as a person reads them. */
    String rowOf(String receiptNo) {
        return browser.text(taskRow(receiptNo));
    }

    /** Follows the case's task from the list and claims it. */
    Reviewer takesTheTask(String receiptNo, String stepName) {
        browser.clickToLoad(By.xpath("//table[@id='task-table']//a[normalize-space()='" + receiptNo + "']"));
        Accessibility.assertBasics(browser);
        assertThat(browser.text(By.cssSelector("#task-summary h1"))).startsWith(stepName + " · ");
        browser.submitWith(By.xpath("//section[@id='task-summary']//button[normalize-space()='认领']"));
        assertThat(browser.text(By.id("task-summary"))).contains("由您办理");
        return this;
    }

    /** Sends the task's form with what was filled in, and is back at the list with the result. */
    Reviewer completes() {
        browser.submitWith(By.xpath("//section[@id='task-form']//button[normalize-space()='提交办理结果']"));
        assertThat(browser.path()).startsWith("/tasks");
        return this;
    }

    private static By taskRow(String receiptNo) {
        return By.xpath("//table[@id='task-table']//tr[.//a[normalize-space()='" + receiptNo + "']]");
    }
}
