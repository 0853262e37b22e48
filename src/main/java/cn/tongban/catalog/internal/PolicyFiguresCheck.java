package cn.tongban.catalog.internal;

import static cn.tongban.catalog.internal.SeedPatterns.KEBAB;

import cn.tongban.catalog.FigureUnit;
import cn.tongban.catalog.FigureValue;
import cn.tongban.catalog.PolicyFigure;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.RulePeriod;
import cn.tongban.catalog.internal.SeedDocuments.FigureEntry;
import cn.tongban.catalog.internal.SeedDocuments.PeriodEntry;
import cn.tongban.catalog.internal.SeedDocuments.PolicyFiguresDocument;
import cn.tongban.catalog.internal.SeedDocuments.RuleSetEntry;
import cn.tongban.catalog.internal.SeedDocuments.ValueEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks {@code policy-figures.json}: figures per region and rule periods, none overlapping another. */
final class PolicyFiguresCheck {

    private final SeedFile file;

    private PolicyFiguresCheck(SeedFile file) {
        this.file = file;
    }

    /** The figures, or null when the file has faults (reported to the file). */
    static PolicyFigures check(SeedFile file, PolicyFiguresDocument doc) {
        new PolicyFiguresCheck(file).document(doc);
        if (!file.problems().isEmpty()) {
            return null;
        }
        List<RulePeriod> periods = doc.rulePeriods().stream()
                .flatMap(set -> set.periods().stream().map(p -> new RulePeriod(set.ruleSet(), p.code(), p.names(),
                        set.region(), p.effectiveFrom(), p.effectiveTo(), p.source(), p.note())))
                .toList();
        return new PolicyFigures(doc.figures().stream().map(PolicyFiguresCheck::toFigure).toList(), periods);
    }

    private void document(PolicyFiguresDocument doc) {
        if (doc.figures() == null) {
            file.problem("", "'figures' is missing");
        } else {
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < doc.figures().size(); i++) {
                String at = "/figures/" + i;
                if (file.requireElement(doc.figures().get(i), at)) {
                    figure(doc.figures().get(i), at, seen);
                }
            }
        }
        if (doc.rulePeriods() == null) {
            file.problem("", "'rulePeriods' is missing");
        } else {
            Map<String, String> seenSets = new HashMap<>();
            Map<String, String> seenPeriods = new HashMap<>();
            for (int i = 0; i < doc.rulePeriods().size(); i++) {
                String at = "/rulePeriods/" + i;
                if (file.requireElement(doc.rulePeriods().get(i), at)) {
                    ruleSet(doc.rulePeriods().get(i), at, seenSets, seenPeriods);
                }
            }
        }
    }

    private void figure(FigureEntry figure, String at, Map<String, String> seen) {
        boolean codeOk = file.requireCode(figure.code(), KEBAB, at + "/code", "figure code");
        boolean regionOk = file.requireCode(figure.region(), KEBAB, at + "/region", "region");
        if (codeOk && regionOk) {
            file.requireUnique(seen, figure.code() + " in region " + figure.region(), at, "figure");
        }
        file.requireNames(figure.names(), at);
        file.requireOneOf(figure.unit(), FigureUnit.values(), at + "/unit", "unit");
        if (!file.requireElements(figure.values(), at + "/values", "values")) {
            return;
        }
        List<Period> accepted = new ArrayList<>();
        for (int j = 0; j < figure.values().size(); j++) {
            String vat = at + "/values/" + j;
            ValueEntry value = figure.values().get(j);
            if (!file.requireElement(value, vat)) {
                continue;
            }
            if (value.value() == null) {
                file.problem(vat + "/value", "value is missing");
            } else if (value.value().signum() < 0) {
                file.problem(vat + "/value", "value " + value.value() + " is negative");
            }
            file.requireText(value.source(), vat + "/source", "source");
            period(value.effectiveFrom(), value.effectiveTo(), vat, accepted);
        }
    }

    private void ruleSet(RuleSetEntry set, String at, Map<String, String> seenSets, Map<String, String> seenPeriods) {
        if (file.requireCode(set.ruleSet(), KEBAB, at + "/ruleSet", "rule set")) {
            file.requireUnique(seenSets, set.ruleSet(), at + "/ruleSet", "rule set");
        }
        file.requireCode(set.region(), KEBAB, at + "/region", "region");
        if (!file.requireElements(set.periods(), at + "/periods", "periods")) {
            return;
        }
        List<Period> accepted = new ArrayList<>();
        for (int j = 0; j < set.periods().size(); j++) {
            String pat = at + "/periods/" + j;
            PeriodEntry period = set.periods().get(j);
            if (!file.requireElement(period, pat)) {
                continue;
            }
            // codes are unique across rule sets: a material names a period by its code alone
            if (file.requireCode(period.code(), KEBAB, pat + "/code", "rule period code")) {
                file.requireUnique(seenPeriods, period.code(), pat + "/code", "rule period");
            }
            file.requireNames(period.names(), pat);
            file.requireText(period.source(), pat + "/source", "source");
            period(period.effectiveFrom(), period.effectiveTo(), pat, accepted);
        }
    }

    /** An effective period already accepted, with the pointer of its element. */
    private record Period(LocalDate from, LocalDate to, String pointer) {

        boolean overlaps(Period other) {
            return !from.isAfter(end(other.to)) && !other.from.isAfter(end(to));
        }

        private static LocalDate end(LocalDate to) {
            return to == null ? LocalDate.MAX : to;
        }

        @Override
        public String toString() {
            return from + ".." + (to == null ? "open" : to.toString());
        }
    }

    private void period(LocalDate from, LocalDate to, String at, List<Period> accepted) {
        if (from == null) {
            file.problem(at + "/effectiveFrom", "effectiveFrom is missing");
            return;
        }
        if (to != null && to.isBefore(from)) {
            file.problem(at + "/effectiveTo", "effectiveTo " + to + " is before effectiveFrom " + from);
            return;
        }
        Period period = new Period(from, to, at);
        for (Period other : accepted) {
            if (other.overlaps(period)) {
                file.problem(at, "effective period " + period + " overlaps " + other + " at line "
                        + file.line(other.pointer()));
                return;
            }
        }
        accepted.add(period);
    }

    private static PolicyFigure toFigure(FigureEntry figure) {
        return new PolicyFigure(figure.code(), figure.region(), figure.names(), FigureUnit.valueOf(figure.unit()),
                figure.values().stream()
                        .map(v -> new FigureValue(v.value(), v.effectiveFrom(), v.effectiveTo(), v.source(), v.note()))
                        .toList());
    }
}
