package cn.tongban.review.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.EngineUsers;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TestBrowser;
import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist filters of each group on the real engine, as Tasklist runs them: under the reviewer's
 * authentication, each listing only its group's tasks, and readable by that group alone.
 */
@TongbanIntegrationTest
class TasklistFiltersTest {

    static final String JINSHUI = "金水区 乡镇（街道）审核";
    static final String ERQI = "二七区 乡镇（街道）审核";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @BeforeEach
    void morning() {
        // a Monday morning in Beijing; the filters' day is the server's day
        EngineTime.set("2026-03-02T09:00:00+08:00");
    }

    @AfterEach
    void resetClock() {
        EngineTime.reset();
    }

    @Test
    void aTownshipReviewerReadsTheFourFiltersOfTheirGroupAndNoOthers() {
        List<String> names = as("reviewer.jinshui", () -> engine.getFilterService().createTaskFilterQuery()
                .list().stream().map(Filter::getName).toList());

        assertThat(names).containsExactlyInAnyOrder("我的任务 · " + JINSHUI, "组任务 · " + JINSHUI,
                "即将到期 · " + JINSHUI, "已逾期 · " + JINSHUI);
        Filter erqiGroupTasks = filter("组任务 · " + ERQI);
        assertThatThrownBy(() -> as("reviewer.jinshui",
                () -> engine.getFilterService().list(erqiGroupTasks.getId())))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void theFiltersListTheGroupsTasksByStateAndNeverAnotherDistricts() {
        String jinshui = startAllowanceCaseIn("jinshui");
        String jinshuiLater = startAllowanceCaseIn("jinshui");
        String erqi = startAllowanceCaseIn("erqi");
        Task task = openTask(jinshui);
        Task later = openTask(jinshuiLater);
        setDue(later, ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3)));
        setDue(task, ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(5)));
        setDue(openTask(erqi), ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(5)));

        List<String> groupTasks = listed("reviewer.jinshui", "组任务 · " + JINSHUI);
        assertThat(groupTasks).contains(jinshui, jinshuiLater).doesNotContain(erqi);
        assertThat(groupTasks.indexOf(jinshui)).as("earliest due first")
                .isLessThan(groupTasks.indexOf(jinshuiLater));
        assertThat(listed("reviewer.jinshui", "即将到期 · " + JINSHUI)).contains(jinshui)
                .doesNotContain(jinshuiLater, erqi);
        assertThat(listed("reviewer.jinshui", "已逾期 · " + JINSHUI)).doesNotContain(jinshui, jinshuiLater, erqi);
        assertThat(listed("reviewer.jinshui", "我的任务 · " + JINSHUI)).doesNotContain(jinshui);

        engine.getTaskService().claim(task.getId(), "reviewer.jinshui");
        assertThat(listed("reviewer.jinshui", "我的任务 · " + JINSHUI)).contains(jinshui)
                .doesNotContain(jinshuiLater, erqi);
        assertThat(listed("reviewer.jinshui", "组任务 · " + JINSHUI)).doesNotContain(jinshui);
        assertThat(listed("reviewer.jinshui", "即将到期 · " + JINSHUI)).as("claimed, still due today")
                .contains(jinshui);

        EngineTime.advance(Duration.ofHours(6));
        assertThat(listed("reviewer.jinshui", "已逾期 · " + JINSHUI)).contains(jinshui)
                .doesNotContain(jinshuiLater, erqi);
        assertThat(listed("reviewer.jinshui", "即将到期 · " + JINSHUI)).doesNotContain(jinshui);
        assertThat(listed("reviewer.erqi", "已逾期 · " + ERQI)).contains(erqi).doesNotContain(jinshui);
    }

    @Test
    void theEngineRestApiShowsEachGroupsFiltersWithReadForThatGroupOnly() throws Exception {
        TestBrowser browser = new TestBrowser(port);
        String admin = TestBrowser.basic("admin", "demo");
        for (String group : List.of("township-jinshui", "county-erqi", "canlian-jinshui", "registrar-jinshui",
                "supervisor-zhengdong")) {
            HttpResponse<String> found = browser.get("/engine-rest/filter?resourceType=Task&nameLike="
                    + URLEncoder.encode("%· " + groupName(group), StandardCharsets.UTF_8), "Authorization", admin);
            assertThat(found.statusCode()).isEqualTo(200);
            List<JsonNode> filters = new ArrayList<>();
            json.readTree(found.body()).forEach(filters::add);
            assertThat(filters).extracting(f -> f.get("name").asText().split(" · ")[0])
                    .containsExactlyInAnyOrder("我的任务", "组任务", "即将到期", "已逾期");
            for (JsonNode filter : filters) {
                HttpResponse<String> granted = browser.get("/engine-rest/authorization?resourceType=5&resourceId="
                        + filter.get("id").asText(), "Authorization", admin);
                JsonNode authorizations = json.readTree(granted.body());
                assertThat(authorizations).as(filter.get("name").asText()).hasSize(1);
                assertThat(authorizations.get(0).get("groupId").asText()).isEqualTo(group);
                assertThat(authorizations.get(0).get("permissions").toString()).contains("READ");
            }
        }
        HttpResponse<String> asReviewer = browser.get("/engine-rest/filter",
                "Authorization", TestBrowser.basic("reviewer.jinshui", "demo"));
        assertThat(asReviewer.statusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTaskCardsShowTheReceiptNumberTheApplicantAndTheCaseDeadline() {
        String caseId = startAllowanceCaseIn("jinshui");
        String receiptNo = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId)
                .singleResult().getBusinessKey();

        assertThat(engine.getRuntimeService().getVariable(caseId, ReceiptNumberVariable.RECEIPT_NO))
                .isEqualTo(receiptNo);
        for (String name : List.of("我的任务 · ", "组任务 · ", "即将到期 · ", "已逾期 · ")) {
            Filter filter = filter(name + JINSHUI);
            assertThat((List<Map<String, String>>) filter.getProperties().get("variables")).as(name)
                    .extracting(variable -> variable.get("name") + "=" + variable.get("label"))
                    .containsExactly("receiptNo=受理编号", "applicantName=申请人", "caseDeadline=办结期限");
        }
        Task task = as("reviewer.jinshui", () -> engine.getFilterService().<Task>list(
                filter("组任务 · " + JINSHUI).getId()).stream()
                .filter(t -> caseId.equals(t.getProcessInstanceId())).findFirst().orElseThrow());
        Object shown = as("reviewer.jinshui", () -> engine.getTaskService().getVariable(task.getId(),
                ReceiptNumberVariable.RECEIPT_NO));
        assertThat(shown).isEqualTo(receiptNo);
    }

    @Test
    void startingAgainCreatesNoFilterTwiceAndRetiresTheOnceSharedFilters() {
        Filter shared = engine.getFilterService().newTaskFilter("我的组任务");
        shared.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression(
                "${currentUserGroups()}"));
        engine.getFilterService().saveFilter(shared);
        Filter own = engine.getFilterService().newTaskFilter("我的任务");
        own.setOwner("reviewer.erqi");
        engine.getFilterService().saveFilter(own);
        long filters = engine.getFilterService().createFilterQuery().count();

        tasklistFilters.run((ApplicationArguments) null);

        assertThat(engine.getFilterService().getFilter(shared.getId())).isNull();
        assertThat(engine.getFilterService().getFilter(own.getId())).as("a user's own filter stays").isNotNull();
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters - 1);
        engine.getFilterService().deleteFilter(own.getId());
    }

    private String groupName(String groupId) {
        return engine.getIdentityService().createGroupQuery().groupId(groupId).singleResult().getName();
    }

    private Filter filter(String name) {
        return engine.getFilterService().createTaskFilterQuery().filterName(name).singleResult();
    }

    /** Process instance ids of the tasks the filter lists for the user, in its order. */
    private List<String> listed(String user, String filterName) {
        String filterId = filter(filterName).getId();
        return as(user, () -> engine.getFilterService().<Task>list(filterId).stream()
                .map(Task::getProcessInstanceId).toList());
    }

    private void setDue(Task task, java.time.Instant due) {
        task.setDueDate(Date.from(due));
        engine.getTaskService().saveTask(task);
    }

    private Task openTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private String startAllowanceCaseIn(String district) {
        Map<String, Object> variables = SampleApplications.minimumLivingAllowance();
        variables.put("applicantName", "王芳");
        variables.put("applicantIdNumber", "410105196503121025");
        variables.put("district", district);
        variables.put("keyGroupMembers", 0);
        variables.put("declaredMonthlyIncome", 1000.0);
        String id = engine.getRuntimeService().startProcessInstanceByKey("minimum-living-allowance",
                "DB-FILTER-" + UUID.randomUUID(), variables).getId();
        EngineTime.executeDueJobs(engine.getManagementService(), id);
        return id;
    }

    private <T> T as(String userId, Supplier<T> action) {
        return EngineUsers.as(engine, userId, action);
    }
}
