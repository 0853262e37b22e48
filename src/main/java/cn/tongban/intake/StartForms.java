package cn.tongban.intake;

import cn.tongban.forms.FormDefinition;
import cn.tongban.forms.FormRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

/**
 * The form an application of a service is made with: the {@code camunda:formRef} of the start event of the
 * service's process as deployed (latest version), read from that model, so a changed model takes its form along.
 */
@Component
class StartForms {

    /** The process definition an application starts and the form its data is checked against. */
    record StartForm(String processDefinitionId, FormDefinition form) {
    }

    private final RepositoryService repository;
    private final FormRegistry forms;
    /** By process definition id: a deployed definition never changes. */
    private final Map<String, Optional<FormDefinition>> byDefinition = new ConcurrentHashMap<>();

    StartForms(RepositoryService repository, FormRegistry forms) {
        this.repository = repository;
        this.forms = forms;
    }

    /** Empty when no process of that key is deployed or its start event names no known form. */
    Optional<StartForm> of(String serviceCode) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(serviceCode)
                .latestVersion().singleResult();
        if (latest == null) {
            return Optional.empty();
        }
        return byDefinition.computeIfAbsent(latest.getId(), this::read)
                .map(form -> new StartForm(latest.getId(), form));
    }

    private Optional<FormDefinition> read(String processDefinitionId) {
        return repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getParentElement() instanceof Process)
                .map(StartEvent::getCamundaFormRef)
                .filter(formRef -> formRef != null && !formRef.isBlank())
                .findFirst()
                .flatMap(forms::find);
    }
}
