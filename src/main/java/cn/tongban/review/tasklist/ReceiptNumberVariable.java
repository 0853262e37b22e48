package cn.tongban.review.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Copies a case's receipt number (受理编号, the business key) into the case variable {@code receiptNo} when it
 * starts, so Camunda Tasklist, which shows variables on its task cards but never the business key, can show it.
 * Added to every process when it is deployed, so no model has to remember it.
 */
@Component
class ReceiptNumberVariable extends AbstractProcessEnginePlugin {

    static final String RECEIPT_NO = "receiptNo";

    private static final ExecutionListener COPY_BUSINESS_KEY = execution -> {
        if (execution.getProcessBusinessKey() != null) {
            execution.setVariable(RECEIPT_NO, execution.getProcessBusinessKey());
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_START, COPY_BUSINESS_KEY);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
