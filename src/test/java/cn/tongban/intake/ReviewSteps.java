package cn.tongban.intake;

import cn.tongban.testsupport.EngineTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The reviewers' side of a case an intake test applied for: their steps completed on the engine, so the test can
 * look at what the applicant sees afterwards.
 */
final class ReviewSteps {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    ReviewSteps(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
    }

    String processInstanceOf(String receiptNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(receiptNo).singleResult().getId();
    }

    /** The mails and checks due after what happened last. */
    void runDueJobs(String processInstanceId) {
        EngineTime.executeDueJobs(management, processInstanceId);
    }

    void complete(String processInstanceId, String step, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }

    /** 低保 acceptance asks for the {@code items}; the notice is mailed. */
    void requestCorrection(String processInstanceId, String items) {
        runDueJobs(processInstanceId);
        complete(processInstanceId, "acceptance", Map.of("acceptanceDecision", "REQUEST_CORRECTION",
                "correctionItems", items));
        runDueJobs(processInstanceId);
    }

    /**
     * Every step of the disability subsidies up to the civil-affairs decision, both subsidies granted; what follows
     * the decision (its mail) not yet run.
     */
    void decideDisabilitySubsidies(String processInstanceId) {
        runDueJobs(processInstanceId);
        complete(processInstanceId, "acceptance", Map.of("acceptanceOutcome", "accept"));
        complete(processInstanceId, "townshipReview", Map.of("townshipOpinion", "经入户核实，情况属实"));
        Map<String, Object> federation = new HashMap<>();
        federation.put("holdsValidDisabilityCertificate", true);
        federation.put("disabilityGrade", 1);
        federation.put("disabilityCategory", "physical");
        federation.put("federationOpinion", "残疾人证有效，等级核验无误");
        complete(processInstanceId, "federationReview", federation);
        complete(processInstanceId, "civilAffairsDecision", Map.of("livingSubsidyOutcome", "approved",
                "careSubsidyOutcome", "approved"));
    }
}
