package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.EngineTime;
import cn.tongban.testsupport.EngineUsers;
import cn.tongban.testsupport.SampleApplications;
import cn.tongban.testsupport.TongbanIntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Camunda Tasklist shows a reviewer is what the engine lets them read under authorization:
 * the task of a case in their district, with its Camunda Form, and nothing of another district.
 */
@TongbanIntegrationTest
class TasklistAccessTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void aTownshipReviewerSeesTheTaskOfTheirDistrictAndItsForm() throws Exception {
        String caseId = startAllowanceCaseIn("jinshui");

        List<Task> seen = as("reviewer.jinshui", () -> engine.getTaskService().createTaskQuery()
                .processInstanceId(caseId).list());
        assertThat(seen).extracting(Task::getTaskDefinitionKey).containsExactly("acceptance");

        String form = as("reviewer.jinshui", () -> {
            try (InputStream in = engine.getFormService().getDeployedTaskForm(seen.get(0).getId())) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(form).contains("\"id\": \"dibao-acceptance\"");
        Map<String, Object> variables = as("reviewer.jinshui",
                () -> engine.getTaskService().getVariables(seen.get(0).getId()));
        assertThat(variables).containsEntry("applicantName", "张三");
    }

    @Test
    void aReviewerOfAnotherDistrictSeesNothingOfIt() {
        String caseId = startAllowanceCaseIn("jinshui");

        assertThat(as("reviewer.erqi", () -> engine.getTaskService().createTaskQuery()
                .processInstanceId(caseId).list())).isEmpty();
        assertThat(as("county.jinshui", () -> engine.getTaskService().createTaskQuery()
                .processInstanceId(caseId).list())).isEmpty();
    }

    private String startAllowanceCaseIn(String district) {
        Map<String, Object> variables = SampleApplications.minimumLivingAllowance();
        variables.put("applicantIdNumber", "410105196503121025");
        variables.put("district", district);
        variables.put("keyGroupMembers", 0);
        variables.put("declaredMonthlyIncome", 1000.0);
        String id = engine.getRuntimeService().startProcessInstanceByKey("minimum-living-allowance",
                "DB-TASKLIST-" + UUID.randomUUID(), variables).getId();
        EngineTime.executeDueJobs(engine.getManagementService(), id);
        return id;
    }

    private <T> T as(String userId, Supplier<T> action) {
        return EngineUsers.as(engine, userId, action);
    }
}
