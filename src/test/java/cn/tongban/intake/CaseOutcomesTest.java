package cn.tongban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.catalog.Service;
import cn.tongban.catalog.internal.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

/** The outcome table knows exactly the end events of each service model, and the activities it names exist. */
class CaseOutcomesTest {

    static List<String> services() {
        return new CatalogLoader().load(new DefaultResourceLoader(), "classpath:seeds/catalog/").services().all()
                .stream().map(Service::code).toList();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyEndEventOfTheProcessScopeHasAnOutcome(String serviceCode) throws IOException {
        BpmnModelInstance model = model(serviceCode);
        Set<String> endEvents = model.getModelElementsByType(EndEvent.class).stream()
                .filter(end -> end.getParentElement() instanceof Process)
                .map(EndEvent::getId)
                .collect(Collectors.toSet());

        assertThat(CaseOutcomes.endEvents(serviceCode).keySet()).containsExactlyInAnyOrderElementsOf(endEvents);
        assertThat(CaseOutcomes.endEvents(serviceCode).values())
                .as("a service decides its cases somewhere")
                .containsAnyOf(CaseOutcomes.Outcome.APPROVED, CaseOutcomes.Outcome.BY_APPROVED_VARIABLE);
    }

    @ParameterizedTest
    @MethodSource("services")
    void theActivitiesThatRefuseNewDataExist(String serviceCode) throws IOException {
        BpmnModelInstance model = model(serviceCode);
        Set<String> activities = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toSet());

        assertThat(activities).containsAll(CaseOutcomes.refusingData(serviceCode));
    }

    private static BpmnModelInstance model(String serviceCode) throws IOException {
        try (InputStream in = new ClassPathResource("processes/" + serviceCode + ".bpmn").getInputStream()) {
            return Bpmn.readModelFromStream(in);
        }
    }
}
