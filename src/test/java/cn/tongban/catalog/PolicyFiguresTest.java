package cn.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.catalog.internal.CatalogLoader;
import cn.tongban.catalog.internal.CatalogSeeds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;

class PolicyFiguresTest {

    private static final CatalogSeeds SEEDS =
            new CatalogLoader().load(new DefaultResourceLoader(), "classpath:seeds/catalog/");

    private final PolicyFigures figures = SEEDS.policyFigures();

    /** Two periods with a gap: 750 through June 2023, none in July, 800 from August. */
    private final PolicyFigure standard = new PolicyFigure("dibao-standard", "test-city",
            new Names("最低生活保障标准", "Minimum living allowance standard"), FigureUnit.CNY_PER_PERSON_MONTH,
            List.of(new FigureValue(new BigDecimal("750"), LocalDate.of(2022, 1, 1), LocalDate.of(2023, 6, 30),
                            "notice A", null),
                    new FigureValue(new BigDecimal("800"), LocalDate.of(2023, 8, 1), null, "notice B", null)));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2021-12-31,
            2022-01-01, 750
            2023-06-30, 750
            2023-07-01,
            2023-07-31,
            2023-08-01, 800
            2099-12-31, 800
            """)
    void aFigureHasTheValueInForceOnTheDate(LocalDate date, BigDecimal expected) {
        assertThat(standard.valueOn(date)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void anEntryCarriesItsSource() {
        assertThat(standard.entryOn(LocalDate.of(2023, 8, 1))).map(FigureValue::source).contains("notice B");
    }

    @Test
    void theZhengzhouFiguresApplyFromTheirEffectiveDates() {
        assertThat(figures.valueOn("dibao-standard", "zhengzhou-urban", LocalDate.of(2021, 12, 31))).isEmpty();
        assertThat(figures.valueOn("dibao-standard", "zhengzhou-urban", LocalDate.of(2022, 1, 1)))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("750"));
        assertThat(figures.valueOn("dibao-standard", "zhengzhou-urban", LocalDate.of(2026, 3, 1)))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("750"));
        assertThat(figures.valueOn("dibao-key-group-supplement", "zhengzhou", LocalDate.of(2022, 1, 1)))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(figures.valueOn("dibao-edge-threshold-factor", "cn", LocalDate.of(2021, 6, 30))).isEmpty();
        assertThat(figures.valueOn("dibao-edge-threshold-factor", "cn", LocalDate.of(2021, 7, 1)))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.5"));
        assertThat(figures.valueOn("dibao-standard", "somewhere-else", LocalDate.of(2022, 1, 1))).isEmpty();
        assertThat(figures.figure("dibao-standard", "zhengzhou-urban")).map(PolicyFigure::unit)
                .contains(FigureUnit.CNY_PER_PERSON_MONTH);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2021-05-31,
            2021-06-01, pilot-2021
            2023-05-31, pilot-2021
            2023-06-01, expansion-2023
            2025-05-09, expansion-2023
            2025-05-10, nationwide-2025
            2030-01-01, nationwide-2025
            """)
    void theMarriageRulesAreThoseInForceOnTheRegistrationDate(LocalDate date, String expected) {
        assertThat(figures.rulePeriodOn(PolicyFigures.MARRIAGE_REGISTRATION, date).map(RulePeriod::code))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void theHouseholdRegisterIsAskedForOnlyBeforeTheNationwideRules() {
        ServiceCatalog catalog = SEEDS.services();

        assertThat(catalog.materials("marriage-registration", LocalDate.of(2025, 5, 9)))
                .extracting(Material::code)
                .containsExactly("id-card", "household-register", "residence-permit", "single-status-declaration",
                        "joint-photos");
        assertThat(catalog.materials("marriage-registration", LocalDate.of(2025, 5, 10)))
                .extracting(Material::code)
                .containsExactly("id-card", "single-status-declaration", "joint-photos");
        assertThat(catalog.materials("marriage-registration", LocalDate.of(2021, 6, 1)))
                .extracting(Material::code).contains("household-register", "residence-permit");
        assertThat(catalog.materials("minimum-living-allowance", LocalDate.of(2025, 5, 10)))
                .hasSameSizeAs(catalog.materials("minimum-living-allowance"));
    }
}
