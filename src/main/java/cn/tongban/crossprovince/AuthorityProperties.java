package cn.tongban.crossprovince;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The authority (机关) this deployment serves; the defaults are Zhengzhou's civil-affairs bureau.
 *
 * @param code           the authority's id, as its partners know it (administrative-division code of its area)
 * @param name           its name, shown to applicants and partners
 * @param province       the six-digit code of its province (省级行政区划代码), e.g. 410000 for Henan
 * @param districts      the districts it serves (codes of the catalogue's districts)
 * @param inboundDistrict the district whose offices take on the cases partners hand over (its candidate groups)
 */
@Validated
@ConfigurationProperties("tongban.authority")
public record AuthorityProperties(
        @DefaultValue("410100") @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,32}") String code,
        @DefaultValue("郑州市民政局") @NotBlank String name,
        @DefaultValue("410000") @NotBlank @Pattern(regexp = "\\d{2}0000") String province,
        @DefaultValue({"zhongyuan", "erqi", "guancheng", "jinshui", "huiji", "shangjie", "zhengdong"})
        @NotEmpty List<@NotBlank String> districts,
        @DefaultValue("jinshui") @NotBlank String inboundDistrict) {
}
