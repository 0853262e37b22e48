package cn.tongban.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.testsupport.TongbanIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conventions every service model keeps (ARCHITECTURE, "Process models"), checked on what the engine
 * deployed from processes/ and forms/: names in Chinese, deadlines on every user task, candidate groups by
 * district, forms that resolve, outside effects async with a retry cycle, service deadlines enforced by timers.
 */
@TongbanIntegrationTest
class ModelConventionsTest {

    /** Beans whose work reaches outside the engine's transaction: mail servers, data platforms, partner authorities. */
    private static final Set<String> OUTSIDE_EFFECTS = Set.of("${applicantMail}", "${dibaoEconomicCheck}", "${slaMail}",
            "${crossProvinceDelivery}");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern STEP_DEADLINE = Pattern.compile("\\$\\{sla\\.dueAt\\(execution, '([a-zA-Z]+)'\\)}");
    private static final Pattern DISTRICT_GROUP =
            Pattern.compile("(township|county|canlian|registrar|supervisor)-\\$\\{district}");

    @Autowired
    RepositoryService repository;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<String>> formIdsByDeployment = new HashMap<>();

    @Test
    void threeServiceModelsAndTheirDecisionsAreDeployed() {
        assertThat(latestModels()).extracting(ProcessDefinition::getKey).containsExactlyInAnyOrder(
                "minimum-living-allowance", "disability-subsidies", "marriage-registration");
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyModelIsVersionedAndKeepsItsHistoryForALimitedTime() {
        for (ProcessDefinition definition : latestModels()) {
            assertThat(definition.getVersionTag()).as(definition.getKey()).isNotBlank();
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isPositive();
            assertThat(CHINESE.matcher(definition.getName()).find()).as(definition.getKey()).isTrue();
        }
    }

    @Test
    void everyElementIsNamedInChineseWithAMeaningfulId() {
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : latestModels()) {
            for (FlowNode node : model(definition).getModelElementsByType(FlowNode.class)) {
                if (node.getName() == null || !CHINESE.matcher(node.getName()).find()) {
                    problems.add(where(definition, node) + " has no Chinese name");
                }
                if (!CAMEL_CASE.matcher(node.getId()).matches()) {
                    problems.add(where(definition, node) + " id is not camelCase");
                }
            }
            for (SequenceFlow flow : model(definition).getModelElementsByType(SequenceFlow.class)) {
                // an event-based or parallel gateway's branches are told apart by their events, not by names
                boolean choice = (flow.getSource() instanceof ExclusiveGateway
                        || flow.getSource() instanceof InclusiveGateway) && flow.getSource().getOutgoing().size() > 1;
                if (choice && (flow.getName() == null || flow.getName().isBlank())) {
                    problems.add(where(definition, flow) + " leaves a decision without a name");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserTaskHasADeadlineADistrictGroupAndADeployedForm() {
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : latestModels()) {
            BpmnModelInstance model = model(definition);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaDueDate() == null || !task.getCamundaDueDate().contains("sla.")) {
                    problems.add(where(definition, task) + " has no deadline from the SLA module");
                }
                if (task.getCamundaCandidateGroups() == null
                        || !DISTRICT_GROUP.matcher(task.getCamundaCandidateGroups()).matches()) {
                    problems.add(where(definition, task) + " is not offered to a district group");
                }
                checkForm(definition, task, task.getCamundaFormRef(), problems);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                // a message start (a case handed over by a partner authority) has no screen of input
                if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
                    checkForm(definition, start, start.getCamundaFormRef(), problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOutsideEffectIsAnAsyncStepWithARetryCycle() {
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : latestModels()) {
            for (ServiceTask task : model(definition).getModelElementsByType(ServiceTask.class)) {
                if (!OUTSIDE_EFFECTS.contains(task.getCamundaDelegateExpression())) {
                    continue;
                }
                Collection<CamundaFailedJobRetryTimeCycle> retries = task.getExtensionElements() == null ? List.of()
                        : task.getExtensionElements().getElementsQuery()
                                .filterByType(CamundaFailedJobRetryTimeCycle.class).list();
                if (!task.isCamundaAsyncBefore() || retries.isEmpty()) {
                    problems.add(where(definition, task) + " is not async with a retry cycle");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserTaskIsWatchedByTimersOnTheDeadlineOfItsDueDate() {
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : latestModels()) {
            for (UserTask task : model(definition).getModelElementsByType(UserTask.class)) {
                Matcher dueDate = STEP_DEADLINE.matcher(String.valueOf(task.getCamundaDueDate()));
                if (!dueDate.matches()) {
                    problems.add(where(definition, task) + " has no step deadline ${sla.dueAt(execution, '<step>')}");
                    continue;
                }
                String step = dueDate.group(1);
                Map<String, String> timeouts = new HashMap<>();
                Collection<CamundaTaskListener> listeners = task.getExtensionElements() == null ? List.of()
                        : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
                for (CamundaTaskListener listener : listeners) {
                    if ("timeout".equals(listener.getCamundaEvent())) {
                        listener.getTimeouts().forEach(timer -> timeouts.put(listener.getCamundaDelegateExpression(),
                                timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent()));
                    }
                }
                if (!Map.of("${slaDueSoon}", "${sla.dueSoonAt(execution, '" + step + "')}",
                        "${slaOverdue}", "${sla.overdueAt(execution, '" + step + "')}").equals(timeouts)) {
                    problems.add(where(definition, task) + " is not watched by the due-soon and overdue timers of step "
                            + step + ": " + timeouts);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyModelEscalatesThroughTheSlaEventSubprocesses() {
        for (ProcessDefinition definition : latestModels()) {
            BpmnModelInstance model = model(definition);
            Map<String, StartEvent> starts = new HashMap<>();
            for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
                if (sub.triggeredByEvent()) {
                    sub.getChildElementsByType(StartEvent.class).forEach(start -> starts.put(sub.getId(), start));
                }
            }
            assertThat(starts).as(definition.getKey())
                    .containsOnlyKeys("caseDeadlineWatch", "stepDueSoonNotice", "stepOverdueNotice")
                    .allSatisfy((id, start) -> assertThat(start.isInterrupting()).as(id).isFalse());
            TimerEventDefinition caseTimer = (TimerEventDefinition) starts.get("caseDeadlineWatch")
                    .getEventDefinitions().iterator().next();
            assertThat(caseTimer.getTimeDate().getTextContent()).isEqualTo("${sla.caseOverdueAt(execution)}");
            assertThat(messageOf(starts.get("stepDueSoonNotice"))).as(definition.getKey()).isEqualTo("SlaStepDueSoon");
            assertThat(messageOf(starts.get("stepOverdueNotice"))).as(definition.getKey()).isEqualTo("SlaStepOverdue");
        }
    }

    private static String messageOf(StartEvent start) {
        return ((MessageEventDefinition) start.getEventDefinitions().iterator().next()).getMessage().getName();
    }

    private void checkForm(ProcessDefinition definition, FlowElement element, String formRef, List<String> problems) {
        if (formRef == null) {
            problems.add(where(definition, element) + " has no Camunda Form");
        } else if (!deployedFormIds(definition.getDeploymentId()).contains(formRef)) {
            problems.add(where(definition, element) + " names form " + formRef + ", which is not deployed with it");
        }
    }

    /** The ids of the Camunda Forms in a deployment, read once per deployment. */
    private Set<String> deployedFormIds(String deploymentId) {
        return formIdsByDeployment.computeIfAbsent(deploymentId, id -> repository.getDeploymentResourceNames(id)
                .stream().filter(name -> name.endsWith(".form"))
                .map(name -> {
                    try (var in = repository.getResourceAsStream(id, name)) {
                        return json.readTree(in).path("id").asText();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet()));
    }

    private List<ProcessDefinition> latestModels() {
        return repository.createProcessDefinitionQuery().latestVersion().list();
    }

    private BpmnModelInstance model(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId());
    }

    private static String where(ProcessDefinition definition, BaseElement element) {
        return definition.getKey() + "/" + element.getId();
    }
}
