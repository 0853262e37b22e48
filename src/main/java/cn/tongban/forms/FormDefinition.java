package cn.tongban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Camunda Form as read from its .form file: the {@code id} that BPMN {@code camunda:formRef} names, and the
 * component tree. Immutable; obtain one from {@link FormRegistry} or {@link FormSchema#parse}.
 */
public final class FormDefinition {

    private final String id;
    private final Integer schemaVersion;
    private final String source;
    private final List<FormComponent> components;
    private final DataShape shape;

    FormDefinition(String id, Integer schemaVersion, String source, List<FormComponent> components, DataShape shape) {
        this.id = id;
        this.schemaVersion = schemaVersion;
        this.source = source;
        this.components = List.copyOf(components);
        this.shape = shape;
    }

    public String id() {
        return id;
    }

    public Optional<Integer> schemaVersion() {
        return Optional.ofNullable(schemaVersion);
    }

    /** Where the form was read from, e.g. {@code forms/dibao-apply.form}. */
    public String source() {
        return source;
    }

    /** The top-level components in order. */
    public List<FormComponent> components() {
        return components;
    }

    /** Every component, depth first, in the order of the file. */
    public List<FormComponent> allComponents() {
        List<FormComponent> all = new ArrayList<>();
        collect(components, all);
        return all;
    }

    /** The inputs (components with a {@code key}), depth first. */
    public List<FormComponent> fields() {
        return allComponents().stream().filter(FormComponent::keyed).toList();
    }

    /** Conditions and flags the server cannot evaluate (they count as false there); see {@link FeelCondition}. */
    public List<FeelCondition> unsupportedExpressions() {
        return allComponents().stream()
                .flatMap(c -> Stream.of(c.hide(), c.readonly(), c.disabled()))
                .filter(condition -> !condition.supported())
                .toList();
    }

    DataShape shape() {
        return shape;
    }

    private static void collect(List<FormComponent> components, List<FormComponent> all) {
        for (FormComponent component : components) {
            all.add(component);
            collect(component.components(), all);
        }
    }

    @Override
    public String toString() {
        return "form " + id + " (" + source + ")";
    }
}
