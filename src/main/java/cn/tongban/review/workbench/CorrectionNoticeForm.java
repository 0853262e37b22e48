package cn.tongban.review.workbench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How each service's acceptance task takes a one-time correction notice (一次性告知): the decision variable and
 * value of its acceptance form that route the case to the notice, the variable the mail lists the missing
 * materials from, and where the reviewer's remark goes. Marriage registration is decided on the spot and has no
 * notice.
 */
enum CorrectionNoticeForm {

    /** forms/dibao-acceptance.form, processes/minimum-living-allowance.bpmn (materialsMissing). */
    MINIMUM_LIVING_ALLOWANCE("minimum-living-allowance", "acceptanceDecision", "REQUEST_CORRECTION",
            "acceptanceOpinion"),
    /** forms/disability-acceptance.form, processes/disability-subsidies.bpmn (correctionNeeded). */
    DISABILITY_SUBSIDIES("disability-subsidies", "acceptanceOutcome", "correction", "acceptanceNote");

    static final String ACCEPTANCE_STEP = "acceptance";
    static final String ITEMS = "correctionItems";

    private final String service;
    private final String decisionVariable;
    private final String decision;
    private final String noteVariable;

    CorrectionNoticeForm(String service, String decisionVariable, String decision, String noteVariable) {
        this.service = service;
        this.decisionVariable = decisionVariable;
        this.decision = decision;
        this.noteVariable = noteVariable;
    }

    /** The notice of a service's step; empty where none can be issued. */
    static Optional<CorrectionNoticeForm> at(String service, String step) {
        if (!ACCEPTANCE_STEP.equals(step)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(form -> form.service.equals(service)).findFirst();
    }

    /** The acceptance task's variables for a notice listing {@code items}, with the remark when there is one. */
    Map<String, Object> variables(String items, String note) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(decisionVariable, decision);
        variables.put(ITEMS, items);
        if (note != null && !note.isBlank()) {
            variables.put(noteVariable, note.strip());
        }
        return variables;
    }
}
