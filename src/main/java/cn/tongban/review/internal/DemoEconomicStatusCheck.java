package cn.tongban.review.internal;

import cn.tongban.review.EconomicStatusCheck;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The data platform as the demo knows it: answers from {@code seeds/demo/economic-status.json}, keyed by the
 * applicant's ID number. The file is checked when the application starts, so a typo fails the start rather
 * than a case. The real platform queries every member; these records are per household, so the member count
 * is only checked.
 */
@Component
class DemoEconomicStatusCheck implements EconomicStatusCheck {

    static final String LOCATION = "classpath:seeds/demo/economic-status.json";

    private static final Pattern ID_NUMBER = Pattern.compile("^\\d{17}[\\dX]$");

    private final Map<String, Household> households;

    @Autowired
    DemoEconomicStatusCheck(ResourceLoader resources) {
        this(read(resources.getResource(LOCATION)), LOCATION);
    }

    DemoEconomicStatusCheck(SeedFile seed, String source) {
        this.households = check(seed, source);
    }

    @Override
    public Optional<EconomicStatus> check(String applicantIdNumber, int householdMembers) {
        if (applicantIdNumber == null || !ID_NUMBER.matcher(canonical(applicantIdNumber)).matches()) {
            throw new IllegalArgumentException("not an 18-character ID number: " + applicantIdNumber);
        }
        if (householdMembers < 1) {
            throw new IllegalArgumentException("a household has at least one member, not " + householdMembers);
        }
        Household household = households.get(canonical(applicantIdNumber));
        if (household == null) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(household.unavailable())) {
            throw new Unavailable("the economic-status platform did not answer for household "
                    + household.idNumber());
        }
        return Optional.of(new EconomicStatus(household.monthlyIncome(), household.assetsOverLimit(),
                household.excludedProperty()));
    }

    /** The check digit may be typed as a lower-case x; the platform keys on the upper-case form. */
    private static String canonical(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    static SeedFile read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build()
                    .readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Household> check(SeedFile seed, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, Household> byId = new HashMap<>();
        List<Household> entries = seed.households() == null ? List.of() : seed.households();
        if (seed.households() == null) {
            problems.add("households is missing");
        }
        for (int i = 0; i < entries.size(); i++) {
            Household h = entries.get(i);
            String at = "households[" + i + "]";
            if (h == null) {
                problems.add(at + " is empty");
                continue;
            }
            if (h.idNumber() == null || !ID_NUMBER.matcher(h.idNumber()).matches()) {
                problems.add(at + ".idNumber '" + h.idNumber() + "' is not 17 digits and a digit or X");
            } else if (byId.putIfAbsent(h.idNumber(), h) != null) {
                problems.add(at + ".idNumber " + h.idNumber() + " is listed twice");
            }
            if (Boolean.TRUE.equals(h.unavailable())) {
                if (h.monthlyIncome() != null || h.assetsOverLimit() != null || h.excludedProperty() != null) {
                    problems.add(at + " is unavailable and so carries no figures");
                }
                continue;
            }
            if (h.monthlyIncome() == null || h.monthlyIncome().signum() < 0) {
                problems.add(at + ".monthlyIncome must be given and not negative");
            }
            if (h.assetsOverLimit() == null) {
                problems.add(at + ".assetsOverLimit is missing");
            }
            if (h.excludedProperty() == null) {
                problems.add(at + ".excludedProperty is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(source + ": " + String.join("; ", problems));
        }
        return Map.copyOf(byId);
    }

    record SeedFile(String comment, List<Household> households) {
    }

    record Household(String idNumber, String note, BigDecimal monthlyIncome, Boolean assetsOverLimit,
                     Boolean excludedProperty, Boolean unavailable) {
    }
}
