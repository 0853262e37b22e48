package cn.tongban.review;

import cn.tongban.identity.NewUser;
import cn.tongban.identity.Role;
import cn.tongban.identity.UserDirectory;
import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.SampleApplications;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Cases for the workbench tests, started on the engine as the intake would start them (unique receipt numbers
 * and mail addresses), and the workbench's API called over real HTTP as a signed-in user (password demo).
 */
final class WorkbenchCases {

    /** A second township reviewer of Jinshui, for races between two people. */
    static final String COLLEAGUE = "colleague.jinshui";

    record Case(String id, String receiptNo, String email) {
    }

    private final ProcessEngine engine;
    private final TestRestTemplate http;

    WorkbenchCases(ProcessEngine engine, TestRestTemplate http) {
        this.engine = engine;
        this.http = http;
    }

    /** A 低保 application of 张三 (ID 410105196503121025) in {@code district}, waiting at acceptance. */
    Case allowance(String district) {
        Map<String, Object> variables = SampleApplications.minimumLivingAllowance();
        variables.put("applicantIdNumber", "410105196503121025");
        variables.put("district", district);
        variables.put("keyGroupMembers", 0);
        variables.put("declaredMonthlyIncome", 1000.0);
        return start("minimum-living-allowance", "DB-WB-", variables);
    }

    /** A disability-subsidies application of a grade-1 person for {@code claimed} subsidies, in Jinshui. */
    Case disability(String claimed) {
        Map<String, Object> variables = SampleApplications.disabilitySubsidies();
        variables.put("applicantName", "欧阳娜娜");
        variables.put("applicantPhone", "13800000002");
        variables.put("subsidiesClaimed", claimed);
        return start("disability-subsidies", "CJ-WB-", variables);
    }

    /** Takes a disability case through the township and federation reviews to the civil-affairs decision. */
    void toCivilAffairsDecision(Case c) {
        complete(c, "acceptance", Map.of("acceptanceOutcome", "accept"));
        complete(c, "townshipReview", Map.of("townshipOpinion", "经入户核实，情况属实"));
        complete(c, "federationReview", Map.of("holdsValidDisabilityCertificate", true, "disabilityGrade", 1,
                "disabilityCategory", "physical", "federationOpinion", "残疾人证有效，等级核验无误"));
    }

    /**
     * A couple booked on {@code date} (a working day) in Jinshui, who have arrived: the registrar's on-site
     * verification is open. Moves the engine clock to that morning.
     */
    Case marriageAtVerification(String bookedAt, String date) {
        EngineTime.set(bookedAt);
        Map<String, Object> variables = SampleApplications.marriageRegistration(date, "AM");
        Case c = start("marriage-registration", "HY-WB-", variables);
        EngineTime.set(date + "T09:10:00+08:00");
        engine.getRuntimeService().createMessageCorrelation("PartiesArrived").processInstanceId(c.id()).correlate();
        return c;
    }

    Case start(String service, String prefix, Map<String, Object> variables) {
        String receiptNo = prefix + UUID.randomUUID().toString().substring(0, 13);
        String email = "wb-" + UUID.randomUUID() + "@example.cn";
        Map<String, Object> data = new HashMap<>(variables);
        data.put("applicantEmail", email);
        String id = engine.getRuntimeService().startProcessInstanceByKey(service, receiptNo, data).getId();
        runJobs(id);
        return new Case(id, receiptNo, email);
    }

    void runJobs(String processInstanceId) {
        EngineTime.executeDueJobs(engine.getManagementService(), processInstanceId);
    }

    Task task(Case c, String step) {
        return engine.getTaskService().createTaskQuery().processInstanceId(c.id()).taskDefinitionKey(step)
                .singleResult();
    }

    Task openTask(Case c) {
        return engine.getTaskService().createTaskQuery().processInstanceId(c.id()).singleResult();
    }

    void complete(Case c, String step, Map<String, Object> variables) {
        engine.getTaskService().complete(task(c, step).getId(), variables);
        runJobs(c.id());
    }

    /** The second Jinshui township reviewer; created once in the shared database. */
    static void ensureColleague(UserDirectory directory) {
        synchronized (WorkbenchCases.class) {
            if (directory.findUser(COLLEAGUE).isEmpty()) {
                directory.createUser(new NewUser(COLLEAGUE, "李雷（金水区乡镇审核）", "colleague.jinshui@example.com",
                        null, Role.REVIEWER, "jinshui", List.of("township-jinshui")), "demo");
            }
        }
    }

    // ---- the API ----

    ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
                new HttpEntity<>(body == null ? Map.of() : body, headers), JsonNode.class);
    }

    /** Every task of the user's list for {@code query} (e.g. {@code service=x&step=y}), page after page. */
    List<JsonNode> allTasks(String user, String query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = get(user, "/api/tasks?size=100&page=" + page + (query.isEmpty() ? "" : "&" + query))
                    .getBody();
            body.get("items").forEach(all::add);
            if ((long) (page + 1) * 100 >= body.get("total").asLong()) {
                return all;
            }
        }
    }

    static List<String> fields(ResponseEntity<JsonNode> problem) {
        List<String> fields = new ArrayList<>();
        problem.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
