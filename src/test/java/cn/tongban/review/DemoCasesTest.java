package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile starts with cases, so each demo reviewer finds work in Tasklist on first start. */
@TongbanIntegrationTest
class DemoCasesTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void everyServiceHasDemoCases() {
        for (String service : List.of("minimum-living-allowance", "disability-subsidies", "marriage-registration")) {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(service).processInstanceBusinessKeyLike("%-9001").count())
                    .as(service).isPositive();
        }
    }

    @Test
    void demoReviewersFindTasksOfTheirDistrictAndRole() {
        assertThat(tasksOf("reviewer.jinshui")).extracting(Task::getTaskDefinitionKey)
                .contains("acceptance", "homeInvestigation");
        assertThat(tasksOf("reviewer.erqi")).extracting(Task::getTaskDefinitionKey).contains("acceptance");
        assertThat(tasksOf("canlian.jinshui")).extracting(Task::getTaskDefinitionKey).contains("federationReview");
        assertThat(tasksOf("county.jinshui")).isEmpty();
    }

    private List<Task> tasksOf(String userId) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike("%-900_")
                    .taskCandidateGroupIn(groups).list();
        } finally {
            identity.clearAuthentication();
        }
    }
}
