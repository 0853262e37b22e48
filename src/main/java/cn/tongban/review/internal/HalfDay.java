package cn.tongban.review.internal;

import java.util.Arrays;
import java.util.Optional;

/** The half day an appointment is for (预约时段). */
enum HalfDay {
    /** 上午 */
    AM,
    /** 下午 */
    PM;

    static Optional<HalfDay> of(String value) {
        return Arrays.stream(values()).filter(h -> h.name().equals(value)).findFirst();
    }
}
