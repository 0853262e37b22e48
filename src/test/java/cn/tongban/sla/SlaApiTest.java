package cn.tongban.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.identity.NewUser;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import cn.tongban.sla.AllowanceCases.Case;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisors' figures over HTTP, on PostgreSQL: six 低保 cases of 惠济区 in August and September 2024, each
 * driven on the engine to a known SLA state, then counted by the summary and listed by the breaches API; who may
 * see what; bad filters named in a 400. The district is one no other test uses, so the figures are exact.
 */
@TongbanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String FILTER = "service=minimum-living-allowance&from=2024-08-01&to=2024-09-30";
    /** A supervisor of 惠济区 alone. */
    private static final String HUIJI_SUPERVISOR = "supervisor.huiji";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory users;

    AllowanceCases cases;
    TestBrowser browser;
    Case onTime;
    Case late;
    Case overdue;
    Case dueSoon;
    Case onTrack;
    Case stopped;

    /**
     * A closes on time; B is late at its investigation, its county confirmation and as a whole, and closes late;
     * C waits at acceptance past its deadline; E is on its last day; D has just begun; F waits for a correction.
     * The figures are read at 2024-09-13 10:00.
     */
    @BeforeAll
    void sixCasesInHuiji() {
        cases = new AllowanceCases(runtime, tasks, management, jdbc);
        browser = new TestBrowser(port);
        if (users.findUser(HUIJI_SUPERVISOR).isEmpty()) {
            users.createUser(new NewUser(HUIJI_SUPERVISOR, "惠济区督办", "supervisor.huiji@example.com", null,
                    Role.SUPERVISOR, "huiji", List.of("supervisor-huiji")), "demo");
        }

        onTime = cases.applyAt("2024-08-01T09:00:00+08:00", "huiji");
        cases.accept(onTime);
        cases.investigate(onTime);
        cases.reviewInTownship(onTime);
        EngineTime.set("2024-08-09T10:00:00+08:00");
        cases.runJobs(onTime);
        cases.confirmInCounty(onTime);

        late = cases.applyAt("2024-08-01T09:00:00+08:00", "huiji");
        cases.accept(late);
        tasks.claim(cases.task(late, "homeInvestigation").getId(), "reviewer.erqi");
        EngineTime.set("2024-08-07T10:00:00+08:00");
        cases.runJobs(late);
        cases.investigate(late);
        cases.reviewInTownship(late);
        EngineTime.set("2024-08-15T09:00:00+08:00");
        cases.runJobs(late);

        overdue = cases.applyAt("2024-08-01T09:00:00+08:00", "huiji");
        dueSoon = cases.applyAt("2024-08-02T09:00:00+08:00", "huiji");
        onTrack = cases.applyAt("2024-09-13T09:00:00+08:00", "huiji");
        stopped = cases.applyAt("2024-09-13T09:00:00+08:00", "huiji");
        cases.requestCorrection(stopped, "户口簿");

        EngineTime.set("2024-09-13T10:00:00+08:00");
        cases.runJobs(late);
        cases.confirmInCounty(late);
        cases.runJobs(overdue);
        cases.runJobs(dueSoon);
    }

    @AfterEach
    void keepTheClockAtTheReadingTime() {
        EngineTime.set("2024-09-13T10:00:00+08:00");
    }

    @AfterAll
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void theSummaryCountsOnTimeRatesOpenCasesByStateAndBreaches() throws Exception {
        JsonNode summary = ok(get("/api/sla/summary?district=huiji&" + FILTER, "supervisor"));

        assertThat(summary.path("asOf").asText()).isEqualTo("2024-09-13T10:00:00+08:00");
        assertThat(summary.path("filters").path("district").asText()).isEqualTo("huiji");
        JsonNode all = summary.path("cases");
        assertThat(all.path("closed").asInt()).isEqualTo(2);
        assertThat(all.path("closedOnTime").asInt()).isEqualTo(1);
        assertThat(all.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(open(all)).containsExactly(4, 1, 1, 1, 1);
        assertThat(all.path("breaches").asInt()).isEqualTo(4);
        assertThat(summary.path("caseBreaches").asInt()).isEqualTo(2);

        assertThat(summary.path("byService")).singleElement().satisfies(service -> {
            assertThat(service.path("service").asText()).isEqualTo("minimum-living-allowance");
            assertThat(service.path("name").asText()).isEqualTo("最低生活保障");
            assertThat(service.path("closed").asInt()).isEqualTo(2);
            assertThat(service.path("breaches").asInt()).isEqualTo(4);
        });
        assertThat(summary.path("byDistrict")).singleElement().satisfies(district -> {
            assertThat(district.path("district").asText()).isEqualTo("huiji");
            assertThat(district.path("name").asText()).isEqualTo("惠济区");
            assertThat(district.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");
        });

        List<String> steps = new ArrayList<>();
        summary.path("bySteps").forEach(step -> steps.add(step.path("step").asText()));
        assertThat(steps).containsExactly("acceptance", "countyConfirmation", "homeInvestigation", "townshipReview");
        JsonNode acceptance = step(summary, "acceptance");
        // A, B and F's acceptance closed within the case deadline; C, D and E are still at it
        assertThat(acceptance.path("closed").asInt()).isEqualTo(3);
        assertThat(acceptance.path("closedOnTime").asInt()).isEqualTo(3);
        assertThat(open(acceptance)).containsExactly(3, 1, 1, 1, 0);
        assertThat(acceptance.path("breaches").asInt()).isZero();
        JsonNode investigation = step(summary, "homeInvestigation");
        assertThat(investigation.path("name").asText()).isEqualTo("入户调查");
        assertThat(investigation.path("closed").asInt()).isEqualTo(2);
        assertThat(investigation.path("closedOnTime").asInt()).isEqualTo(1);
        assertThat(investigation.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(investigation.path("breaches").asInt()).isEqualTo(1);
        JsonNode county = step(summary, "countyConfirmation");
        assertThat(county.path("closedOnTime").asInt()).isEqualTo(1);
        assertThat(county.path("breaches").asInt()).isEqualTo(1);
        assertThat(step(summary, "townshipReview").path("onTimeRate").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void aPeriodWithoutClosedCasesHasNoRateAndCountsNoBreaches() throws Exception {
        JsonNode summary = ok(get("/api/sla/summary?district=huiji&service=minimum-living-allowance"
                + "&from=2024-10-01&to=2024-10-31", "admin"));

        assertThat(summary.path("cases").path("closed").asInt()).isZero();
        assertThat(summary.path("cases").path("onTimeRate").isNull()).isTrue();
        assertThat(summary.path("cases").path("breaches").asInt()).isZero();
        // open cases are counted as they stand now, whatever the period
        assertThat(summary.path("cases").path("open").path("total").asInt()).isEqualTo(4);
    }

    @Test
    void theBreachesAreListedLatestFirstAndPaged() throws Exception {
        JsonNode page = ok(get("/api/sla/breaches?district=huiji&" + FILTER, "supervisor"));

        assertThat(page.path("total").asInt()).isEqualTo(4);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        List<String> listed = new ArrayList<>();
        page.path("items").forEach(item -> listed.add(item.path("receiptNo").asText() + " " + item.path("step").asText()));
        assertThat(listed).containsExactlyInAnyOrder(late.receiptNo() + " homeInvestigation",
                late.receiptNo() + " countyConfirmation", late.receiptNo() + " case", overdue.receiptNo() + " case");
        JsonNode first = page.path("items").get(3);
        assertThat(first.path("receiptNo").asText()).isEqualTo(late.receiptNo());
        assertThat(first.path("step").asText()).isEqualTo("homeInvestigation");
        assertThat(first.path("stepName").asText()).isEqualTo("入户调查");
        assertThat(first.path("service").asText()).isEqualTo("minimum-living-allowance");
        assertThat(first.path("serviceName").asText()).isEqualTo("最低生活保障");
        assertThat(first.path("district").asText()).isEqualTo("huiji");
        assertThat(first.path("districtName").asText()).isEqualTo("惠济区");
        assertThat(first.path("assignee").asText()).isEqualTo("reviewer.erqi");
        assertThat(first.path("deadline").asText()).isEqualTo("2024-08-06T17:30:00+08:00");
        assertThat(first.path("detectedAt").asText()).isEqualTo("2024-08-07T10:00:00+08:00");
        JsonNode whole = page.path("items").get(0);
        assertThat(whole.path("step").asText()).isEqualTo("case");
        assertThat(whole.path("stepName").asText()).isEqualTo("整案办结期限");
        assertThat(whole.path("deadline").asText()).isEqualTo("2024-09-12T17:30:00+08:00");
        assertThat(whole.path("detectedAt").asText()).isEqualTo("2024-09-13T10:00:00+08:00");

        JsonNode second = ok(get("/api/sla/breaches?district=huiji&page=1&size=3&" + FILTER, "supervisor"));
        assertThat(second.path("total").asInt()).isEqualTo(4);
        assertThat(second.path("items")).singleElement()
                .satisfies(item -> assertThat(item.path("step").asText()).isEqualTo("homeInvestigation"));
    }

    @Test
    void aDistrictSupervisorSeesTheirDistrictAndSupervisorsAndAdministratorsOnly() throws Exception {
        JsonNode everywhere = ok(get("/api/sla/summary?district=huiji&" + FILTER, "admin"));
        JsonNode own = ok(get("/api/sla/summary?" + FILTER, HUIJI_SUPERVISOR));
        assertThat(own.path("cases")).isEqualTo(everywhere.path("cases"));
        assertThat(own.path("byDistrict")).singleElement()
                .satisfies(district -> assertThat(district.path("district").asText()).isEqualTo("huiji"));
        assertThat(ok(get("/api/sla/breaches?" + FILTER, HUIJI_SUPERVISOR)).path("total").asInt()).isEqualTo(4);

        HttpResponse<String> otherDistrict = get("/api/sla/summary?district=erqi", HUIJI_SUPERVISOR);
        assertThat(otherDistrict.statusCode()).isEqualTo(403);
        assertThat(otherDistrict.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        for (String path : List.of("/api/sla/summary", "/api/sla/breaches")) {
            assertThat(get(path, "zhangsan").statusCode()).as("applicant " + path).isEqualTo(403);
            assertThat(get(path, "reviewer.jinshui").statusCode()).as("reviewer " + path).isEqualTo(403);
            assertThat(browser.get(path).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(get(path, "supervisor").statusCode()).as("supervisor " + path).isEqualTo(200);
        }
    }

    @Test
    void aDistrictSupervisorExtendsNoCaseOfAnotherDistrict() {
        Case elsewhere = cases.apply("jinshui");

        HttpResponse<String> refused = browser.send(browser.request("/api/sla/cases/" + elsewhere.receiptNo()
                        + "/extension")
                .header("Authorization", TestBrowser.basic(HUIJI_SUPERVISOR, "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"理由\"}")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(runtime.getVariable(elsewhere.id(), "caseExtended")).isNull();
    }

    @Test
    void theEndpointsAreDescribedByOpenApi() throws Exception {
        JsonNode paths = ok(browser.get("/v3/api-docs")).path("paths");

        assertThat(paths.has("/api/sla/summary")).isTrue();
        assertThat(paths.has("/api/sla/breaches")).isTrue();
        assertThat(paths.path("/api/sla/cases/{receiptNo}/extension").has("post")).isTrue();
    }

    @Test
    void badFiltersAreNamedInA400() throws Exception {
        assertThat(badFields("/api/sla/summary?service=no-such-service&district=atlantis&from=2024-13-01"))
                .containsExactlyInAnyOrder("service", "district", "from");
        assertThat(badFields("/api/sla/summary?from=2024-08-01&to=2024-07-31")).containsExactly("to");
        assertThat(badFields("/api/sla/breaches?page=-1&size=0")).containsExactlyInAnyOrder("page", "size");
        assertThat(badFields("/api/sla/breaches?size=101&to=yesterday")).containsExactlyInAnyOrder("size", "to");
    }

    private List<String> badFields(String path) throws Exception {
        HttpResponse<String> response = get(path, "supervisor");
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        return json.readTree(response.body()).path("errors").findValuesAsText("field");
    }

    private HttpResponse<String> get(String path, String user) {
        return browser.get(path, "Authorization", TestBrowser.basic(user, "demo"), "Accept", "application/json");
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** total, on track, due soon, overdue, clock stopped. */
    private static List<Integer> open(JsonNode figures) {
        JsonNode open = figures.path("open");
        return List.of(open.path("total").asInt(), open.path("onTrack").asInt(), open.path("dueSoon").asInt(),
                open.path("overdue").asInt(), open.path("clockStopped").asInt());
    }

    private static JsonNode step(JsonNode summary, String step) {
        for (JsonNode row : summary.path("bySteps")) {
            if (step.equals(row.path("step").asText())) {
                return row;
            }
        }
        throw new AssertionError("no step " + step + " in " + summary.path("bySteps"));
    }

    /** The rows the test set up exist as described; a failure here points at the set-up, not at the API. */
    @Test
    void theCasesAreWhereTheSetUpLeftThem() {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(onTime.id()).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(late.id()).count()).isZero();
        assertThat(cases.caseRow(onTime)).containsEntry("on_time", true);
        assertThat(cases.caseRow(late)).containsEntry("on_time", false);
        assertThat(runtime.getActiveActivityIds(stopped.id())).containsExactly("correctionAnswered");
        assertThat(cases.breaches(overdue)).extracting(row -> row.get("step_id")).containsExactly("case");
        assertThat(cases.breaches(late)).hasSize(3);
    }
}
