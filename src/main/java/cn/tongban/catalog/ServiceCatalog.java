package cn.tongban.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services offered, as loaded from {@code services.json}. */
public final class ServiceCatalog {

    private final List<Service> services;
    private final Map<String, Service> byCode = new LinkedHashMap<>();
    private final PolicyFigures policyFigures;

    /**
     * Expects service codes unique and every rule period a material names known to {@code policyFigures}.
     */
    public ServiceCatalog(List<Service> services, PolicyFigures policyFigures) {
        this.services = List.copyOf(services);
        this.policyFigures = policyFigures;
        this.services.forEach(s -> byCode.put(s.code(), s));
    }

    public List<Service> all() {
        return services;
    }

    public Optional<Service> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** A step's own limit; empty for an unknown service or step, or a step bounded only from outside. */
    public Optional<StepLimit> stepLimit(String serviceCode, String stepId) {
        return find(serviceCode).flatMap(s -> s.step(stepId)).flatMap(Step::ownLimit);
    }

    /** Every material of a service, whatever the rule period. */
    public List<Material> materials(String serviceCode) {
        return find(serviceCode).map(Service::materials).orElse(List.of());
    }

    /** The materials asked for on a date: those for every period and those of a rule period in force then. */
    public List<Material> materials(String serviceCode, LocalDate date) {
        return materials(serviceCode).stream()
                .filter(m -> m.alwaysApplies() || m.rulePeriods().stream()
                        .flatMap(code -> policyFigures.rulePeriod(code).stream())
                        .anyMatch(p -> p.covers(date)))
                .toList();
    }
}
