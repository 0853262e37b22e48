package cn.tongban.sla.internal;

import cn.tongban.catalog.ServiceCatalog;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the SLA bookkeeping to every process of the service catalogue as it is deployed, so no model has to carry
 * it by hand: the case's start and end, and the create, assignment, completion and deletion of each user task.
 * The listeners are built-in ones, so they run even when an operator skips custom listeners.
 */
class SlaParseListener extends AbstractBpmnParseListener {

    private final ServiceCatalog catalog;
    private final Supplier<CaseTracking> tracking;

    SlaParseListener(ServiceCatalog catalog, Supplier<CaseTracking> tracking) {
        this.catalog = catalog;
        this.tracking = tracking;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (!isService(processDefinition)) {
            return;
        }
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> tracking.get().caseStarted(execution));
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                (ExecutionListener) execution -> tracking.get().caseEnded(execution));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!(scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition) || !isService(definition)
                || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
            return;
        }
        TaskDefinition task = behavior.getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> tracking.get().stepCreated(t));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, t -> tracking.get().stepAssigned(t));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, t -> tracking.get().stepUpdated(t));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> tracking.get().stepCompleted(t));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, t -> tracking.get().stepDeleted(t));
    }

    private boolean isService(ProcessDefinitionEntity definition) {
        return catalog.find(definition.getKey()).isPresent();
    }
}
