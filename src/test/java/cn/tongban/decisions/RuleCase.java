package cn.tongban.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A decision-table case: inputs, the one rule expected to decide it, and the expected outputs.
 * The name is what the test report shows.
 */
record RuleCase(String name, String decisionKey, Vars inputs, String expectedRule, Map<String, Object> expectedOutputs) {

    void verify(DecisionModel model) {
        DecisionModel.Evaluation evaluation = model.evaluate(decisionKey, inputs.asMap());
        assertThat(evaluation.matchedRules().get(decisionKey))
                .as("rule matched for %s", name)
                .isEqualTo(List.of(expectedRule));
        Map<String, Object> outputs = evaluation.single();
        assertThat(outputs).as("outputs for %s", name).containsAllEntriesOf(expectedOutputs);
        if (outputs.containsKey("reasonZh")) {
            assertThat((String) outputs.get("reasonZh")).as("reason text for %s", name).isNotBlank();
        }
    }

    /**
     * Evaluates all cases on a freshly loaded model and checks that together they hit every rule of every
     * decision table in the file, so a rule added later without a case fails the build.
     */
    static void assertEveryRuleIsHit(String dmnResource, Stream<RuleCase> cases) {
        DecisionModel model = DecisionModel.load(dmnResource);
        cases.forEach(c -> model.evaluate(c.decisionKey(), c.inputs().asMap()));
        assertThat(model.decisionTableKeys()).isNotEmpty();
        for (String table : model.decisionTableKeys()) {
            assertThat(model.matchedSinceLoad(table))
                    .as("rules of %s hit by the cases", table)
                    .containsExactlyInAnyOrderElementsOf(model.ruleIds(table));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
