package cn.tongban.catalog;

import java.time.LocalDate;

/**
 * A period during which one set of rules is in force, such as the 2021 pilot of cross-province
 * marriage registration. Both dates are inclusive; a null {@code effectiveTo} means until further notice.
 */
public record RulePeriod(String ruleSet, String code, Names names, String region, LocalDate effectiveFrom,
                         LocalDate effectiveTo, String source, String note) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
