package cn.tongban.catalog.internal;

import cn.tongban.catalog.Names;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The seed files as written, before any check: every field may be absent, enumerations are plain
 * text, so that the checks can say which element is wrong and where.
 */
final class SeedDocuments {

    private SeedDocuments() {
    }

    record ServicesDocument(List<ServiceEntry> services) {
    }

    record ServiceEntry(String code, String receiptPrefix, Names names, String kind, Integer committedWorkingDays,
                        Integer extendedWorkingDays, String note, List<StepEntry> steps,
                        List<MaterialEntry> materials) {
    }

    record StepEntry(String id, Names names, String role, LimitEntry limit, String within, String note) {
    }

    record LimitEntry(Integer workingDays, Integer calendarDays, Boolean toStart) {
    }

    record MaterialEntry(String code, Names names, Boolean optional, List<String> rulePeriods, String note) {
    }

    record DistrictsDocument(List<DistrictEntry> districts) {
    }

    record DistrictEntry(String code, Names names, String kind, String divisionCode, String note,
                         List<OfficeEntry> offices) {
    }

    record OfficeEntry(String code, Names names, String kind) {
    }

    record PolicyFiguresDocument(List<FigureEntry> figures, List<RuleSetEntry> rulePeriods) {
    }

    record FigureEntry(String code, String region, Names names, String unit, List<ValueEntry> values) {
    }

    record ValueEntry(BigDecimal value, LocalDate effectiveFrom, LocalDate effectiveTo, String source,
                      String note) {
    }

    record RuleSetEntry(String ruleSet, String region, List<PeriodEntry> periods) {
    }

    record PeriodEntry(String code, Names names, LocalDate effectiveFrom, LocalDate effectiveTo, String source,
                       String note) {
    }
}
