package cn.tongban.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A policy figure of one region (such as the 低保 standard of urban Zhengzhou) with its values over
 * time. The values' periods never overlap; there may be gaps, on which the figure has no value.
 */
public record PolicyFigure(String code, String region, Names names, FigureUnit unit, List<FigureValue> values) {

    public PolicyFigure {
        values = List.copyOf(values);
    }

    /** The entry in force on a date, with its source. */
    public Optional<FigureValue> entryOn(LocalDate date) {
        return values.stream().filter(v -> v.covers(date)).findFirst();
    }

    public Optional<BigDecimal> valueOn(LocalDate date) {
        return entryOn(date).map(FigureValue::value);
    }
}
