package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@TongbanIntegrationTest
class PagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    TestBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new TestBrowser(port);
    }

    @Test
    void homePageIsPublicAndChineseFirst() {
        HttpResponse<String> home = browser.get("/", "Accept", HTML);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("lang=\"zh-CN\"", "通办", "最低生活保障", "href=\"/login\"",
                "/api/calendar/days/", "/swagger-ui.html", "?lang=en");
    }

    @Test
    void apiDocumentationLinkLeadsToSwaggerUi() {
        HttpResponse<String> redirect = browser.get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();

        assertThat(browser.get(location.replaceFirst("^https?://[^/]+", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void layoutAssetsAreServed() {
        String home = browser.get("/").body();
        Matcher stylesheet = Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+\\.css)\"").matcher(home);
        assertThat(stylesheet.find()).isTrue();

        HttpResponse<String> bootstrap = browser.get(stylesheet.group(1));
        assertThat(bootstrap.statusCode()).isEqualTo(200);
        assertThat(bootstrap.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(browser.get("/css/tongban.css").statusCode()).isEqualTo(200);
        assertThat(browser.get("/webjars/bootstrap/js/bootstrap.bundle.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void languageSwitchIsRemembered() {
        HttpResponse<String> english = browser.get("/?lang=en");

        assertThat(english.body()).contains("lang=\"en\"", "Tongban: civil-affairs services online");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tongban-lang=en"));
        assertThat(browser.get("/login").body()).contains("User name", "Password");

        assertThat(browser.get("/?lang=zh_CN").body()).contains("通办：民政事项网上办理");
        assertThat(browser.get("/login").body()).contains("用户名");
    }

    @Test
    void unknownOrBrokenLanguagesFallBackToChinese() {
        HttpResponse<String> broken = browser.get("/?lang=%25%25_!!");
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).contains("通办：民政事项网上办理");

        assertThat(browser.get("/?lang=fr").body()).contains("lang=\"zh-CN\"");
    }

    @Test
    void eachRoleSeesItsOwnLinks() {
        browser.login("admin", "demo");
        assertThat(browser.get("/").body()).contains("/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/camunda/app/tasklist/default/", "name=\"_csrf\"");

        TestBrowser reviewer = new TestBrowser(port);
        reviewer.login("county.jinshui", "demo");
        assertThat(reviewer.get("/").body()).contains("/camunda/app/tasklist/default/", "您的待办任务在任务清单中")
                .doesNotContain("/camunda/app/cockpit/default/");

        TestBrowser supervisor = new TestBrowser(port);
        supervisor.login("supervisor", "demo");
        // supervisors have tasks of their own (second correction notices, follow-ups of poor ratings)
        assertThat(supervisor.get("/").body()).contains("督办人员", "/camunda/app/tasklist/default/")
                .doesNotContain("/camunda/app/cockpit/default/");
    }

    @Test
    void missingPagesGetTheErrorPage() {
        browser.login("zhangsan", "demo");

        HttpResponse<String> chinese = browser.get("/no-such-page", "Accept", HTML);
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(chinese.body()).contains("找不到您要的页面", "返回首页");

        browser.get("/?lang=en");
        assertThat(browser.get("/no-such-page", "Accept", HTML).body()).contains("does not exist");
    }

    @Test
    void forbiddenPagesGetTheErrorPage() {
        browser.login("zhangsan", "demo");

        HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/", "Accept", HTML);

        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("您没有权限访问这里");
    }

    @Test
    void machinesGetProblemDetailsForMissingResources() {
        HttpResponse<String> response = browser.get("/api/no-such-resource",
                "Authorization", TestBrowser.basic("zhangsan", "demo"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> login = browser.get("/login");

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }
}
