package cn.tongban.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.review.EconomicStatusCheck.EconomicStatus;
import cn.tongban.review.EconomicStatusCheck.Unavailable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;

/** The demo data platform and the checks on its seed file, without Spring. */
class DemoEconomicStatusCheckTest {

    private final DemoEconomicStatusCheck platform = new DemoEconomicStatusCheck(new DefaultResourceLoader());

    @Test
    void answersWithTheRecordOfTheHousehold() {
        assertThat(platform.check("410103197811253021", 2))
                .contains(new EconomicStatus(new BigDecimal("900.00"), true, false));
        assertThat(platform.check("410105197202184035", 4))
                .contains(new EconomicStatus(new BigDecimal("1000.00"), false, true));
    }

    @Test
    void aLowerCaseCheckDigitFindsTheSameHousehold() {
        assertThat(platform.check("41010519800704201x", 3)).map(EconomicStatus::monthlyIncome)
                .contains(new BigDecimal("3600.00"));
    }

    @Test
    void aHouseholdWithoutRecordIsNotKnown() {
        assertThat(platform.check("410105198808081238", 3)).isEmpty();
    }

    @Test
    void anUnavailablePlatformThrowsSoTheCallerRetries() {
        assertThatThrownBy(() -> platform.check("410105199009215046", 1))
                .isInstanceOf(Unavailable.class).hasMessageContaining("410105199009215046");
    }

    @Test
    void rejectsQuestionsThatCannotBeAsked() {
        assertThatThrownBy(() -> platform.check("41010519650312102", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> platform.check(null, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> platform.check("410105196503121025", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one member");
    }

    @Test
    void aBrokenSeedNamesEveryFault() {
        String seed = """
                {"households": [
                  {"idNumber": "410105196503121025", "monthlyIncome": 1200, "assetsOverLimit": false, "excludedProperty": false},
                  {"idNumber": "410105196503121025", "monthlyIncome": 1200, "assetsOverLimit": false, "excludedProperty": false},
                  {"idNumber": "4101051965", "monthlyIncome": -1, "assetsOverLimit": false},
                  {"idNumber": "410105199009215046", "unavailable": true, "monthlyIncome": 100}
                ]}""";

        assertThatThrownBy(() -> load(seed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("households[1].idNumber 410105196503121025 is listed twice")
                .hasMessageContaining("households[2].idNumber '4101051965'")
                .hasMessageContaining("households[2].monthlyIncome must be given and not negative")
                .hasMessageContaining("households[2].excludedProperty is missing")
                .hasMessageContaining("households[3] is unavailable and so carries no figures");
    }

    @Test
    void anUnknownFieldInTheSeedIsAFault() {
        assertThatThrownBy(() -> load("""
                {"households": [{"idNumber": "410105196503121025", "income": 1200}]}"""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("income");
    }

    @Test
    void aSeedWithoutHouseholdsIsAFault() {
        assertThatThrownBy(() -> load("{\"comment\": \"empty\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("households is missing");
    }

    private static DemoEconomicStatusCheck load(String json) {
        ByteArrayResource resource = new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), "test seed");
        return new DemoEconomicStatusCheck(DemoEconomicStatusCheck.read(resource), "test seed");
    }
}
