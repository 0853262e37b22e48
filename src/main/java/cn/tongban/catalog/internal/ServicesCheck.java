package cn.tongban.catalog.internal;

import static cn.tongban.catalog.internal.SeedPatterns.CAMEL;
import static cn.tongban.catalog.internal.SeedPatterns.KEBAB;
import static cn.tongban.catalog.internal.SeedPatterns.RECEIPT_PREFIX;

import cn.tongban.catalog.Material;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.RulePeriod;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.ServiceKind;
import cn.tongban.catalog.Step;
import cn.tongban.catalog.StepLimit;
import cn.tongban.catalog.StepRole;
import cn.tongban.catalog.internal.SeedDocuments.LimitEntry;
import cn.tongban.catalog.internal.SeedDocuments.MaterialEntry;
import cn.tongban.catalog.internal.SeedDocuments.ServiceEntry;
import cn.tongban.catalog.internal.SeedDocuments.ServicesDocument;
import cn.tongban.catalog.internal.SeedDocuments.StepEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks {@code services.json}: commitments, steps with their limits and roles, materials. */
final class ServicesCheck {

    private final SeedFile file;
    /** Null when the figures file is broken: its own faults are reported, rule periods go unchecked. */
    private final PolicyFigures figures;

    private ServicesCheck(SeedFile file, PolicyFigures figures) {
        this.file = file;
        this.figures = figures;
    }

    /** The catalogue, or null when the file has faults (reported to the file) or the figures are missing. */
    static ServiceCatalog check(SeedFile file, ServicesDocument doc, PolicyFigures figures) {
        List<ServiceEntry> entries = doc.services();
        if (file.requireElements(entries, "/services", "services")) {
            ServicesCheck check = new ServicesCheck(file, figures);
            Map<String, String> seen = new HashMap<>();
            Map<String, String> seenPrefixes = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                if (file.requireElement(entries.get(i), "/services/" + i)) {
                    check.service(entries.get(i), "/services/" + i, seen, seenPrefixes);
                }
            }
        }
        if (!file.problems().isEmpty() || figures == null) {
            return null;
        }
        return new ServiceCatalog(entries.stream().map(ServicesCheck::toService).toList(), figures);
    }

    private void service(ServiceEntry service, String at, Map<String, String> seen,
                         Map<String, String> seenPrefixes) {
        if (file.requireCode(service.code(), KEBAB, at + "/code", "service code")) {
            file.requireUnique(seen, service.code(), at + "/code", "service");
        }
        // receipt numbers of different services must never collide
        if (file.requireCode(service.receiptPrefix(), RECEIPT_PREFIX, at + "/receiptPrefix", "receiptPrefix")) {
            file.requireUnique(seenPrefixes, service.receiptPrefix(), at + "/receiptPrefix", "receiptPrefix");
        }
        file.requireNames(service.names(), at);
        commitment(service, at);

        if (file.requireElements(service.steps(), at + "/steps", "steps")) {
            int wholeCase = Math.max(days(service.committedWorkingDays()), days(service.extendedWorkingDays()));
            Map<String, StepEntry> stepsById = service.steps().stream()
                    .filter(s -> s != null && s.id() != null)
                    .collect(Collectors.toMap(StepEntry::id, Function.identity(), (first, again) -> first));
            Map<String, String> seenSteps = new HashMap<>();
            for (int j = 0; j < service.steps().size(); j++) {
                String sat = at + "/steps/" + j;
                if (file.requireElement(service.steps().get(j), sat)) {
                    step(service.steps().get(j), sat, seenSteps, stepsById, wholeCase);
                }
            }
        }
        if (service.materials() == null) {
            file.problem(at + "/materials", "materials are missing");
            return;
        }
        Map<String, String> seenMaterials = new HashMap<>();
        for (int j = 0; j < service.materials().size(); j++) {
            String mat = at + "/materials/" + j;
            if (file.requireElement(service.materials().get(j), mat)) {
                material(service.materials().get(j), mat, seenMaterials);
            }
        }
    }

    private void commitment(ServiceEntry service, String at) {
        Integer committed = service.committedWorkingDays();
        Integer extended = service.extendedWorkingDays();
        if (committed == null) {
            file.problem(at + "/committedWorkingDays", "committedWorkingDays is missing");
        } else if (committed < 0) {
            file.problem(at + "/committedWorkingDays", "committedWorkingDays " + committed + " is negative");
        }
        if (!file.requireOneOf(service.kind(), ServiceKind.values(), at + "/kind", "kind")) {
            return;
        }
        if (service.kind().equals(ServiceKind.IMMEDIATE.name())) {
            if (committed != null && committed != 0) {
                file.problem(at + "/committedWorkingDays", "an IMMEDIATE service is committed for 0 working days");
            }
            if (extended != null) {
                file.problem(at + "/extendedWorkingDays", "an IMMEDIATE service cannot be extended");
            }
            return;
        }
        if (committed != null && committed == 0) {
            file.problem(at + "/committedWorkingDays", "a COMMITTED service needs at least 1 working day");
        }
        if (extended != null && committed != null && extended <= committed) {
            file.problem(at + "/extendedWorkingDays", "extendedWorkingDays " + extended
                    + " must exceed committedWorkingDays " + committed);
        }
    }

    private void step(StepEntry step, String at, Map<String, String> seen, Map<String, StepEntry> stepsById,
                      int wholeCase) {
        if (file.requireCode(step.id(), CAMEL, at + "/id", "step id")) {
            file.requireUnique(seen, step.id(), at + "/id", "step");
        }
        file.requireNames(step.names(), at);
        file.requireOneOf(step.role(), StepRole.values(), StepRole::code, at + "/role", "role");
        LimitEntry limit = step.limit();
        if (limit != null) {
            if ((limit.workingDays() == null) == (limit.calendarDays() == null)) {
                file.problem(at + "/limit", "a limit has exactly one of workingDays and calendarDays");
            } else if (limit.workingDays() != null && limit.workingDays() < 0) {
                file.problem(at + "/limit/workingDays", "limit of " + limit.workingDays() + " working days is negative");
            } else if (limit.calendarDays() != null && limit.calendarDays() < 0) {
                file.problem(at + "/limit/calendarDays", "limit of " + limit.calendarDays()
                        + " calendar days is negative");
            } else if (limit.workingDays() != null && limit.workingDays() > wholeCase) {
                file.problem(at + "/limit/workingDays", "limit of " + limit.workingDays()
                        + " working days is longer than the whole case (" + wholeCase + ")");
            }
        }
        if (step.within() != null) {
            StepEntry enclosing = stepsById.get(step.within());
            if (step.within().equals(step.id())) {
                file.problem(at + "/within", "a step cannot lie within itself");
            } else if (enclosing == null) {
                file.problem(at + "/within", "no step '" + step.within() + "' in this service");
            } else if (enclosing.limit() == null) {
                file.problem(at + "/within", "step '" + step.within() + "' has no limit to share");
            }
        }
    }

    private void material(MaterialEntry material, String at, Map<String, String> seen) {
        if (file.requireCode(material.code(), KEBAB, at + "/code", "material code")) {
            file.requireUnique(seen, material.code(), at + "/code", "material");
        }
        file.requireNames(material.names(), at);
        if (material.rulePeriods() == null) {
            return;
        }
        Set<String> listed = new HashSet<>();
        for (int k = 0; k < material.rulePeriods().size(); k++) {
            String period = material.rulePeriods().get(k);
            String pat = at + "/rulePeriods/" + k;
            if (!file.requireText(period, pat, "rule period")) {
                continue;
            }
            if (!listed.add(period)) {
                file.problem(pat, "rule period '" + period + "' is listed twice");
            } else if (figures != null && figures.rulePeriod(period).isEmpty()) {
                file.problem(pat, "unknown rule period '" + period + "'; expected one of "
                        + figures.rulePeriods().stream().map(RulePeriod::code).toList());
            }
        }
    }

    private static int days(Integer days) {
        return days == null ? 0 : Math.max(days, 0);
    }

    private static Service toService(ServiceEntry s) {
        return new Service(s.code(), s.receiptPrefix(), s.names(), ServiceKind.valueOf(s.kind()), s.committedWorkingDays(),
                s.extendedWorkingDays(), s.note(),
                s.steps().stream().map(ServicesCheck::toStep).toList(),
                s.materials().stream().map(m -> new Material(m.code(), m.names(), Boolean.TRUE.equals(m.optional()),
                        Objects.requireNonNullElse(m.rulePeriods(), List.of()), m.note())).toList());
    }

    private static Step toStep(StepEntry step) {
        LimitEntry limit = step.limit();
        return new Step(step.id(), step.names(), StepRole.ofCode(step.role()).orElseThrow(),
                limit == null ? null
                        : new StepLimit(limit.workingDays(), limit.calendarDays(), Boolean.TRUE.equals(limit.toStart())),
                step.within(), step.note());
    }
}
