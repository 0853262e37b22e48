package cn.tongban.journeys;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's Chromium, headless, for the journeys: a test method that takes a {@link Browser} parameter gets a fresh
 * browser (no cookies, 1280 × 900) pointed at the application of its Spring context, closed after the test.
 *
 * <p>Chromium missing is a failure, not a skip: {@code mvn verify} is meant to walk the journeys. Only
 * {@code -Djourneys.skip=true} skips them, for a machine where Chromium cannot be installed.
 * {@code -Djourneys.chromium} and {@code -Djourneys.chromedriver} name other binaries than Debian's.
 */
public final class Chromium implements ParameterResolver, AfterEachCallback {

    static final String CHROMIUM = System.getProperty("journeys.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("journeys.chromedriver", "/usr/bin/chromedriver");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Assumptions.assumeFalse(Boolean.getBoolean("journeys.skip"),
                "browser journeys skipped on request (-Djourneys.skip=true)");
        String port = SpringExtension.getApplicationContext(extension).getEnvironment()
                .getRequiredProperty("local.server.port");
        ChromeDriver driver = new ChromeDriver(driverService(), options());
        try {
            Browser browser = new Browser(driver, "http://localhost:" + port,
                    Screenshots.forTest(extension.getRequiredTestClass().getSimpleName()));
            extension.getStore(NAMESPACE).put(Browser.class, browser);
            return browser;
        } catch (RuntimeException | AssertionError e) {
            driver.quit();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        Browser browser = extension.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            if (extension.getExecutionException().isPresent()) {
                browser.failureScreenshot(extension.getRequiredTestMethod().getName());
            }
            browser.close();
        }
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // reduced motion: Bootstrap then scrolls without animation, so an element is where it is clicked;
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start;
        // --disable-dev-shm-usage: small /dev/shm in containers crashes tabs
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + Browser.DESKTOP.getWidth() + "," + Browser.DESKTOP.getHeight(),
                "--lang=zh-CN", "--hide-scrollbars", "--force-prefers-reduced-motion", "--no-first-run",
                "--disable-extensions");
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        return options;
    }

    /** A chromedriver process for one browser: quitting the browser stops it. */
    private static ChromeDriverService driverService() {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: the browser journeys need Debian's "
                        + "Chromium and its driver. Install them with\n"
                        + "    sudo apt-get install -y chromium chromium-driver\n"
                        + "(.ci/run does so), name other binaries with -Djourneys.chromium=… and "
                        + "-Djourneys.chromedriver=…, or skip the journeys with -Djourneys.skip=true.");
            }
        }
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogOutput(logFile())
                .build();
    }

    private static OutputStream logFile() {
        try {
            Path log = Screenshots.DIRECTORY.resolve("chromedriver.log");
            Files.createDirectories(log.getParent());
            return Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chromedriver log", e);
        }
    }
}
