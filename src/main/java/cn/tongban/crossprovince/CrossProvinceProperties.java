package cn.tongban.crossprovince;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The partner authorities this deployment exchanges cases with, and the limits of the exchange.
 *
 * @param partners        each partner: id, name, province, base URL, shared secret
 * @param replayWindow    how far a message's timestamp may be from our clock, either way (5 minutes)
 * @param maxMessageSize  the largest message accepted (a case with its materials, base64 in JSON)
 * @param timeout         connect and answer timeout when sending to a partner
 */
@Validated
@ConfigurationProperties("tongban.crossprovince")
public record CrossProvinceProperties(
        @DefaultValue({}) @NotNull List<@Valid Partner> partners,
        @DefaultValue("PT5M") @NotNull Duration replayWindow,
        @DefaultValue("20MB") @NotNull DataSize maxMessageSize,
        @DefaultValue("PT30S") @NotNull Duration timeout) {

    /**
     * A partner authority.
     *
     * @param id       its authority code (what it sends as its id, and what we send as ours to it is our code)
     * @param name     its name, e.g. 武汉市民政局
     * @param province the six-digit code of its province; cases whose applicant's hukou is there go to it
     * @param baseUrl  where its Tongban answers, e.g. https://tongban.wuhan.example.cn
     * @param secret   the secret shared with it for HMAC-SHA256, at least 32 characters
     */
    public record Partner(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,32}") String id,
            @NotBlank String name,
            @NotBlank @Pattern(regexp = "\\d{2}0000") String province,
            @NotNull URI baseUrl,
            @NotNull @Size(min = 32) String secret) {

        @Override
        public String toString() {
            // the secret stays out of logs and error messages
            return "Partner[id=" + id + ", name=" + name + ", province=" + province + ", baseUrl=" + baseUrl + "]";
        }
    }

    public Optional<Partner> partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Partner> partnerForProvince(String province) {
        return partners.stream().filter(p -> p.province().equals(province)).findFirst();
    }
}
