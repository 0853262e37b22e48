package cn.tongban.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: opens pages, signs in and out, fills fields by their names, follows links and buttons,
 * uploads files, uses the keyboard alone, and takes screenshots. Every action that loads a page waits until the
 * new page has replaced the old one; nothing sleeps.
 */
public final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(375, 812);
    /** Password of every demo account. */
    static final String DEMO_PASSWORD = "demo";

    private final ChromeDriver driver;
    private final String base;
    private final Screenshots screenshots;
    private final WebDriverWait wait;
    /** The phone's viewport while one is emulated. */
    private Dimension emulated;

    Browser(ChromeDriver driver, String base, Screenshots screenshots) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        resize(DESKTOP);
    }

    /** Opens a path of the application, e.g. {@code /services?lang=en}. */
    public Browser open(String path) {
        driver.get(base + path);
        awaitLoaded();
        return this;
    }

    /** The path and query of the page shown. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String title() {
        return driver.getTitle();
    }

    /** The text a person reads on the page. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String text(By by) {
        return find(by).getText().strip();
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public <T> T waitFor(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** Signs in to a demo account through the login form, from the login page or any page that led there. */
    public Browser signIn(String username) {
        return signIn(username, DEMO_PASSWORD);
    }

    /** Signs in through the login form, from the login page or any page that led there. */
    public Browser signIn(String username, String password) {
        if (!path().startsWith("/login")) {
            open("/login");
        }
        fill("username", username);
        fill("password", password);
        submitWith(By.cssSelector("main form button[type=submit]"));
        assertThat(path()).as("signed in as " + username).doesNotStartWith("/login");
        return this;
    }

    /** Signs out with the button in the navigation bar (behind the menu button on a phone). */
    public Browser signOut() {
        By button = By.cssSelector("header form[action$='/logout'] button");
        openMenuIfCollapsed(button);
        submitWith(button);
        assertThat(path()).startsWith("/login");
        return this;
    }

    /** Follows a link of the main navigation by its text, opening the phone menu first where needed. */
    public Browser navigate(String linkText) {
        By link = By.xpath("//header//a[normalize-space()='" + linkText + "']");
        openMenuIfCollapsed(link);
        return clickToLoad(link);
    }

    /** Clicks a link or button that loads another page, and waits for it. */
    public Browser clickToLoad(By by) {
        WebElement target = clickable(by);
        WebElement html = driver.findElement(By.tagName("html"));
        target.click();
        wait.until(ExpectedConditions.stalenessOf(html));
        awaitLoaded();
        return this;
    }

    /**
     * Clicks an element of a script-driven page (such as Camunda's webapps) as soon as it is there and takes the
     * click, however often the page redraws it meanwhile.
     */
    public Browser clickWhenReady(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
        return this;
    }

    /** Follows the link with this exact text. */
    public Browser follow(String linkText) {
        return clickToLoad(By.xpath("//a[normalize-space()='" + linkText + "']"));
    }

    /** Presses the submit button of a form and waits for the page that answers. */
    public Browser submitWith(By button) {
        return clickToLoad(button);
    }

    /**
     * Presses a submit button whose form asks "are you sure?" first, says yes, and waits for the page that answers.
     *
     * @return the question the page asked
     */
    public String submitConfirming(By button) {
        WebElement html = driver.findElement(By.tagName("html"));
        clickable(button).click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        String asked = question.getText();
        question.accept();
        wait.until(ExpectedConditions.stalenessOf(html));
        awaitLoaded();
        return asked;
    }

    /**
     * What following a download link fetches: the link's address, requested with this browser's session cookies,
     * as the browser would when saving the file (headless Chromium keeps downloads out of reach of the page).
     */
    public HttpResponse<byte[]> download(By link) {
        String href = find(link).getDomProperty("href");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Types into the field of this name, replacing what it held. */
    public Browser fill(String name, String text) {
        WebElement field = clickable(By.name(name));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Types a date into the date field of this name, in the order of the browser's language. */
    public Browser fillDate(String name, LocalDate date) {
        String language = (String) js("return navigator.language;");
        String keys = date.format(DateTimeFormatter.ofPattern(language.startsWith("en") ? "MMddyyyy" : "yyyyMMdd"));
        clickable(By.name(name)).sendKeys(keys);
        assertThat(find(By.name(name)).getDomProperty("value")).as(name).isEqualTo(date.toString());
        return this;
    }

    /** Picks an option of the drop-down of this name by the text it shows. */
    public Browser choose(String name, String optionText) {
        new Select(clickable(By.name(name))).selectByVisibleText(optionText);
        return this;
    }

    /** Picks the radio button or ticks the checkbox of this name and value, by clicking its label. */
    public Browser pick(String name, String value) {
        return check(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    }

    /** Ticks the checkbox (or picks the radio button) whose label reads exactly this. */
    public Browser tickLabelled(String labelText) {
        String id = find(By.xpath("//label[normalize-space()='" + labelText + "']")).getAttribute("for");
        return check(By.id(id));
    }

    /** Gives the file input of this name a file, as choosing it in the file dialog does. */
    public Browser attach(String name, Path file) {
        find(By.name(name)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    private Browser check(By by) {
        WebElement box = find(by);
        if (!box.isSelected()) {
            clickable(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
        }
        assertThat(box.isSelected()).as(by + " chosen").isTrue();
        return this;
    }

    public Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The keyboard alone: Tab to a field, type, Enter. */
    public Keyboard keyboard() {
        return new Keyboard();
    }

    /** A phone held upright: 375 CSS pixels wide. */
    public Browser phone() {
        return resize(PHONE);
    }

    public Browser desktop() {
        return resize(DESKTOP);
    }

    /** The width of the page's viewport in CSS pixels. */
    public long viewportWidth() {
        return ((Number) js("return window.innerWidth;")).longValue();
    }

    /** A screenshot of the whole page to {@code target/journeys/<name>.png}. */
    public Browser screenshot(String name) {
        screenshots.save(name, fullPage());
        return this;
    }

    /** A screenshot that the README shows: also written where {@code -Djourneys.screenshots} points. */
    public Browser readmeScreenshot(String name) {
        screenshots.saveForReadme(name, fullPage());
        return this;
    }

    void failureScreenshot(String testName) {
        screenshots.saveFailure(testName, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private Browser resize(Dimension size) {
        // a window cannot be narrower than 500 px; a phone's viewport is emulated, as the developer tools do
        // (without mobile mode, so the viewport is 375 px on any page, with or without a viewport meta tag)
        if (size.getWidth() < 500) {
            emulate(size.getWidth(), size.getHeight());
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.manage().window().setSize(size);
        }
        emulated = size.getWidth() < 500 ? size : null;
        assertThat(viewportWidth()).as("viewport width").isEqualTo(size.getWidth());
        return this;
    }

    private void emulate(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The page from its top at full height, then the viewport and scroll position back as they were. */
    private byte[] fullPage() {
        Dimension before = driver.manage().window().getSize();
        Object scrolled = js("return [window.scrollX, window.scrollY];");
        int height = (int) Math.min(4000,
                ((Number) js("return Math.ceil(document.documentElement.scrollHeight);")).longValue());
        if (emulated != null) {
            emulate(emulated.getWidth(), Math.max(height, emulated.getHeight()));
        } else if (height > before.getHeight()) {
            driver.manage().window().setSize(new Dimension(before.getWidth(), height));
        }
        js("window.scrollTo({top: 0, left: 0, behavior: 'instant'});");
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        if (emulated != null) {
            emulate(emulated.getWidth(), emulated.getHeight());
        } else {
            driver.manage().window().setSize(before);
        }
        js("window.scrollTo({left: arguments[0][0], top: arguments[0][1], behavior: 'instant'});", scrolled);
        return png;
    }

    private WebElement clickable(By by) {
        WebElement element = find(by);
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return wait.until(ExpectedConditions.elementToBeClickable(element));
    }

    private void openMenuIfCollapsed(By target) {
        if (!find(target).isDisplayed()) {
            find(By.cssSelector(".navbar-toggler")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(target));
        }
    }

    private void awaitLoaded() {
        wait.until(d -> "complete".equals(js("return document.readyState;")));
    }

    /** Key presses sent to whatever has the focus, as a person without a mouse works. */
    public final class Keyboard {

        private static final int MAX_TABS = 150;

        /** Presses Tab until the field of this name has the focus; fails if Tab never gets there. */
        public Keyboard tabTo(String name) {
            return tabTo(By.name(name));
        }

        /** Presses Tab until the element has the focus; fails if Tab never gets there. */
        public Keyboard tabTo(By by) {
            WebElement target = find(by);
            for (int presses = 0; presses < MAX_TABS; presses++) {
                if (Boolean.TRUE.equals(js("return document.activeElement === arguments[0];", target))) {
                    return this;
                }
                press(Keys.TAB);
            }
            throw new AssertionError("Tab never reaches " + by + " on " + path());
        }

        /** Types into the focused element (a drop-down picks the option the typed text starts). */
        public Keyboard type(CharSequence text) {
            new Actions(driver).sendKeys(text).perform();
            return this;
        }

        /** Enter on a field or button that submits its form; waits for the page that answers. */
        public Keyboard enterToSubmit() {
            WebElement html = driver.findElement(By.tagName("html"));
            press(Keys.ENTER);
            wait.until(ExpectedConditions.stalenessOf(html));
            awaitLoaded();
            return this;
        }

        private Keyboard press(Keys key) {
            new Actions(driver).sendKeys(key).perform();
            return this;
        }
    }
}
