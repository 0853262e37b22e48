package cn.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The public calendar API over HTTP, as outside tools use it. */
@TongbanIntegrationTest
class CalendarApiTest {

    @Autowired
    TestRestTemplate http;

    /** Sends the query exactly as written: '%2B' stays an encoded '+', a bare '+' stays bare. */
    private ResponseEntity<JsonNode> get(String pathAndQuery) {
        return http.getForEntity(URI.create(http.getRootUri() + pathAndQuery), JsonNode.class);
    }

    @Test
    void aMakeupWorkday() {
        var response = get("/api/calendar/days/2023-01-28");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode day = response.getBody();
        assertThat(day.path("date").asText()).isEqualTo("2023-01-28");
        assertThat(day.path("workingDay").asBoolean()).isTrue();
        assertThat(day.path("kind").asText()).isEqualTo("MAKEUP_WORKDAY");
        assertThat(day.path("holiday").asText()).isEqualTo("春节");
        assertThat(day.path("holidayEn").asText()).isEqualTo("Spring Festival");
        assertThat(day.path("provisional").asBoolean()).isFalse();
    }

    @Test
    void aHolidayAWorkdayAndADayOfAnUnloadedYear() {
        JsonNode holiday = get("/api/calendar/days/2023-10-02").getBody();
        JsonNode workday = get("/api/calendar/days/2023-03-01").getBody();
        JsonNode unloaded = get("/api/calendar/days/2027-03-06").getBody();

        assertThat(holiday.path("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(holiday.path("workingDay").asBoolean()).isFalse();
        assertThat(holiday.path("holiday").asText()).isEqualTo("中秋节、国庆节");
        assertThat(workday.path("kind").asText()).isEqualTo("WORKDAY");
        assertThat(workday.has("holiday")).isTrue();
        assertThat(workday.path("holiday").isNull()).isTrue();
        assertThat(unloaded.path("kind").asText()).isEqualTo("WEEKEND");
        assertThat(unloaded.path("provisional").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "20230101", "2023-1-5", "tomorrow", "1899-12-31", "3000-01-01"})
    void aBadDateIsABadRequestNamingTheDate(String date) {
        var response = get("/api/calendar/days/" + date);

        assertProblem(response, List.of("date"));
    }

    @Test
    void theWorkedExamples() {
        JsonNode morning = get("/api/calendar/deadline?from=2023-01-20T10:00%2B08:00&workingDays=3").getBody();
        JsonNode evening = get("/api/calendar/deadline?from=2023-01-20T20:00%2B08:00&workingDays=3").getBody();

        assertThat(morning.path("from").asText()).isEqualTo("2023-01-20T10:00:00+08:00");
        assertThat(morning.path("workingDays").asInt()).isEqualTo(3);
        assertThat(morning.path("acceptanceDay").asText()).isEqualTo("2023-01-20");
        assertThat(morning.path("deadline").asText()).isEqualTo("2023-01-30T17:30:00+08:00");
        assertThat(morning.path("provisional").asBoolean()).isFalse();
        assertThat(evening.path("acceptanceDay").asText()).isEqualTo("2023-01-28");
        assertThat(evening.path("deadline").asText()).isEqualTo("2023-01-31T17:30:00+08:00");
    }

    @Test
    void anyOffsetIsReadInShanghaiAndAnUnencodedPlusIsAccepted() {
        JsonNode utc = get("/api/calendar/deadline?from=2023-01-20T12:00:00Z&workingDays=3").getBody();
        JsonNode bare = get("/api/calendar/deadline?from=2023-01-21T00:00+14:00&workingDays=3").getBody();

        assertThat(utc.path("from").asText()).isEqualTo("2023-01-20T20:00:00+08:00");
        assertThat(utc.path("deadline").asText()).isEqualTo("2023-01-31T17:30:00+08:00");
        assertThat(OffsetDateTime.parse(bare.path("from").asText()))
                .isEqualTo(OffsetDateTime.parse("2023-01-20T18:00+08:00"));
        assertThat(bare.path("deadline").asText()).isEqualTo("2023-01-31T17:30:00+08:00");
    }

    @Test
    void aDeadlineInAnUnloadedYearIsProvisional() {
        JsonNode deadline = get("/api/calendar/deadline?from=2027-03-01T10:00%2B08:00&workingDays=3").getBody();

        assertThat(deadline.path("deadline").asText()).isEqualTo("2027-03-04T17:30:00+08:00");
        assertThat(deadline.path("provisional").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "workingDays=3                                          | from",
            "from=2023-01-20T10:00%2B08:00                          | workingDays",
            "x=1                                                    | from workingDays",
            "from=2023-01-20T10:00&workingDays=3                    | from",
            "from=yesterday&workingDays=3                           | from",
            "from=2023-02-30T10:00%2B08:00&workingDays=3            | from",
            "from=3000-01-01T10:00%2B08:00&workingDays=1            | from",
            "from=2023-01-20T10:00%2B08:00&workingDays=-1           | workingDays",
            "from=2023-01-20T10:00%2B08:00&workingDays=3651         | workingDays",
            "from=2023-01-20T10:00%2B08:00&workingDays=99999999999  | workingDays",
            "from=2023-01-20T10:00%2B08:00&workingDays=three        | workingDays",
            "from=2023-01-20T10:00%2B08:00&workingDays=1.5          | workingDays",
            "from=2023-01-20T10:00%2B08:00&workingDays=             | workingDays",
            "from=bad&workingDays=-5                                | from workingDays"})
    void badDeadlineParametersAreNamed(String query, String fields) {
        var response = get("/api/calendar/deadline?" + query);

        assertProblem(response, List.of(fields.split(" ")));
    }

    @Test
    void aMissingOffsetIsExplained() {
        var response = get("/api/calendar/deadline?from=2023-01-20T10:00&workingDays=3");

        assertThat(response.getBody().path("errors").get(0).path("message").asText())
                .contains("缺少时区偏移").contains("no offset");
    }

    @Test
    void listsTheArrangementsInForce() {
        JsonNode list = get("/api/calendar/arrangements").getBody();

        assertThat(list.isArray()).isTrue();
        JsonNode y2023 = null;
        for (JsonNode entry : list) {
            if (entry.path("year").asInt() == 2023) {
                y2023 = entry;
            }
        }
        assertThat(y2023).isNotNull();
        assertThat(y2023.path("notice").asText()).isEqualTo("国务院办公厅关于2023年部分节假日安排的通知");
        assertThat(y2023.path("holidays").asInt()).isEqualTo(6);
        assertThat(y2023.path("daysOff").asInt()).isEqualTo(27);
        assertThat(y2023.path("makeupWorkdays").asInt()).isEqualTo(7);
        assertThat(y2023.path("source").asText()).isEqualTo("SEED");
        assertThat(OffsetDateTime.parse(y2023.path("loadedAt").asText())).isNotNull();
    }

    @Test
    void downloadsAnArrangementInTheUploadFormat() {
        var response = http.getForEntity("/api/calendar/arrangements/2023", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_JSON)).isTrue();
        HolidayArrangement arrangement = HolidayArrangement.parse(response.getBody(), "download");
        assertThat(arrangement.year()).isEqualTo(2023);
        assertThat(arrangement.makeupWorkdays()).hasSize(7);
    }

    @Test
    void anArrangementNotLoadedIsNotFoundAndABadYearIsNamed() {
        var missing = get("/api/calendar/arrangements/1999");
        var bad = get("/api/calendar/arrangements/nineteen");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertProblem(bad, List.of("year"));
    }

    @Test
    void theOpenApiDocumentDescribesTheCalendar() {
        JsonNode paths = get("/v3/api-docs").getBody().path("paths");

        assertThat(paths.has("/api/calendar/days/{date}")).isTrue();
        assertThat(paths.has("/api/calendar/deadline")).isTrue();
        assertThat(paths.has("/api/admin/calendar/arrangements")).isTrue();
        assertThat(paths.path("/api/calendar/deadline").path("get").path("summary").asText())
                .contains("办理时限").contains("deadline");
        assertThat(paths.path("/api/admin/calendar/arrangements").path("post").path("requestBody").path("content")
                .has("multipart/form-data")).isTrue();
        assertThat(paths.path("/api/admin/calendar/arrangements").path("post").path("requestBody").path("content")
                .has("application/json")).isTrue();
        assertThat(paths.path("/api/calendar/deadline").path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText()).endsWith("/Deadline");
    }

    static void assertProblem(ResponseEntity<JsonNode> response, List<String> fields) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        JsonNode problem = response.getBody();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyElementsOf(fields);
        assertThat(problem.path("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }
}
