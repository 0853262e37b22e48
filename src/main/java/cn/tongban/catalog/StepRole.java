package cn.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who works on a step; together with a district this names the candidate group. */
public enum StepRole {
    /** 乡镇人民政府（街道办事处） */
    TOWNSHIP,
    /** 县级民政部门 */
    COUNTY,
    /** 残疾人联合会 */
    CANLIAN,
    /** 婚姻登记员 */
    REGISTRAR;

    /** The lower-case code used in seed files and the API. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepRole> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
