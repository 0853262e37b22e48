package cn.tongban.calendar;

import static cn.tongban.calendar.CalendarApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An administrator loads a year's arrangement at runtime: it is validated, stored, put in force and announced;
 * a bad file changes nothing. Uses the demo administrator; the year 2030 is made-up test data.
 */
@TongbanIntegrationTest
class CalendarAdministrationTest {

    private static final String ARRANGEMENTS = "/api/admin/calendar/arrangements";

    @Autowired
    TestRestTemplate http;
    @Autowired
    CalendarService calendars;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ArrangementStore store;
    @Autowired
    SeedArrangements seeds;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    private final List<CalendarChanged> changes = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof CalendarChanged c) {
            changes.add(c);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void restoreTheSeeds() {
        context.removeApplicationListener(listener);
        calendars.removeUploaded(2030);
        calendars.removeUploaded(2023);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo");
    }

    private static byte[] example2030() throws IOException {
        try (InputStream in = CalendarAdministrationTest.class.getResourceAsStream("example-2030.json")) {
            return in.readAllBytes();
        }
    }

    private ResponseEntity<JsonNode> postJson(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().postForEntity(ARRANGEMENTS, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> postFile(byte[] content) {
        var form = new LinkedMultiValueMap<String, Object>();
        if (content != null) {
            form.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return "arrangement.json";
                }
            });
        } else {
            form.add("note", "no file");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return admin().postForEntity(ARRANGEMENTS, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private JsonNode day(String date) {
        return http.getForObject("/api/calendar/days/" + date, JsonNode.class);
    }

    @Test
    void anUploadedYearIsInForceAnnouncedAndListed() throws IOException {
        assertThat(day("2030-02-04").path("kind").asText()).isEqualTo("WORKDAY");

        var response = postJson(example2030());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath("/api/calendar/arrangements/2030");
        assertThat(response.getBody().path("year").asInt()).isEqualTo(2030);
        assertThat(response.getBody().path("source").asText()).isEqualTo("UPLOADED");
        JsonNode holiday = day("2030-02-04");
        assertThat(holiday.path("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(holiday.path("holiday").asText()).isEqualTo("春节");
        assertThat(holiday.path("provisional").asBoolean()).isFalse();
        assertThat(day("2029-12-29").path("kind").asText()).isEqualTo("MAKEUP_WORKDAY");
        JsonNode deadline = http.getForObject(
                "/api/calendar/deadline?from={from}&workingDays=1", JsonNode.class, "2030-02-01T18:00:00Z");
        assertThat(deadline.path("deadline").asText()).isEqualTo("2030-02-11T17:30:00+08:00");

        assertThat(changes).singleElement().satisfies(changed -> {
            assertThat(changed.years()).containsExactly(2030);
            assertThat(changed.firstDay()).isEqualTo(LocalDate.of(2029, 12, 29));
            assertThat(changed.lastDay()).isEqualTo(LocalDate.of(2030, 12, 31));
        });
        JsonNode listed = http.getForObject("/api/calendar/arrangements", JsonNode.class);
        assertThat(listed.findValues("year")).extracting(JsonNode::asInt).contains(2022, 2023, 2024, 2025, 2026, 2030);
    }

    @Test
    void theSameFileAgainReplacesButChangesNoDay() throws IOException {
        postJson(example2030());
        changes.clear();

        var again = postJson(example2030());

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changes).isEmpty();
    }

    @Test
    void aFileUploadWorksLikeTheJsonBody() throws IOException {
        var response = postFile(example2030());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(day("2030-02-04").path("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(changes).hasSize(1);
    }

    @Test
    void aBadFileIsRefusedAndTheCalendarStaysAsItWas() throws IOException {
        WorkingDayCalendar before = calendars.current();
        String contradictory = new String(example2030(), StandardCharsets.UTF_8)
                .replace("\"date\": \"2030-01-26\"", "\"date\": \"2030-02-02\"");

        var response = postJson(contradictory.getBytes(StandardCharsets.UTF_8));

        assertProblem(response, List.of("makeupWorkdays[1].date"));
        assertThat(response.getBody().path("errors").get(0).path("message").asText())
                .contains("both a day off and a make-up workday");
        assertThat(calendars.current()).isSameAs(before);
        assertThat(day("2030-02-04").path("kind").asText()).isEqualTo("WORKDAY");
        assertThat(store.findAll()).noneMatch(stored -> stored.year() == 2030);
        assertThat(changes).isEmpty();
    }

    @Test
    void badUploadsNameTheFileOrTheBody() {
        assertProblem(postJson("{\"year\": ".getBytes(StandardCharsets.UTF_8)), List.of("body"));
        assertProblem(postJson(new byte[0]), List.of("body"));
        assertProblem(postFile("not json".getBytes(StandardCharsets.UTF_8)), List.of("file"));
        assertProblem(postFile(null), List.of("file"));
        assertThat(changes).isEmpty();
    }

    @Test
    void anUploadReplacesTheSeedOfItsYearUntilWithdrawn() {
        HolidayArrangement seed = calendars.current().arrangement(2023).orElseThrow();
        var holidays = seed.holidays().subList(1, seed.holidays().size());
        var withoutNewYear = new HolidayArrangement(2023, seed.notice(), seed.source(), holidays,
                seed.makeupWorkdays());

        var replaced = postJson(withoutNewYear.toJson().getBytes(StandardCharsets.UTF_8));

        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(day("2023-01-02").path("kind").asText()).isEqualTo("WORKDAY");
        assertThat(changes).singleElement().satisfies(changed -> {
            assertThat(changed.years()).containsExactly(2023);
            assertThat(changed.firstDay()).isEqualTo(LocalDate.of(2022, 12, 31));
            assertThat(changed.lastDay()).isEqualTo(LocalDate.of(2023, 1, 2));
        });

        var withdrawn = admin().exchange(ARRANGEMENTS + "/2023", HttpMethod.DELETE, null, JsonNode.class);
        var again = admin().exchange(ARRANGEMENTS + "/2023", HttpMethod.DELETE, null, JsonNode.class);

        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(day("2023-01-02").path("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(changes).hasSize(2);
        assertThat(calendars.arrangements()).filteredOn(a -> a.year() == 2023)
                .singleElement().extracting(LoadedArrangement::source).isEqualTo(LoadedArrangement.Source.SEED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUploadSurvivesARestart() throws IOException {
        LoadedArrangement loaded = calendars.load(HolidayArrangement.parse(example2030(), "file"), "admin");

        var restarted = new CalendarService(store, seeds, publisher, "Asia/Shanghai", "17:30");

        assertThat(restarted.current().day(LocalDate.of(2030, 2, 4)).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(restarted.arrangements()).filteredOn(a -> a.year() == 2030).singleElement()
                .satisfies(a -> {
                    assertThat(a.source()).isEqualTo(LoadedArrangement.Source.UPLOADED);
                    assertThat(a.loadedBy()).isEqualTo("admin");
                    assertThat(a.loadedAt().toInstant()).isEqualTo(loaded.loadedAt().toInstant());
                });
        assertThat(changes).hasSize(1);
    }

    @Test
    void anotherNodesUploadIsPickedUpFromTheDatabase() throws IOException {
        var otherNode = new CalendarService(store, seeds, publisher, "Asia/Shanghai", "17:30");
        HolidayArrangement arrangement = HolidayArrangement.parse(example2030(), "file");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> otherNode.load(arrangement, "admin"));
        assertThat(calendars.current().isLoaded(2030)).isFalse();

        calendars.refreshFromOtherNodes();

        assertThat(calendars.current().isLoaded(2030)).isTrue();
    }

    @Test
    void aRefreshWhileAnUploadIsUncommittedDoesNotPutTheOldCalendarBack() throws Exception {
        HolidayArrangement arrangement = HolidayArrangement.parse(example2030(), "file");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            calendars.load(arrangement, "admin");
            // the scheduler's refresh runs on its own thread and cannot see the uncommitted row
            CompletableFuture.runAsync(calendars::refreshFromOtherNodes).join();
            assertThat(calendars.current().isLoaded(2030)).isTrue();
        });
        assertThat(calendars.current().isLoaded(2030)).isTrue();
    }

    @Test
    void aSimultaneousUploadOfTheSameNewYearIsAConflictNotAnError() throws Exception {
        byte[] file = example2030();
        var otherUploadInserted = new CountDownLatch(1);
        var mayCommit = new CountDownLatch(1);
        var otherUpload = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> {
                    store.save(2030, new String(file, StandardCharsets.UTF_8), Instant.now(), "other");
                    otherUploadInserted.countDown();
                    waitFor(mayCommit);
                }));
        waitFor(otherUploadInserted);

        var thisUpload = CompletableFuture.supplyAsync(() -> postJson(file));
        // the second insert of the year waits on the first one's lock until that commits
        await().until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted").query(Integer.class)
                .single() > 0);
        mayCommit.countDown();
        otherUpload.get(30, TimeUnit.SECONDS);
        var response = thisUpload.get(30, TimeUnit.SECONDS);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(store.findAll()).filteredOn(stored -> stored.year() == 2030).singleElement()
                .extracting(ArrangementStore.Stored::loadedBy).isEqualTo("other");
        assertThat(calendars.current().isLoaded(2030)).as("the refused upload put nothing in force").isFalse();
        calendars.refreshFromOtherNodes();
        assertThat(calendars.current().isLoaded(2030)).as("the other upload, as any other node's").isTrue();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
