package cn.tongban.sla.internal;

import cn.tongban.catalog.ServiceCatalog;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers {@link SlaParseListener} with the engine; Camunda's Spring Boot starter applies every plugin bean.
 * The bookkeeping bean is looked up when a listener first runs, as the engine is built before it.
 */
@Component
class SlaEnginePlugin extends AbstractProcessEnginePlugin {

    private final ServiceCatalog catalog;
    private final ObjectProvider<CaseTracking> tracking;

    SlaEnginePlugin(ServiceCatalog catalog, ObjectProvider<CaseTracking> tracking) {
        this.catalog = catalog;
        this.tracking = tracking;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new SlaParseListener(catalog, tracking::getObject));
    }
}
