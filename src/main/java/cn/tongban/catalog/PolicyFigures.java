package cn.tongban.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy figures and rule periods with their effective dates, as loaded from {@code policy-figures.json}. */
public final class PolicyFigures {

    /** Rule set of cross-province marriage registration (婚姻登记跨省通办). */
    public static final String MARRIAGE_REGISTRATION = "marriage-registration";

    private final List<PolicyFigure> figures;
    private final List<RulePeriod> periods;
    private final Map<String, PolicyFigure> byCodeAndRegion = new LinkedHashMap<>();
    private final Map<String, RulePeriod> periodByCode = new LinkedHashMap<>();

    /** Expects (code, region) unique among figures and period codes unique among all rule sets. */
    public PolicyFigures(List<PolicyFigure> figures, List<RulePeriod> periods) {
        this.figures = List.copyOf(figures);
        this.periods = List.copyOf(periods);
        this.figures.forEach(f -> byCodeAndRegion.put(key(f.code(), f.region()), f));
        this.periods.forEach(p -> periodByCode.put(p.code(), p));
    }

    public List<PolicyFigure> all() {
        return figures;
    }

    public Optional<PolicyFigure> figure(String code, String region) {
        return Optional.ofNullable(byCodeAndRegion.get(key(code, region)));
    }

    /** The value of a figure in a region on a date; empty if the figure is unknown or not in force then. */
    public Optional<BigDecimal> valueOn(String code, String region, LocalDate date) {
        return figure(code, region).flatMap(f -> f.valueOn(date));
    }

    public List<RulePeriod> rulePeriods() {
        return periods;
    }

    public Optional<RulePeriod> rulePeriod(String code) {
        return Optional.ofNullable(periodByCode.get(code));
    }

    /** The period of a rule set in force on a date, such as the marriage rules on the registration date. */
    public Optional<RulePeriod> rulePeriodOn(String ruleSet, LocalDate date) {
        return periods.stream().filter(p -> p.ruleSet().equals(ruleSet) && p.covers(date)).findFirst();
    }

    private static String key(String code, String region) {
        return code + '@' + region;
    }
}
