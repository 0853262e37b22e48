package cn.tongban.journeys;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A journey through the application in headless Chromium: the whole application as every integration test has it
 * (the same cached context), and a {@link Browser} for each test method that asks for one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TongbanIntegrationTest
@ExtendWith(Chromium.class)
public @interface BrowserJourney {
}
