package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A service of the catalogue; {@code code} is the BPMN process key.
 *
 * @param receiptPrefix        the letters receipt numbers (受理编号) of this service begin with, e.g. DB for 低保
 * @param committedWorkingDays the commitment to the applicant, 0 for 即办 (same day)
 * @param extendedWorkingDays  the limit after the one extension a supervisor may grant, or null if none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Service(String code, String receiptPrefix, Names names, ServiceKind kind, int committedWorkingDays,
                      Integer extendedWorkingDays, String note, List<Step> steps, List<Material> materials) {

    public Service {
        steps = List.copyOf(steps);
        materials = List.copyOf(materials);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public Optional<Integer> extension() {
        return Optional.ofNullable(extendedWorkingDays);
    }
}
