package cn.tongban.review.internal;

import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the marriage registration offices (婚姻登记处, one per district) take appointments.
 *
 * @param slotCapacity   couples an office takes per half day, unless {@code officeCapacity} says otherwise
 * @param officeCapacity couples per half day for particular offices, by district code
 * @param morningEnds    when the morning half day ends; the afternoon ends at the calendar's end of business
 */
@ConfigurationProperties("tongban.marriage")
record MarriageOfficeProperties(@DefaultValue("20") int slotCapacity, Map<String, Integer> officeCapacity,
                                @DefaultValue("12:00") LocalTime morningEnds) {

    MarriageOfficeProperties {
        officeCapacity = officeCapacity == null ? Map.of() : Map.copyOf(officeCapacity);
        if (slotCapacity < 0 || officeCapacity.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("tongban.marriage: a half day's capacity cannot be negative");
        }
    }

    int capacityOf(String district) {
        return officeCapacity.getOrDefault(district, slotCapacity);
    }
}
