package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value a policy figure has from {@code effectiveFrom} to {@code effectiveTo}, both inclusive;
 * a null {@code effectiveTo} means until further notice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureValue(BigDecimal value, LocalDate effectiveFrom, LocalDate effectiveTo, String source,
                          String note) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
