package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A material an applicant provides.
 *
 * @param rulePeriods codes of the rule periods in which the material is asked for; empty means always
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Material(String code, Names names, boolean optional, List<String> rulePeriods, String note) {

    public Material {
        rulePeriods = List.copyOf(rulePeriods);
    }

    public boolean alwaysApplies() {
        return rulePeriods.isEmpty();
    }
}
