package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running application serves our translations and locale settings in place of the webjar's. */
@TongbanIntegrationTest
class CamundaWebappLocalesServedTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    TestBrowser browser;

    @BeforeEach
    void signIn() {
        browser = new TestBrowser(port);
        assertThat(browser.login("reviewer.jinshui", "demo").statusCode()).isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebappLoadsOurChineseTranslation(String app) throws IOException {
        HttpResponse<String> served = browser.get("/camunda/app/" + app + "/locales/zh.json");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(json.readTree(served.body())).isEqualTo(json.readTree(classpath(app + "/locales/zh.json")));
        JsonNode labels = json.readTree(served.body()).get("labels");
        assertThat(labels.size()).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebappIsConfiguredToOfferChinese(String app) throws IOException {
        HttpResponse<String> served = browser.get("/camunda/app/" + app + "/scripts/config.js");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(classpath(app + "/scripts/config.js"))
                .contains("availableLocales: ['zh', 'en']");
    }

    private String classpath(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream(CamundaWebappLocalesTest.APP + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
