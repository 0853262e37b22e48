package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.forms.ResidentIdNumber;
import cn.tongban.identity.UserDirectory;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TestInfrastructure;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Self-registration of applicants over real HTTP: the page (with CSRF, errors beside the fields, values kept but
 * passwords not) and POST /api/accounts, every rule, duplicates, the welcome mail, the Camunda mirror, and a new
 * applicant signing in and applying with the form prefilled from the account.
 */
@TongbanIntegrationTest
class RegistrationTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern KEY = Pattern.compile("name=\"_idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    UserDirectory users;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aCitizenRegistersOnThePageIsMailedSignsInAndAppliesWithTheFormPrefilled() throws Exception {
        Map<String, String> person = newPerson();
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.get("/", "Accept", HTML).body()).contains("href=\"/register\"");
        assertThat(browser.get("/login", "Accept", HTML).body()).contains("href=\"/register\"");
        HttpResponse<String> page = browser.get("/register", "Accept", HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("注册申请人账户", "name=\"idNumber\"", "name=\"passwordConfirmation\"");

        HttpResponse<String> registered = browser.postForm("/register",
                withCsrf(person, TestBrowser.csrfToken(page.body())), "Accept", HTML);

        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String login = browser.get("/login", "Accept", HTML).body();
        assertThat(login).contains("账户 " + person.get("username") + " 已开通",
                "value=\"" + person.get("username") + "\"");

        String username = person.get("username");
        assertThat(users.findUser(username)).hasValueSatisfying(account -> {
            assertThat(account.displayName()).isEqualTo(person.get("realName"));
            assertThat(account.phone()).isEqualTo(person.get("phone"));
            assertThat(account.email()).isEqualTo(person.get("email"));
        });
        assertThat(users.idNumberOf(username)).contains(person.get("idNumber"));
        assertThat(users.groupIdsOf(username)).containsExactly("applicants");
        assertThat(identity.createUserQuery().userId(username).singleResult().getFirstName())
                .isEqualTo(person.get("realName"));
        assertThat(identity.createGroupQuery().groupMember(username).groupId("applicants").count()).isEqualTo(1);
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(person.get("password"));

        MimeMessage welcome = mailTo(person.get("email"));
        assertThat(welcome.getSubject()).isEqualTo("欢迎使用通办");
        assertThat(welcome.getContent().toString()).contains(person.get("realName"), username, "已开通");

        assertThat(browser.login(username, person.get("password")).statusCode()).isEqualTo(302);
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String form = browser.get("/apply/" + DIBAO, "Accept", HTML).body();
        assertThat(form).contains("value=\"" + person.get("realName") + "\"", "value=\"" + person.get("idNumber") + "\"",
                "value=\"" + person.get("phone") + "\"", "value=\"" + person.get("email") + "\"");
        Map<String, String> post = new LinkedHashMap<>();
        post.put("_csrf", TestBrowser.csrfToken(form));
        post.put("_idempotencyKey", find(KEY, form));
        ApplicationData.dibao().forEach((name, value) -> {
            if (!(value instanceof Boolean)) {
                post.put(name, String.valueOf(value));
            }
        });
        HttpResponse<String> applied = browser.postForm("/apply/" + DIBAO, post, "Accept", HTML);
        assertThat(applied.statusCode()).isEqualTo(302);
        String receipt = browser.get(applied.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""), "Accept", HTML).body();
        assertThat(receipt).contains("申请已提交", "受理回执");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant = ?").param(username)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void mistakesOnThePageAreShownBesideEachFieldWithTheValuesKeptButNotThePasswords() {
        TestBrowser browser = new TestBrowser(port);
        String page = browser.get("/register", "Accept", HTML).body();
        Map<String, String> person = newPerson();
        person.put("idNumber", person.get("idNumber").substring(0, 17) + wrongCheck(person.get("idNumber")));
        person.put("phone", "12345");
        person.put("password", "onlyletters");
        person.put("passwordConfirmation", "onlyletters");

        HttpResponse<String> refused = browser.postForm("/register", withCsrf(person, TestBrowser.csrfToken(page)),
                "Accept", HTML);

        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(errorBeside(body, "idNumber")).contains("校验");
        assertThat(errorBeside(body, "phone")).contains("11");
        assertThat(errorBeside(body, "password")).contains("字母和数字");
        assertThat(errorBeside(body, "realName")).isNull();
        assertThat(errorBeside(body, "email")).isNull();
        assertThat(body).contains("value=\"" + person.get("realName") + "\"", "value=\"" + person.get("idNumber") + "\"",
                "value=\"12345\"", "value=\"" + person.get("username") + "\"", "is-invalid")
                .doesNotContain("onlyletters");
        assertThat(users.findUser(person.get("username"))).isEmpty();

        HttpResponse<String> english = browser.postForm("/register?lang=en",
                withCsrf(person, TestBrowser.csrfToken(body)), "Accept", HTML);
        assertThat(errorBeside(english.body(), "password")).contains("letters and digits");
    }

    @Test
    void theRegistrationFormNeedsItsCsrfToken() {
        TestBrowser browser = new TestBrowser(port);
        browser.get("/register", "Accept", HTML);
        Map<String, String> person = newPerson();

        assertThat(browser.postForm("/register", withCsrf(person, "forged"), "Accept", HTML).statusCode())
                .isEqualTo(403);
        assertThat(users.findUser(person.get("username"))).isEmpty();
    }

    @Test
    void theApiOpensAnAccountAndShowsTheIdNumberMasked() {
        Map<String, String> person = newPerson();

        ResponseEntity<JsonNode> created = post(person);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = person.get("idNumber");
        assertThat(created.getBody().get("idNumber").asText()).isEqualTo(id.substring(0, 4) + "**********"
                + id.substring(14));
        assertThat(created.getBody().toString()).doesNotContain(id).doesNotContain(person.get("password"));
        ResponseEntity<JsonNode> mine = http.withBasicAuth(person.get("username"), person.get("password"))
                .getForEntity("/api/applications", JsonNode.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("realName", ""),
                Arguments.of("realName", "<script>alert(1)</script>"),
                Arguments.of("realName", "王\u0000五"),
                Arguments.of("idNumber", ""),
                Arguments.of("idNumber", "41010519880808123"),
                Arguments.of("idNumber", "990105198808081238"),
                Arguments.of("idNumber", "410105198802301238"),
                Arguments.of("idNumber", "410105198808081239"),
                Arguments.of("idNumber", "410105' OR '1'='1"),
                Arguments.of("phone", ""),
                Arguments.of("phone", "1380000000"),
                Arguments.of("phone", "12800000000"),
                Arguments.of("phone", "+8613800000000"),
                Arguments.of("email", ""),
                Arguments.of("email", "not-an-address"),
                Arguments.of("email", "a@" + "b".repeat(300) + ".cn"),
                Arguments.of("username", ""),
                Arguments.of("username", "ab"),
                Arguments.of("username", "Zhang.Wei"),
                Arguments.of("username", "9lives"),
                Arguments.of("username", "a".repeat(33)),
                Arguments.of("username", "robert'); DROP TABLE users;--"),
                Arguments.of("password", ""),
                Arguments.of("password", "abc123"),
                Arguments.of("password", "abcdefghij"),
                Arguments.of("password", "1234567890"),
                Arguments.of("password", "x".repeat(80) + "1"),
                Arguments.of("password", "tab\tin1234"),
                Arguments.of("passwordConfirmation", "something-else-1"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("invalidFields")
    void eachInvalidFieldIsRefusedByNameAndNothingIsStored(String field, String value) {
        Map<String, String> person = newPerson();
        person.put(field, value);
        if (field.equals("password")) {
            person.put("passwordConfirmation", value);
        }

        ResponseEntity<JsonNode> refused = post(person);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        List<String> fields = fieldsOf(refused.getBody());
        assertThat(fields).containsExactly(field);
        assertThat(users.findUser(person.get("username"))).isEmpty();
    }

    @Test
    void aPasswordHoldingTheUsernameIsRefused() {
        Map<String, String> person = newPerson();
        person.put("password", "my" + person.get("username") + "2024");
        person.put("passwordConfirmation", person.get("password"));

        ResponseEntity<JsonNode> refused = post(person, "en");

        assertThat(fieldsOf(refused.getBody())).containsExactly("password");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("username");
    }

    @Test
    void aMissingFieldIsNamedToo() {
        Map<String, String> person = newPerson();
        person.remove("email");

        ResponseEntity<JsonNode> refused = post(person);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldsOf(refused.getBody())).containsExactly("email");
    }

    @Test
    void aTakenUsernameIdNumberOrEmailIsAConflictNamingTheField() {
        Map<String, String> first = newPerson();
        assertThat(post(first).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, String> sameUsername = newPerson();
        sameUsername.put("username", first.get("username").toUpperCase().toLowerCase());
        Map<String, String> sameId = newPerson();
        sameId.put("idNumber", first.get("idNumber"));
        Map<String, String> sameEmail = newPerson();
        sameEmail.put("email", first.get("email").toUpperCase());
        Map<String, String> demoUser = newPerson();
        demoUser.put("username", "zhangsan");
        demoUser.put("email", "zhangsan@example.com");

        assertConflict(post(sameUsername), "username");
        assertConflict(post(sameId), "idNumber");
        assertConflict(post(sameEmail), "email");
        assertConflict(post(demoUser), "username", "email");
        assertThat(users.findUser(sameId.get("username"))).isEmpty();
        assertThat(users.findUser(sameEmail.get("username"))).isEmpty();
    }

    @Test
    void aTakenIdNumberOnThePageIsExplainedBesideTheField() {
        Map<String, String> first = newPerson();
        assertThat(post(first).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        TestBrowser browser = new TestBrowser(port);
        String page = browser.get("/register", "Accept", HTML).body();
        Map<String, String> again = newPerson();
        again.put("idNumber", first.get("idNumber"));

        HttpResponse<String> refused = browser.postForm("/register", withCsrf(again, TestBrowser.csrfToken(page)),
                "Accept", HTML);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(errorBeside(refused.body(), "idNumber")).contains("已注册");
        assertThat(refused.body()).contains("value=\"" + again.get("username") + "\"");
    }

    // ---- helpers

    /** Valid details of a person nobody registered yet. */
    static Map<String, String> newPerson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "410105" + (1950 + random.nextInt(50)) + String.format("%02d%02d", 1 + random.nextInt(12),
                1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        String suffix = Long.toString(random.nextLong(1L << 40), 36);
        Map<String, String> person = new LinkedHashMap<>();
        person.put("realName", "王小明");
        person.put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17));
        person.put("phone", "139" + String.format("%08d", random.nextInt(100_000_000)));
        person.put("email", "new-" + suffix + "@example.cn");
        person.put("username", "wang" + suffix);
        person.put("password", "Secret-" + suffix + "-42");
        person.put("passwordConfirmation", person.get("password"));
        return person;
    }

    private static char wrongCheck(String idNumber) {
        return idNumber.charAt(17) == '0' ? '1' : '0';
    }

    private ResponseEntity<JsonNode> post(Map<String, String> person) {
        return post(person, "zh-CN");
    }

    private ResponseEntity<JsonNode> post(Map<String, String> person, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.exchange("/api/accounts?lang=" + language.replace('-', '_'), HttpMethod.POST,
                new HttpEntity<>(person, headers), JsonNode.class);
    }

    private static void assertConflict(ResponseEntity<JsonNode> response, String... fields) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(fieldsOf(response.getBody())).containsExactlyInAnyOrder(fields);
    }

    private static List<String> fieldsOf(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }

    private static Map<String, String> withCsrf(Map<String, String> person, String token) {
        Map<String, String> form = new LinkedHashMap<>(person);
        form.put("_csrf", token);
        return form;
    }

    /** The error shown at a field of the registration page, or null when it shows none. */
    private static String errorBeside(String page, String field) {
        Matcher error = Pattern.compile("id=\"" + field + "-error\">(.*?)</div>", Pattern.DOTALL).matcher(page);
        return error.find() ? error.group(1) : null;
    }

    private static MimeMessage mailTo(String address) {
        List<MimeMessage> mails = Arrays.stream(TestInfrastructure.receivedMails())
                .filter(mail -> {
                    try {
                        return mail.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s on the page", pattern).isTrue();
        return matcher.group(1);
    }
}
