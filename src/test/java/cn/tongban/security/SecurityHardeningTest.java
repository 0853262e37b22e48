package cn.tongban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.identity.NewUser;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** CSRF, sessions and cookies, login throttling, password hashes and the security headers. */
@TongbanIntegrationTest
class SecurityHardeningTest {

    private static final String CROSS_PROVINCE_INBOUND = "/api/crossprovince/inbound/";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStateChangingFormAndSessionApiCallWithoutCsrfTokenIsRefused() {
        Set<String> writes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                    // partner authorities sign each message and hold no session, so there is no token to forge
                    info.getPatternValues().stream().filter(pattern -> !pattern.startsWith(CROSS_PROVINCE_INBOUND))
                            .forEach(pattern -> writes.add(method + " " + pattern));
                }
            }
        }
        assertThat(writes).contains("POST /apply/{code}", "POST /tasks/{id}/complete", "POST /api/applications");
        List<String> accepted = new ArrayList<>();
        for (String user : List.of("zhangsan", "reviewer.jinshui", "supervisor", "admin")) {
            TestBrowser browser = new TestBrowser(port);
            browser.login(user, "demo");
            for (String write : writes) {
                String method = write.substring(0, write.indexOf(' '));
                String path = write.substring(write.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
                HttpResponse<String> response = browser.send(browser.request(path)
                        .header("Content-Type", path.startsWith("/api/") ? "application/json"
                                : "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(path.startsWith("/api/") ? "{}" : "a=b")));
                if (response.statusCode() != 403) {
                    accepted.add(write + " as " + user + ": " + response.statusCode());
                }
            }
        }
        System.out.printf("[csrf] %d state-changing endpoints x 4 signed-in users without a token: %d not refused%n",
                writes.size(), accepted.size());
        assertThat(accepted).isEmpty();
    }

    @Test
    void theSessionIdChangesAtSignInAndTheCookieIsHttpOnlyAndSameSite() {
        TestBrowser browser = new TestBrowser(port);
        HttpResponse<String> loginPage = browser.get("/login");
        String before = sessionCookie(loginPage).orElseThrow();
        String token = TestBrowser.csrfToken(loginPage.body());
        HttpResponse<String> signedIn = browser.postForm("/login",
                Map.of("username", "zhangsan", "password", "demo", "_csrf", token));

        String after = sessionCookie(signedIn).orElseThrow(() -> new AssertionError("no new session cookie"));
        assertThat(value(after)).isNotEqualTo(value(before));
        assertThat(after).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // Secure is switched on with TONGBAN_COOKIE_SECURE behind HTTPS; this test server speaks plain HTTP
        assertThat(after).doesNotContain("Secure");
    }

    @Test
    void fiveWrongPasswordsLockTheUserAtThatAddressForAWhile() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(new NewUser(username, "限流测试", null, null, Role.APPLICANT, "jinshui", List.of()), "right-one");
        TestBrowser browser = new TestBrowser(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(username, "wrong-" + i).headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = ?").param(username)
                .query(Integer.class).single()).isEqualTo(5);

        HttpResponse<String> locked = browser.login(username, "right-one");
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?locked"));
        assertThat(browser.get("/login?locked").body()).contains("登录失败次数过多");
        HttpResponse<String> basic = browser.get("/api/applications",
                "Authorization", TestBrowser.basic(username, "right-one"));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).contains("登录失败次数过多");

        // others at the same address are not affected
        assertThat(new TestBrowser(port).login("lisi", "demo").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error", "locked"));
    }

    @Test
    void aRightPasswordBeforeTheLimitClearsTheCount() {
        String username = "almost-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(new NewUser(username, "限流测试", null, null, Role.APPLICANT, "jinshui", List.of()), "right-one");
        TestBrowser browser = new TestBrowser(port);
        for (int i = 0; i < 4; i++) {
            browser.login(username, "wrong-" + i);
        }
        assertThat(browser.login(username, "right-one").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error", "locked"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = ?").param(username)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aHugeUserNameIsAWrongPasswordNotAnError() {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.login("x".repeat(10_000), "y").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void everyStoredPasswordIsABcryptHash() {
        List<String> hashes = jdbc.sql("SELECT password_hash FROM users").query(String.class).list();
        assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(hash).matches("\\$2[aby]?\\$1[0-9]\\$.{53}"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        TestBrowser browser = new TestBrowser(port);
        for (String page : List.of("/", "/login", "/services")) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
        // what the layout loads is same-origin, so the policy lets it through
        assertThat(browser.get("/").body()).contains("/webjars/bootstrap/").doesNotContain("<script>");
        assertThat(browser.get("/webjars/bootstrap/js/bootstrap.bundle.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void camundaWebappsKeepTheirOwnContentSecurityPolicy() {
        TestBrowser admin = new TestBrowser(port);
        admin.login("admin", "demo");
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            HttpResponse<String> page = admin.get("/camunda/app/" + app + "/default/");
            assertThat(page.statusCode()).as(app).isEqualTo(200);
            List<String> policies = page.headers().allValues("Content-Security-Policy");
            assertThat(policies).as(app + ": Camunda's policy alone").hasSize(1);
            assertThat(policies.get(0)).doesNotContain("object-src 'none'; base-uri 'self'; form-action 'self'");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    private static String value(String cookie) {
        return cookie.substring(0, cookie.indexOf(';'));
    }
}
