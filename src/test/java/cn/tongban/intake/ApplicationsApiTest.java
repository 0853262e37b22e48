package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static cn.tongban.intake.ApplicationData.DISABILITY;
import static cn.tongban.intake.ApplicationData.MARRIAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.tongban.calendar.CalendarService;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST and GET /api/applications over real HTTP on the running application: a receipt for each service with its
 * committed deadline, every kind of bad input refused with nothing stored, idempotent submissions (one after the
 * other and at the same moment), and each applicant seeing only their own cases.
 */
@TongbanIntegrationTest
class ApplicationsApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    CalendarService calendar;

    ApplicantClient zhangsan;
    ApplicantClient lisi;

    @BeforeEach
    void clients() {
        zhangsan = new ApplicantClient(http, "zhangsan");
        lisi = new ApplicantClient(http, "lisi");
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aMinimumLivingAllowanceApplicationGetsAReceiptNumberAndTheThirtyWorkingDayDeadline() {
        // Friday before the 2023 Spring Festival: the festival week is off, 01-28 and 01-29 are make-up days
        EngineTime.set("2023-01-20T10:00:00+08:00");

        ResponseEntity<JsonNode> response = zhangsan.submit(DIBAO, ApplicationData.dibao());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode receipt = response.getBody();
        String receiptNo = receipt.path("receiptNo").asText();
        assertThat(receiptNo).matches("DB-20230120-\\d{4}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/applications/" + receiptNo);
        assertThat(receipt.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(time(receipt, "acceptedAt")).isEqualTo("2023-01-20T10:00:00+08:00");
        assertThat(time(receipt, "deadline")).isEqualTo("2023-03-08T17:30:00+08:00");
        assertThat(receipt.path("provisional").asBoolean()).isFalse();

        ProcessInstance instance = caseOf(receiptNo);
        assertThat(instance.getProcessDefinitionId()).startsWith(DIBAO + ":");
        Map<String, Object> variables = runtime.getVariables(instance.getId());
        assertThat(variables)
                .containsEntry("applicantName", "张三")
                .containsEntry("applicantIdNumber", "410105198808081238")
                .containsEntry("householdMembers", 3)
                .containsEntry("declaredMonthlyIncome", 1500.5)
                .containsEntry("locale", "zh-CN")
                .containsEntry("acceptedAt", Date.from(OffsetDateTime.parse("2023-01-20T10:00:00+08:00").toInstant()));
        assertThat(jdbc.sql("SELECT applicant FROM application WHERE receipt_no = :r").param("r", receiptNo)
                .query(String.class).single()).isEqualTo("zhangsan");
    }

    @Test
    void receiptNumbersOfAServiceCountUpWithinTheDay() {
        EngineTime.set("2023-01-20T11:00:00+08:00");
        String first = zhangsan.submit(DIBAO, ApplicationData.dibao()).getBody().path("receiptNo").asText();
        String second = lisi.submit(DIBAO, ApplicationData.dibao()).getBody().path("receiptNo").asText();

        assertThat(serial(second)).isEqualTo(serial(first) + 1);
        assertThat(second).startsWith("DB-20230120-");
    }

    @Test
    void aDisabilitySubsidiesApplicationTakesTheMailAddressOfTheAccountWhenTheFormHasNone() {
        EngineTime.set("2025-09-30T10:00:00+08:00");

        ResponseEntity<JsonNode> response = zhangsan.submit(DISABILITY, ApplicationData.disability());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String receiptNo = response.getBody().path("receiptNo").asText();
        assertThat(receiptNo).matches("CJ-20250930-\\d{4}");
        // 16 working days across National Day; 10-11 is a make-up Saturday
        assertThat(time(response.getBody(), "deadline")).isEqualTo("2025-10-29T17:30:00+08:00");
        Map<String, Object> variables = runtime.getVariables(caseOf(receiptNo).getId());
        assertThat(variables).containsEntry("applicantEmail", "zhangsan@example.com")
                .containsEntry("applicantName", "赵建国")
                .containsEntry("hukouLocal", true);
    }

    @Test
    void aMarriageAppointmentIsCommittedForTheEndOfBusinessOfItsDay() {
        Optional<LocalDate> day = ApplicationData.nextOfficeDay(calendar.current(),
                LocalDate.now(calendar.current().zone()));
        assumeTrue(day.isPresent(), "no office day with published holidays in the next weeks");

        ResponseEntity<JsonNode> response = zhangsan.submit(MARRIAGE, ApplicationData.marriage(day.get()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("receiptNo").asText()).matches("HY-\\d{8}-\\d{4}");
        assertThat(time(response.getBody(), "deadline")).isEqualTo(day.get() + "T17:30:00+08:00");
    }

    @Test
    void aMarriageAppointmentOnADayTheOfficeIsClosedIsRefusedWithTheProcesssReasonAndNothingIsKept() {
        LocalDate today = LocalDate.now(calendar.current().zone());
        LocalDate closed = Stream.iterate(today.plusDays(1), d -> d.plusDays(1)).limit(20)
                .filter(d -> calendar.current().isLoaded(d.getYear()) && !calendar.current().isWorkingDay(d))
                .findFirst().orElse(null);
        assumeTrue(closed != null, "no closed day with published holidays in the next weeks");

        ResponseEntity<JsonNode> response = nothingStored(() ->
                zhangsan.submit(MARRIAGE, ApplicationData.marriage(closed)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).containsKey("data");
        assertThat(errors(response).get("data")).contains(closed.toString(), "不办公");
    }

    static Stream<Arguments> badApplications() {
        return Stream.of(
                Arguments.of("a required field is missing", "data.applicantName",
                        (Consumer<Map<String, Object>>) data -> data.remove("applicantName")),
                Arguments.of("the ID number's check digit is wrong", "data.applicantIdNumber",
                        (Consumer<Map<String, Object>>) data -> data.put("applicantIdNumber", "410105198808081239")),
                Arguments.of("the phone is no mobile number", "data.applicantPhone",
                        (Consumer<Map<String, Object>>) data -> data.put("applicantPhone", "0371-1234567")),
                Arguments.of("a field the form does not have", "data.favouriteColour",
                        (Consumer<Map<String, Object>>) data -> data.put("favouriteColour", "red")),
                Arguments.of("a number given as text", "data.householdMembers",
                        (Consumer<Map<String, Object>>) data -> data.put("householdMembers", "three")),
                Arguments.of("an option the form does not offer", "data.district",
                        (Consumer<Map<String, Object>>) data -> data.put("district", "haidian")),
                Arguments.of("an amount below zero", "data.declaredMonthlyIncome",
                        (Consumer<Map<String, Object>>) data -> data.put("declaredMonthlyIncome", -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApplications")
    void badDataIsRefusedNamingTheFieldAndNothingIsStored(String why, String field,
                                                          Consumer<Map<String, Object>> spoil) {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        Map<String, Object> data = ApplicationData.dibao();
        spoil.accept(data);

        ResponseEntity<JsonNode> response = nothingStored(() -> zhangsan.submit(DIBAO, data));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(errors(response)).containsOnlyKeys(field);
        assertThat(errors(response).get(field)).isNotBlank();
    }

    @Test
    void anUnknownServiceIsRefusedNamingTheServiceCode() {
        ResponseEntity<JsonNode> response = nothingStored(() ->
                zhangsan.submit("passport", ApplicationData.dibao()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).containsOnlyKeys("serviceCode");
    }

    @Test
    void aRequestOfTheWrongShapeIsRefusedNamingWhatIsWrong() {
        assertThat(errors(nothingStored(() -> zhangsan.submitRaw("{\"serviceCode\": \"" + DIBAO + "\"}"))))
                .containsOnlyKeys("data");
        assertThat(errors(nothingStored(() -> zhangsan.submitRaw(
                "{\"serviceCode\": \"" + DIBAO + "\", \"data\": [1, 2]}")))).containsOnlyKeys("data");
        assertThat(errors(nothingStored(() -> zhangsan.submitRaw("{\"data\": {}}")))).containsOnlyKeys("serviceCode");
        assertThat(errors(nothingStored(() -> zhangsan.submitRaw("{\"serviceCode\": ")))).containsOnlyKeys("body");
        ResponseEntity<JsonNode> badKey = nothingStored(() ->
                zhangsan.submit(DIBAO, ApplicationData.dibao(), "key with spaces"));
        assertThat(errors(badKey)).containsOnlyKeys("Idempotency-Key");
    }

    @Test
    void aRepeatedRequestWithTheSameKeyAnswersTheSameReceiptAndCreatesNothing() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = zhangsan.submit(DIBAO, ApplicationData.dibao(), key);
        ResponseEntity<JsonNode> again = nothingStored(() -> zhangsan.submit(DIBAO, ApplicationData.dibao(), key));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(casesWithBusinessKey(first.getBody().path("receiptNo").asText())).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String key = UUID.randomUUID().toString();
        String receiptNo = zhangsan.submit(DIBAO, ApplicationData.dibao(), key).getBody().path("receiptNo").asText();
        Map<String, Object> changed = ApplicationData.dibao();
        changed.put("householdMembers", 4);

        ResponseEntity<JsonNode> response = nothingStored(() -> zhangsan.submit(DIBAO, changed, key));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().path("receiptNo").asText()).isEqualTo(receiptNo);
    }

    @Test
    void keysAreTheApplicantsOwn() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String key = UUID.randomUUID().toString();

        String mine = zhangsan.submit(DIBAO, ApplicationData.dibao(), key).getBody().path("receiptNo").asText();
        String theirs = lisi.submit(DIBAO, ApplicationData.dibao(), key).getBody().path("receiptNo").asText();

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void twoRequestsWithTheSameKeyAtTheSameMomentMakeOneCase() throws Exception {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String key = UUID.randomUUID().toString();
        int rowsBefore = rows();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                responses.add(threads.submit(() -> {
                    start.await();
                    return zhangsan.submit(DIBAO, ApplicationData.dibao(), key);
                }));
            }
            ResponseEntity<JsonNode> one = responses.get(0).get();
            ResponseEntity<JsonNode> other = responses.get(1).get();

            assertThat(one.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(other.getBody()).isEqualTo(one.getBody());
            assertThat(rows()).isEqualTo(rowsBefore + 1);
            assertThat(casesWithBusinessKey(one.getBody().path("receiptNo").asText())).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStartTheEngineRefusesLeavesNoApplicationBehind() {
        repository.suspendProcessDefinitionByKey(DISABILITY);
        try {
            ResponseEntity<JsonNode> response = nothingStored(() ->
                    zhangsan.submit(DISABILITY, ApplicationData.disability()));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(response.getBody().path("detail").asText()).contains("残疾人两项补贴");
        } finally {
            repository.activateProcessDefinitionByKey(DISABILITY);
        }
    }

    @Test
    void eachApplicantSeesOnlyTheirOwnApplicationsNewestFirst() {
        EngineTime.set("2023-01-20T10:00:00+08:00");
        String older = zhangsan.submit(DIBAO, ApplicationData.dibao()).getBody().path("receiptNo").asText();
        String newer = zhangsan.submit(DIBAO, ApplicationData.dibao()).getBody().path("receiptNo").asText();

        List<String> mine = receiptNumbers(zhangsan.get("/api/applications").getBody());
        assertThat(mine).containsSubsequence(newer, older);
        assertThat(mine.indexOf(newer)).isLessThan(mine.indexOf(older));
        assertThat(receiptNumbers(lisi.get("/api/applications").getBody())).doesNotContain(older, newer);

        ResponseEntity<JsonNode> own = zhangsan.application(newer);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("serviceName").asText()).isEqualTo("最低生活保障");

        ResponseEntity<JsonNode> another = lisi.application(newer);
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(another.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(lisi.application("DB-20230120-9999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lisi.post("/api/applications/" + newer + "/withdrawal", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(zhangsan.application(newer).getBody().path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void onlyApplicantsUseTheApplicationsApi() {
        ResponseEntity<JsonNode> reviewer = new ApplicantClient(http, "reviewer.jinshui").get("/api/applications");
        assertThat(reviewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/applications", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode paths = http.getForEntity("/v3/api-docs", JsonNode.class).getBody().path("paths");

        assertThat(paths.has("/api/applications")).isTrue();
        assertThat(paths.path("/api/applications/{receiptNo}/attachments").has("post")).isTrue();
        assertThat(paths.path("/api/applications/{receiptNo}/rating").has("post")).isTrue();
    }

    // ---- helpers

    /** Runs the request and checks that it left no application row and no process instance behind. */
    private <T> T nothingStored(Supplier<T> request) {
        int rowsBefore = rows();
        long casesBefore = history.createHistoricProcessInstanceQuery().count();
        T result = request.get();
        assertThat(rows()).as("application rows").isEqualTo(rowsBefore);
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("process instances")
                .isEqualTo(casesBefore);
        return result;
    }

    private int rows() {
        return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
    }

    private long casesWithBusinessKey(String receiptNo) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(receiptNo).count();
    }

    private ProcessInstance caseOf(String receiptNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).singleResult();
    }

    static Map<String, String> errors(ResponseEntity<JsonNode> response) {
        Map<String, String> errors = new LinkedHashMap<>();
        response.getBody().path("errors").forEach(error ->
                errors.merge(error.path("field").asText(), error.path("message").asText(), (a, b) -> a + " " + b));
        return errors;
    }

    /** A time as the API writes it: ISO-8601 with the offset of Beijing time. */
    static String time(JsonNode node, String field) {
        return node.path(field).asText();
    }

    private static int serial(String receiptNo) {
        return Integer.parseInt(receiptNo.substring(receiptNo.lastIndexOf('-') + 1));
    }

    private static List<String> receiptNumbers(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.forEach(application -> numbers.add(application.path("receiptNo").asText()));
        return numbers;
    }
}
