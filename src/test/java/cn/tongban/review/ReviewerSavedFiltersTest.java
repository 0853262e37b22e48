package cn.tongban.review;

import static cn.tongban.review.WorkbenchCases.fields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.review.WorkbenchCases.Case;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A reviewer's saved filters of the task list and the list's order, over the API and the pages: saved per user,
 * invisible and undeletable for anyone else, checked like the list's own filters.
 */
@TongbanIntegrationTest
class ReviewerSavedFiltersTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String SAVED = "/api/tasks/saved-filters";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    WorkbenchCases cases;

    @BeforeEach
    void cases() {
        cases = new WorkbenchCases(engine, http);
    }

    @Test
    void aSavedFilterIsTheReviewersOwnAndOnlyTheyCanDeleteIt() {
        String name = "低保逾期 " + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> saved = cases.post("reviewer.jinshui", SAVED, Map.of("name", "  " + name + " ",
                "service", "minimum-living-allowance", "step", "acceptance", "slaState", "OVERDUE", "sort",
                "RECEIVED"));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode filter = saved.getBody();
        assertThat(filter.get("name").asText()).isEqualTo(name);
        assertThat(filter.get("service").asText()).isEqualTo("minimum-living-allowance");
        assertThat(filter.get("step").asText()).isEqualTo("acceptance");
        assertThat(filter.get("slaState").asText()).isEqualTo("OVERDUE");
        assertThat(filter.get("sort").asText()).isEqualTo("RECEIVED");
        assertThat(filter.get("createdAt").asText()).endsWith("+08:00");
        long id = filter.get("id").asLong();
        assertThat(names(cases.get("reviewer.jinshui", SAVED))).contains(name);
        assertThat(names(cases.get("reviewer.erqi", SAVED))).doesNotContain(name);

        assertThat(delete("reviewer.erqi", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(names(cases.get("reviewer.jinshui", SAVED))).contains(name);

        ResponseEntity<JsonNode> again = cases.post("reviewer.jinshui", SAVED, Map.of("name", name));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(again)).containsExactly("name");
        assertThat(cases.post("reviewer.erqi", SAVED, Map.of("name", name)).getStatusCode())
                .as("names are per user").isEqualTo(HttpStatus.CREATED);

        assertThat(delete("reviewer.jinshui", id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(names(cases.get("reviewer.jinshui", SAVED))).doesNotContain(name);
        assertThat(delete("reviewer.jinshui", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFilterTheListCouldNotApplyIsRefusedNamingEachField() {
        ResponseEntity<JsonNode> refused = cases.post("reviewer.jinshui", SAVED, Map.of("name", " ",
                "service", "no-such-service", "step", "no-such-step"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "service", "step");

        ResponseEntity<JsonNode> tooLong = cases.post("reviewer.jinshui", SAVED, Map.of("name", "筛".repeat(51)));
        assertThat(fields(tooLong)).containsExactly("name");
        ResponseEntity<JsonNode> control = cases.post("reviewer.jinshui", SAVED, Map.of("name", "a\u0007b"));
        assertThat(fields(control)).containsExactly("name");
        ResponseEntity<JsonNode> badState = cases.post("reviewer.jinshui", SAVED, Map.of("name", "x",
                "slaState", "LATE"));
        assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badState)).containsExactly("slaState");
        assertThat(http.withBasicAuth("reviewer.jinshui", "demo").exchange(SAVED + "/not-a-number",
                HttpMethod.DELETE, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theListSortsByDeadlineOrByArrival() {
        Case first = cases.allowance("jinshui");
        Case second = cases.allowance("jinshui");
        // the case that arrived first is due later
        due(cases.openTask(first), Instant.now().plus(40, ChronoUnit.DAYS));
        due(cases.openTask(second), Instant.now().plus(35, ChronoUnit.DAYS));
        String query = "service=minimum-living-allowance&step=acceptance&slaState=ON_TRACK";

        List<String> byDeadline = receiptNos(cases.allTasks("reviewer.jinshui", query));
        List<String> byArrival = receiptNos(cases.allTasks("reviewer.jinshui", query + "&sort=RECEIVED"));

        assertThat(byDeadline.indexOf(second.receiptNo())).isLessThan(byDeadline.indexOf(first.receiptNo()));
        assertThat(byArrival.indexOf(first.receiptNo())).isLessThan(byArrival.indexOf(second.receiptNo()));
        ResponseEntity<JsonNode> unsorted = cases.get("reviewer.jinshui", "/api/tasks?sort=NAME");
        assertThat(unsorted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unsorted)).containsExactly("sort");
    }

    @Test
    void theListPageSavesTheCurrentFilterAsAQuickLinkAndDeletesIt() {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.login("reviewer.jinshui", "demo").statusCode()).isEqualTo(302);
        String name = "我的受理 " + UUID.randomUUID().toString().substring(0, 8);
        String list = browser.get("/tasks?service=minimum-living-allowance&step=acceptance&sort=RECEIVED",
                "Accept", HTML).body();
        assertThat(list).contains("常用筛选", "按到达先后", "name=\"_sort\" value=\"RECEIVED\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", TestBrowser.csrfToken(list));
        form.put("_service", "minimum-living-allowance");
        form.put("_step", "acceptance");
        form.put("_sort", "RECEIVED");
        form.put("name", name);

        HttpResponse<String> saved = browser.postForm("/tasks/saved-filters", form, "Accept", HTML);

        assertThat(saved.statusCode()).isEqualTo(302);
        String shown = browser.get("/tasks?service=minimum-living-allowance&step=acceptance&sort=RECEIVED",
                "Accept", HTML).body();
        assertThat(shown).contains("已保存常用筛选“" + name + "”。", ">" + name + "</a>",
                "href=\"/tasks?service=minimum-living-allowance&amp;step=acceptance&amp;sort=RECEIVED\"");
        assertThat(browser.get("/tasks", "Accept", HTML).body()).contains(">" + name + "</a>");
        TestBrowser other = new TestBrowser(port);
        other.login("reviewer.erqi", "demo");
        assertThat(other.get("/tasks", "Accept", HTML).body()).doesNotContain(name);

        long id = savedId("reviewer.jinshui", name);
        Map<String, String> delete = Map.of("_csrf", TestBrowser.csrfToken(shown));
        assertThat(other.postForm("/tasks/saved-filters/" + id + "/delete",
                Map.of("_csrf", TestBrowser.csrfToken(other.get("/tasks", "Accept", HTML).body())), "Accept", HTML)
                .statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/tasks/saved-filters/" + id + "/delete", delete, "Accept", HTML).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/tasks", "Accept", HTML).body()).contains("已删除常用筛选“" + name + "”。")
                .doesNotContain(">" + name + "</a>");
    }

    private long savedId(String user, String name) {
        for (JsonNode filter : cases.get(user, SAVED).getBody()) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asLong();
            }
        }
        throw new AssertionError("no saved filter " + name);
    }

    private ResponseEntity<JsonNode> delete(String user, long id) {
        return http.withBasicAuth(user, "demo").exchange(SAVED + "/" + id, HttpMethod.DELETE, null, JsonNode.class);
    }

    private void due(Task task, Instant at) {
        task.setDueDate(Date.from(at));
        engine.getTaskService().saveTask(task);
    }

    private static List<String> names(ResponseEntity<JsonNode> list) {
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> names = new ArrayList<>();
        list.getBody().forEach(filter -> names.add(filter.get("name").asText()));
        return names;
    }

    private static List<String> receiptNos(List<JsonNode> tasks) {
        return tasks.stream().map(task -> task.get("receiptNo").asText()).toList();
    }
}
