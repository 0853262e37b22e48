package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TongbanIntegrationTest
class SecurityTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    TestBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new TestBrowser(port);
    }

    // Camunda engine REST API

    @Test
    void engineRestWithoutCredentialsIsUnauthorized() throws Exception {
        HttpResponse<String> response = browser.get("/engine-rest/engine");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertProblem(response, 401);
    }

    @Test
    void engineRestIsForAdministratorsOnly() throws Exception {
        HttpResponse<String> response = browser.get("/engine-rest/engine",
                "Authorization", TestBrowser.basic("reviewer.jinshui", "demo"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403);
    }

    @Test
    void engineRestAnswersAdministrators() {
        HttpResponse<String> response = browser.get("/engine-rest/engine",
                "Authorization", TestBrowser.basic("admin", "demo"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"default\"");
    }

    @Test
    void engineRestRunsAsTheSignedInUser() throws Exception {
        // this Camunda resource answers 401 by itself unless the engine has a current authentication
        HttpResponse<String> response = browser.get(
                "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=Application"
                        + "&resourceType=0&resourceId=cockpit",
                "Authorization", TestBrowser.basic("admin", "demo"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("authorized").asBoolean()).isTrue();
    }

    @Test
    void engineRestRejectsWrongPasswords() {
        assertThat(browser.get("/engine-rest/engine", "Authorization", TestBrowser.basic("admin", "wrong"))
                .statusCode()).isEqualTo(401);
    }

    // our API

    @Test
    void apiWithoutCredentialsIsUnauthorizedProblem() throws Exception {
        HttpResponse<String> response = browser.get("/api/applications");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/applications");
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void apiWithWrongPasswordIsUnauthorized() throws Exception {
        HttpResponse<String> response = browser.get("/api/applications",
                "Authorization", TestBrowser.basic("zhangsan", "not-demo"));

        assertProblem(response, 401);
    }

    @Test
    void adminApiIsForAdministratorsOnly() throws Exception {
        HttpResponse<String> response = browser.get("/api/admin/users",
                "Authorization", TestBrowser.basic("zhangsan", "demo"));

        assertProblem(response, 403);
    }

    @Test
    void publicApisNeedNoCredentials() {
        assertThat(browser.get("/api/calendar/days/2024-10-01").statusCode()).isNotIn(401, 403);
        assertThat(browser.get("/api/services").statusCode()).isNotIn(401, 403);
        assertThat(browser.get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    @Test
    void apiWritesInASignedInSessionNeedTheCsrfToken() {
        browser.login("zhangsan", "demo");
        HttpRequest.Builder withoutToken = browser.request("/api/applications")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(browser.send(withoutToken).statusCode()).isEqualTo(403);

        String token = TestBrowser.csrfToken(browser.get("/").body());
        HttpRequest.Builder withToken = browser.request("/api/applications")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(browser.send(withToken).statusCode()).isNotIn(401, 403);
    }

    @Test
    void apiWritesWithBasicNeedNoCsrfToken() {
        HttpRequest.Builder request = browser.request("/api/applications")
                .header("Content-Type", "application/json")
                .header("Authorization", TestBrowser.basic("zhangsan", "demo"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(browser.send(request).statusCode()).isNotIn(401, 403);
    }

    // pages and form login

    @Test
    void loginPageIsChineseFirst() {
        HttpResponse<String> response = browser.get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("lang=\"zh-CN\"", "登录", "用户名", "密码", "name=\"_csrf\"");
    }

    @Test
    void formLoginSignsInAndRedirectsHome() {
        HttpResponse<String> login = browser.login("zhangsan", "demo");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
        String home = browser.get("/").body();
        assertThat(home).contains("zhangsan", "您已作为申请人登录").doesNotContain("/camunda/app/cockpit");
    }

    @Test
    void formLoginWithoutCsrfTokenIsRefused() {
        browser.get("/login");
        HttpResponse<String> response = browser.postForm("/login", Map.of("username", "zhangsan", "password", "demo"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPage() {
        HttpResponse<String> response = browser.login("zhangsan", "not-demo");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void logoutEndsTheSession() {
        browser.login("admin", "demo");
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);

        String token = TestBrowser.csrfToken(browser.get("/").body());
        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", token));

        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?logout"));
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
    }

    // Camunda webapps

    @Test
    void camundaWebappsSendStrangersToOurLogin() {
        HttpResponse<String> response = browser.get("/camunda/app/tasklist/default/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void camundaWebappsKnowTheReviewerWithoutSecondLogin() throws Exception {
        browser.login("reviewer.jinshui", "demo");

        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        JsonNode user = json.readTree(browser.get("/camunda/api/admin/auth/user/default").body());
        assertThat(user.path("userId").asText()).isEqualTo("reviewer.jinshui");
        assertThat(user.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void camundaCockpitOpensForAdministrators() throws Exception {
        browser.login("admin", "demo");

        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        JsonNode user = json.readTree(browser.get("/camunda/api/admin/auth/user/default").body());
        assertThat(user.path("userId").asText()).isEqualTo("admin");
        assertThat(user.path("authorizedApps").toString()).contains("cockpit", "admin", "tasklist");
    }

    @Test
    void camundaFirstAdminSetupIsClosed() {
        browser.login("admin", "demo");
        HttpRequest.Builder request = browser.request("/camunda/api/admin/setup/default/user/create")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"));

        assertThat(browser.send(request).statusCode()).isEqualTo(403);
    }

    // actuator

    @Test
    void healthIsPublicTheRestOfActuatorIsForAdministrators() {
        assertThat(browser.get("/actuator/health").statusCode()).isNotIn(401, 403);
        assertThat(browser.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(browser.get("/actuator/info").statusCode()).isEqualTo(401);
        assertThat(browser.get("/actuator/info", "Authorization", TestBrowser.basic("zhangsan", "demo"))
                .statusCode()).isEqualTo(403);
        assertThat(browser.get("/actuator/info", "Authorization", TestBrowser.basic("admin", "demo"))
                .statusCode()).isEqualTo(200);
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
