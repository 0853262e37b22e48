package cn.tongban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page of the running application × every kind of user. The endpoints are read from Spring
 * MVC's handler mapping, so one added tomorrow is covered by the safe defaults below without anyone listing it;
 * the known ones have their own expectations. Camunda's REST API, its webapps and the actuator are not MVC
 * handlers and are listed here.
 */
@TongbanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Who {
        ANONYMOUS(null), APPLICANT("zhangsan"), OTHER_APPLICANT("lisi"), REVIEWER_IN_DISTRICT("reviewer.jinshui"),
        REVIEWER_OUT_OF_DISTRICT("reviewer.erqi"), SUPERVISOR("supervisor"), ADMIN("admin");

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    private static final Set<Who> EVERYONE = Set.of(Who.values());
    private static final Set<Who> APPLICANTS = Set.of(Who.APPLICANT, Who.OTHER_APPLICANT);
    private static final Set<Who> REVIEWERS = Set.of(Who.REVIEWER_IN_DISTRICT, Who.REVIEWER_OUT_OF_DISTRICT);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** Paths an anonymous visitor may get a 2xx from; everything else is a sign-in or a 401. */
    private static final String CROSS_PROVINCE_INBOUND = "/api/crossprovince/inbound/";
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/services", "/api/calendar", "/services",
            "/login", "/error", "/v3/api-docs", "/swagger-ui", "/actuator/health");
    /** Staff areas: no applicant ever gets a 2xx here. */
    private static final List<String> STAFF_PREFIXES = List.of("/api/tasks", "/api/sla", "/api/admin", "/engine-rest",
            "/tasks", "/sla", "/actuator/prometheus");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

    private final Map<Who, TestBrowser> sessions = new EnumMap<>(Who.class);
    private final Map<Who, String> csrf = new EnumMap<>(Who.class);
    private String receiptNo;
    private String taskId;

    @BeforeAll
    void casesAndSessions() throws Exception {
        TestBrowser applicant = new TestBrowser(port);
        Map<String, Object> data = SampleApplications.disabilitySubsidies();
        data.put("applicantIdNumber", "410105198001011239");
        data.put("disabilityCertificateNo", "41010519800101123941");
        HttpResponse<String> submitted = applicant.send(applicant.request("/api/applications")
                .header("Authorization", TestBrowser.basic("zhangsan", "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("serviceCode", "disability-subsidies", "data", data)))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        receiptNo = json.readTree(submitted.body()).get("receiptNo").asText();
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(receiptNo).singleResult().getId();
        EngineTime.executeDueJobs(engine.getManagementService(), processInstanceId);
        taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

        for (Who who : Who.values()) {
            TestBrowser browser = new TestBrowser(port);
            if (who.username != null) {
                assertThat(browser.login(who.username, "demo").headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
            }
            sessions.put(who, browser);
            csrf.put(who, TestBrowser.csrfToken(browser.get(who.username == null ? "/login" : "/").body()));
        }
    }

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        boolean writes() {
            return !"GET".equals(method);
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/engine-rest") || pattern.startsWith("/actuator");
        }

        @Override
        public int compareTo(Endpoint other) {
            return (pattern + method).compareTo(other.pattern + other.method);
        }
    }

    @Test
    void everyEndpointTimesEveryoneKeepsToTheRules() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("GET", pattern));
                }
                methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
            }
        }
        assertThat(endpoints).as("the handler mapping knows our controllers")
                .contains(new Endpoint("POST", "/api/applications"), new Endpoint("GET", "/tasks"));
        endpoints.add(new Endpoint("GET", "/engine-rest/engine"));
        endpoints.add(new Endpoint("GET", "/engine-rest/task"));
        endpoints.add(new Endpoint("GET", "/engine-rest/process-instance"));
        endpoints.add(new Endpoint("POST", "/engine-rest/process-definition/key/disability-subsidies/start"));
        endpoints.add(new Endpoint("GET", "/actuator/health"));
        endpoints.add(new Endpoint("GET", "/actuator/prometheus"));

        List<String> violations = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : endpoints) {
            // /error is where the container forwards a failed request, with the failure in request attributes;
            // called directly it has none to report. /logout only ends the caller's own session.
            if (endpoint.pattern().equals("/error") || endpoint.pattern().startsWith("/logout")) {
                continue;
            }
            Set<Who> allowed = allowed(endpoint);
            for (Who who : Who.values()) {
                // a write by someone allowed to write proves nothing here and would change the case under test
                if (endpoint.writes() && allowed.contains(who)) {
                    continue;
                }
                int status = call(endpoint, who);
                requests++;
                String cell = endpoint.method() + " " + endpoint.pattern() + " as " + who + ": " + status;
                if (status >= 500) {
                    violations.add(cell + " (server error)");
                } else if (status >= 200 && status < 300 && !allowed.contains(who)) {
                    violations.add(cell + " (must not succeed)");
                } else if (who == Who.ANONYMOUS && !allowed.contains(who) && !refusesStranger(endpoint, status)) {
                    violations.add(cell + " (a stranger must be sent to sign in)");
                }
            }
        }
        System.out.printf("[access] %d endpoints x %d kinds of user: %d requests, %d violations%n",
                endpoints.size(), Who.values().length, requests, violations.size());
        assertThat(violations).isEmpty();
    }

    @Test
    void thoseWhoMaySucceedDo() {
        assertThat(call(new Endpoint("GET", "/api/applications/{receiptNo}"), Who.APPLICANT)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/applications/{receiptNo}"), Who.APPLICANT)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/api/tasks/{id}"), Who.REVIEWER_IN_DISTRICT)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/tasks/{id}"), Who.REVIEWER_IN_DISTRICT)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/api/sla/summary"), Who.SUPERVISOR)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/engine-rest/engine"), Who.ADMIN)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/services"), Who.ANONYMOUS)).isEqualTo(200);
        assertThat(call(new Endpoint("GET", "/api/services"), Who.ANONYMOUS)).isEqualTo(200);
    }

    @Test
    void camundaWebappsAdmitOnlyWhomTheEngineAuthorizes() {
        for (String app : List.of("cockpit", "admin", "tasklist")) {
            HttpResponse<String> stranger = sessions.get(Who.ANONYMOUS).get("/camunda/app/" + app + "/default/");
            assertThat(stranger.statusCode()).as(app + " for a stranger").isEqualTo(302);
            assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        assertThat(sessions.get(Who.ADMIN).get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        // the webapps' own API answers with what the engine's authorizations allow: an applicant sees no task
        String caseTasks = "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + receiptNo;
        for (Who who : List.of(Who.APPLICANT, Who.OTHER_APPLICANT, Who.REVIEWER_OUT_OF_DISTRICT)) {
            HttpResponse<String> tasks = sessions.get(who).get(caseTasks);
            assertThat(tasks.statusCode()).as(who.name()).isLessThan(500);
            assertThat(tasks.body()).as(who.name()).doesNotContain(taskId);
        }
        // the in-district reviewer is admitted to the webapps' engine API; that his Tasklist shows his tasks is
        // proved by TasklistFiltersTest through the engine, since with several test contexts in one JVM Camunda's
        // static engine registry can hand this context's webapps another context's engine
        assertThat(sessions.get(Who.REVIEWER_IN_DISTRICT).get(caseTasks).statusCode()).isEqualTo(200);
        assertThat(sessions.get(Who.ANONYMOUS).get(caseTasks).statusCode()).isEqualTo(401);
    }

    /**
     * Who may get a 2xx. Known endpoints have their table; an unknown one gets the safe default: strangers only
     * on public paths, applicants never in staff areas, nobody else constrained beyond "no server error".
     */
    private Set<Who> allowed(Endpoint endpoint) {
        String p = endpoint.pattern();
        boolean get = !endpoint.writes();
        if (p.startsWith("/engine-rest") || p.startsWith("/api/admin") || p.startsWith("/actuator/prometheus")) {
            return Set.of(Who.ADMIN);
        }
        if (p.startsWith("/actuator/health")) {
            return EVERYONE;
        }
        if (p.startsWith("/api/applications") || p.startsWith("/applications") || p.startsWith("/apply")) {
            return p.contains("{receiptNo}") ? Set.of(Who.APPLICANT) : APPLICANTS;
        }
        if (p.startsWith("/api/tasks") || p.startsWith("/tasks")) {
            return p.contains("{id}") ? Set.of(Who.REVIEWER_IN_DISTRICT) : union(REVIEWERS, Set.of(Who.SUPERVISOR));
        }
        if (p.startsWith("/api/sla")) {
            return get ? Set.of(Who.SUPERVISOR, Who.ADMIN) : Set.of(Who.SUPERVISOR);
        }
        if ((p.startsWith("/api/services") || p.startsWith("/api/calendar") || p.startsWith("/services")) && get) {
            return EVERYONE;
        }
        if (p.equals("/register") || p.equals("/api/accounts")) {
            // applicants open their own accounts
            return EVERYONE;
        }
        if (p.startsWith(CROSS_PROVINCE_INBOUND)) {
            // partner authorities only, each message proven by its signature: no session or login succeeds here
            return Set.of();
        }
        if (p.equals("/") || p.equals("/login") || p.startsWith("/error") || p.startsWith("/v3/api-docs")
                || p.startsWith("/swagger-ui")) {
            return EVERYONE;
        }
        Set<Who> defaults = new LinkedHashSet<>(EVERYONE);
        if (PUBLIC_PREFIXES.stream().noneMatch(p::startsWith) || !get) {
            defaults.remove(Who.ANONYMOUS);
        }
        if (STAFF_PREFIXES.stream().anyMatch(p::startsWith)) {
            defaults.removeAll(APPLICANTS);
        }
        return defaults;
    }

    private static boolean refusesStranger(Endpoint endpoint, int status) {
        if (endpoint.pattern().startsWith(CROSS_PROVINCE_INBOUND)) {
            // no sign-in to send a partner to: an unsigned message is refused as it stands
            return status >= 400 && status < 500;
        }
        if (endpoint.api()) {
            return status == 401 || status == 403;
        }
        return status == 302 || status == 401 || status == 403;
    }

    private int call(Endpoint endpoint, Who who) {
        String path = expand(endpoint.pattern());
        TestBrowser browser = sessions.get(who);
        HttpRequest.Builder request = browser.request(path);
        boolean basic = endpoint.api();
        if (basic && who.username != null) {
            request.header("Authorization", TestBrowser.basic(who.username, "demo"));
        }
        if (endpoint.writes()) {
            if (endpoint.pattern().startsWith("/api/") || endpoint.pattern().startsWith("/engine-rest")) {
                request.header("Content-Type", "application/json");
                request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded");
                request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.get(who)));
            }
        } else {
            request.GET();
        }
        request.header("Accept", endpoint.api() ? "application/json" : "text/html");
        return browser.send(request).statusCode();
    }

    private String expand(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern.replace("/**", ""));
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1).replaceAll(":.*", "");
            String value = switch (name) {
                case "receiptNo" -> receiptNo;
                case "id" -> taskId;
                case "code" -> "disability-subsidies";
                case "year" -> "2026";
                case "date" -> "2026-01-05";
                default -> "x";
            };
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static Set<Who> union(Set<Who> a, Set<Who> b) {
        Set<Who> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
