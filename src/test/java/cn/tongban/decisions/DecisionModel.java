package cn.tongban.decisions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One DMN file of {@code processes/}, read from the classpath exactly as the application deploys it,
 * evaluated by the standalone DMN engine. A post-evaluation listener records which rules of which table
 * matched, so tests can check that a case hits the rule it is meant to and that no rule is left untested.
 */
final class DecisionModel {

    /** The result of one evaluation and the rule ids matched per decision table (required decisions included). */
    record Evaluation(DmnDecisionResult result, Map<String, List<String>> matchedRules) {

        Map<String, Object> single() {
            return result.getSingleResult().getEntryMap();
        }

        <T> T singleEntry() {
            return result.getSingleEntry();
        }
    }

    private final DmnModelInstance model;
    private final DmnEngine engine;
    private final Map<String, DmnDecision> decisions;
    private final Map<String, List<String>> matchedInCurrentEvaluation = new LinkedHashMap<>();
    private final Map<String, Set<String>> matchedSinceLoad = new LinkedHashMap<>();

    private DecisionModel(byte[] xml) {
        var configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationListener) this::record));
        engine = configuration.buildEngine();
        model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        decisions = engine.parseDecisions(model).stream()
                .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
    }

    static DecisionModel load(String classpathResource) {
        try (InputStream in = DecisionModel.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException(classpathResource + " is not on the test classpath");
            }
            return new DecisionModel(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Evaluation evaluate(String decisionKey, Map<String, Object> variables) {
        DmnDecision decision = decisions.get(decisionKey);
        if (decision == null) {
            throw new IllegalArgumentException("no decision " + decisionKey + " in " + decisions.keySet());
        }
        matchedInCurrentEvaluation.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, variables);
        return new Evaluation(result, Map.copyOf(matchedInCurrentEvaluation));
    }

    /** Keys of every decision table in the file. */
    Set<String> decisionTableKeys() {
        return model.getModelElementsByType(Decision.class).stream()
                .filter(d -> d.getExpression() instanceof DecisionTable)
                .map(Decision::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Ids of every rule of one decision table, in table order. */
    Set<String> ruleIds(String decisionKey) {
        Decision decision = model.getModelElementById(decisionKey);
        return ((DecisionTable) decision.getExpression()).getRules().stream()
                .map(Rule::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Rule ids of one table matched by any evaluation since this model was loaded. */
    synchronized Set<String> matchedSinceLoad(String decisionKey) {
        return Set.copyOf(matchedSinceLoad.getOrDefault(decisionKey, Set.of()));
    }

    Decision modelDecision(String decisionKey) {
        return model.getModelElementById(decisionKey);
    }

    private void record(DmnDecisionTableEvaluationEvent event) {
        String key = event.getDecisionTable().getKey();
        List<String> ids = event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        matchedInCurrentEvaluation.put(key, ids);
        matchedSinceLoad.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(ids);
    }
}
