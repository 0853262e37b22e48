package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * One step of a service; {@code id} is the activity id in the BPMN model.
 *
 * @param limit  the step's own limit, or null when only an enclosing step or the case commitment bounds it
 * @param within the id of an enclosing step whose limit also covers this one (the hukou authority's
 *               10 working days cover its township review, federation review and decision), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(String id, Names names, StepRole role, StepLimit limit, String within, String note) {

    public Optional<StepLimit> ownLimit() {
        return Optional.ofNullable(limit);
    }

    public Optional<String> enclosingStep() {
        return Optional.ofNullable(within);
    }
}
