package cn.tongban.intake;

import static cn.tongban.intake.ApplicationData.DIBAO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.forms.FormComponent;
import cn.tongban.forms.FormRegistry;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Whatever goes into any field of the 低保 start form, the API answers 400 or 201 and never fails; a 400 leaves
 * no application row and no process instance behind. Runs against the application of the integration tests
 * (the same cached Spring context), over real HTTP.
 */
class ApplicationsApiProperties {

    /** Declares the shared application; its context comes from Spring's test context cache. */
    @TongbanIntegrationTest
    static class SharedApplication {
    }

    /** Escapes everything beyond ASCII, so unpaired surrogates and control characters reach the server intact. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static TestRestTemplate http;
    private static JdbcClient jdbc;
    private static HistoryService history;
    private static List<String> fields;

    @BeforeContainer
    static void application() throws Exception {
        ApplicationContext context = new TestContextManager(SharedApplication.class).getTestContext()
                .getApplicationContext();
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
                .withBasicAuth("zhangsan", "demo");
        jdbc = context.getBean(JdbcClient.class);
        history = context.getBean(HistoryService.class);
        String formId = "dibao-application";
        fields = context.getBean(FormRegistry.class).get(formId).fields().stream().map(FormComponent::key).toList();
    }

    @Provide
    Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.of(fields), Arbitraries.of("unknownField", "", "__proto__", "a.b",
                "members[0].idNumber"));
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("<script>alert(1)</script>", "'; DROP TABLE application; --", "${7*7}",
                        "#{T(java.lang.Runtime).getRuntime()}", "\u202Eabc", "\uFEFF", "NaN", "-0", "1e999",
                        "410105198808081239", "41010519880808123X", "13800000001", "jinshui", "true", "", " ",
                        "2023-02-30", "9".repeat(50)),
                Arbitraries.strings().withChars('a', '<', '&', '"', '\\', '长').ofLength(3_000));
    }

    @Provide
    Arbitrary<Object> otherValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false, Long.MAX_VALUE, -0.0),
                Arbitraries.just(null),
                Arbitraries.just(List.of("a", 1)),
                Arbitraries.just(Map.of("nested", Map.of("deeper", "x"))));
    }

    @Property(tries = 120)
    void aHostileStringInAnyFieldIsAnswered400Or201(@ForAll("fieldNames") String field,
                                                    @ForAll("hostileStrings") String value) throws Exception {
        checkSubmission(field, value);
    }

    @Property(tries = 60)
    void aValueOfAnyTypeInAnyFieldIsAnswered400Or201(@ForAll("fieldNames") String field,
                                                     @ForAll("otherValues") Object value) throws Exception {
        checkSubmission(field, value);
    }

    private void checkSubmission(String field, Object value) throws Exception {
        Map<String, Object> data = ApplicationData.dibao();
        data.put(field, value);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", DIBAO);
        request.put("data", data);
        int rowsBefore = rows();
        long casesBefore = history.createHistoricProcessInstanceQuery().count();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(JSON.writeValueAsString(request), headers), JsonNode.class);

        int status = response.getStatusCode().value();
        assertThat(status).as("%s = %s", field, value).isIn(400, 201);
        if (status == 400) {
            assertThat(response.getBody().path("errors")).isNotEmpty();
            response.getBody().path("errors").forEach(error ->
                    assertThat(error.path("field").asText()).startsWith("data"));
            assertThat(rows()).isEqualTo(rowsBefore);
            assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(casesBefore);
        } else {
            assertThat(rows()).isEqualTo(rowsBefore + 1);
            assertThat(response.getBody().path("receiptNo").asText()).matches("DB-\\d{8}-\\d{4}");
        }
    }

    private static int rows() {
        return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
    }
}
