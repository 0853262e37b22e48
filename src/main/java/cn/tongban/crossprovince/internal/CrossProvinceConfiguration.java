package cn.tongban.crossprovince.internal;

import cn.tongban.catalog.Districts;
import cn.tongban.crossprovince.AuthorityProperties;
import cn.tongban.crossprovince.CrossProvinceProperties;
import cn.tongban.crossprovince.CrossProvinceProperties.Partner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and checks the authority and its partners at start-up: a deployment with a partner it cannot tell
 * apart from another, or from itself, does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthorityProperties.class, CrossProvinceProperties.class})
class CrossProvinceConfiguration {

    CrossProvinceConfiguration(AuthorityProperties authority, CrossProvinceProperties properties, Districts districts) {
        List<String> problems = problems(authority, properties, districts);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("tongban.authority / tongban.crossprovince: " + String.join("; ", problems));
        }
    }

    static List<String> problems(AuthorityProperties authority, CrossProvinceProperties properties,
                                 Districts districts) {
        List<String> problems = new ArrayList<>();
        for (String district : authority.districts()) {
            if (districts.find(district).isEmpty()) {
                problems.add("district " + district + " is not in the catalogue");
            }
        }
        if (!authority.districts().contains(authority.inboundDistrict())) {
            problems.add("inbound-district " + authority.inboundDistrict() + " is not one of the districts");
        }
        Set<String> ids = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        for (Partner partner : properties.partners()) {
            if (!ids.add(partner.id())) {
                problems.add("partner id " + partner.id() + " appears twice");
            }
            if (!provinces.add(partner.province())) {
                problems.add("two partners for province " + partner.province());
            }
            if (partner.id().equals(authority.code())) {
                problems.add("partner " + partner.id() + " has this authority's own code");
            }
            if (partner.province().equals(authority.province())) {
                problems.add("partner " + partner.id() + " is in this authority's own province");
            }
            String scheme = partner.baseUrl().getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || partner.baseUrl().getHost() == null) {
                problems.add("partner " + partner.id() + " base-url must be an http(s) URL");
            }
        }
        if (properties.replayWindow().isNegative() || properties.replayWindow().isZero()) {
            problems.add("replay-window must be positive");
        }
        return problems;
    }
}
