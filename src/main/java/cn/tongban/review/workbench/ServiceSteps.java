package cn.tongban.review.workbench;

import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The steps a reviewer can have a task at: the user tasks of each service's latest model, named by the catalogue
 * where it knows the step (in Chinese or English) and by the model otherwise.
 */
@Component
class ServiceSteps {

    /** One user task of a service's model. */
    record StepOption(String service, String id, String modelName) {
    }

    private final ServiceCatalog catalog;
    private final RepositoryService repository;

    ServiceSteps(ServiceCatalog catalog, RepositoryService repository) {
        this.catalog = catalog;
        this.repository = repository;
    }

    /** Per service in catalogue order, steps in the catalogue's order, steps it does not list after them. */
    List<StepOption> all() {
        List<StepOption> options = new ArrayList<>();
        for (Service service : catalog.all()) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(service.code())
                    .latestVersion().singleResult();
            if (latest == null) {
                continue;
            }
            List<StepOption> steps = new ArrayList<>();
            for (UserTask task : repository.getBpmnModelInstance(latest.getId())
                    .getModelElementsByType(UserTask.class)) {
                steps.add(new StepOption(service.code(), task.getId(), task.getName()));
            }
            List<String> order = service.steps().stream().map(Step::id).toList();
            steps.sort(Comparator.comparingInt(step -> order.contains(step.id()) ? order.indexOf(step.id())
                    : order.size()));
            options.addAll(steps);
        }
        return options;
    }

    /** Whether {@code step} is a user task of {@code service}, or of any service when that is null. */
    boolean known(String service, String step) {
        return all().stream().anyMatch(option -> option.id().equals(step)
                && (service == null || option.service().equals(service)));
    }

    /** The step's name in {@code locale} from the catalogue, else {@code modelName}. */
    String name(String service, String step, String modelName, Locale locale) {
        return catalog.find(service).flatMap(s -> s.step(step)).map(s -> s.names().in(locale))
                .or(() -> Optional.ofNullable(modelName)).orElse(step);
    }

    /** The service's name in {@code locale}, else its code. */
    String serviceName(String service, Locale locale) {
        return catalog.find(service).map(s -> s.names().in(locale)).orElse(service);
    }
}
