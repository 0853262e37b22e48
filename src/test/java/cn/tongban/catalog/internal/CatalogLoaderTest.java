package cn.tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import cn.tongban.catalog.CatalogSeedException;
import cn.tongban.catalog.CatalogSeedException.Problem;
import cn.tongban.catalog.District;
import cn.tongban.catalog.Material;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceKind;
import cn.tongban.catalog.Step;
import cn.tongban.catalog.StepLimit;
import cn.tongban.catalog.StepRole;
import cn.tongban.catalog.TownshipOffice;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader();
    private final CatalogSeeds seeds = loader.load(new DefaultResourceLoader(), "classpath:seeds/catalog/");

    @Test
    void loadsTheMinimumLivingAllowanceWithItsLimits() {
        Service dibao = seeds.services().find("minimum-living-allowance").orElseThrow();

        assertThat(dibao.names().zh()).isEqualTo("最低生活保障");
        assertThat(dibao.receiptPrefix()).isEqualTo("DB");
        assertThat(dibao.kind()).isEqualTo(ServiceKind.COMMITTED);
        assertThat(dibao.committedWorkingDays()).isEqualTo(30);
        assertThat(dibao.extendedWorkingDays()).isEqualTo(45);
        assertThat(dibao.steps()).extracting(Step::id).containsExactly("acceptance", "homeInvestigation",
                "economicCheck", "townshipReview", "publicNotice", "reInvestigation", "countyConfirmation",
                "refusalNotice");
        assertThat(dibao.step("homeInvestigation").orElseThrow().limit())
                .isEqualTo(new StepLimit(3, null, true));
        assertThat(dibao.step("publicNotice").orElseThrow().limit()).isEqualTo(StepLimit.calendarDays(7));
        assertThat(dibao.step("countyConfirmation").orElseThrow().limit()).isEqualTo(StepLimit.workingDays(10));
        assertThat(dibao.step("countyConfirmation").orElseThrow().role()).isEqualTo(StepRole.COUNTY);
        assertThat(dibao.step("acceptance").orElseThrow().ownLimit()).isEmpty();
        assertThat(seeds.services().stepLimit("minimum-living-allowance", "refusalNotice"))
                .contains(StepLimit.workingDays(3));
        assertThat(seeds.services().materials("minimum-living-allowance")).extracting(Material::code)
                .contains("id-card", "household-register", "income-proof", "assets-declaration",
                        "economic-check-authorisation");
    }

    @Test
    void loadsTheDisabilitySubsidiesWithOneClockAcrossBothAuthorities() {
        Service subsidies = seeds.services().find("disability-subsidies").orElseThrow();

        assertThat(subsidies.committedWorkingDays()).isEqualTo(16);
        assertThat(subsidies.receiptPrefix()).isEqualTo("CJ");
        assertThat(subsidies.extendedWorkingDays()).isNull();
        int chain = List.of("handoffPush", "hukouDecision", "resultNotice").stream()
                .mapToInt(id -> subsidies.step(id).orElseThrow().limit().workingDays()).sum();
        assertThat(chain).isEqualTo(subsidies.committedWorkingDays());
        assertThat(subsidies.steps()).filteredOn(s -> "hukouDecision".equals(s.within()))
                .extracting(Step::id).containsExactly("townshipReview", "federationReview", "civilAffairsDecision");
        assertThat(subsidies.step("federationReview").orElseThrow().role()).isEqualTo(StepRole.CANLIAN);
        assertThat(subsidies.materials()).filteredOn(Material::optional).extracting(Material::code)
                .contains("dibao-proof", "long-term-care-certificate");
    }

    @Test
    void loadsMarriageRegistrationAsSameDayService() {
        Service marriage = seeds.services().find("marriage-registration").orElseThrow();

        assertThat(marriage.kind()).isEqualTo(ServiceKind.IMMEDIATE);
        assertThat(marriage.receiptPrefix()).isEqualTo("HY");
        assertThat(marriage.committedWorkingDays()).isZero();
        assertThat(marriage.steps()).extracting(Step::id)
                .containsExactly("appointment", "onSiteVerification", "registration");
        assertThat(seeds.services().stepLimit("marriage-registration", "registration"))
                .contains(StepLimit.workingDays(0));
        assertThat(seeds.services().find("no-such-service")).isEmpty();
        assertThat(seeds.services().stepLimit("marriage-registration", "noSuchStep")).isEmpty();
    }

    @Test
    void loadsTheDistrictsWithTheirOffices() {
        assertThat(seeds.districts().all()).extracting(District::code)
                .contains("zhongyuan", "erqi", "guancheng", "jinshui", "huiji", "shangjie", "zhengdong");
        District jinshui = seeds.districts().find("jinshui").orElseThrow();
        assertThat(jinshui.divisionCode()).isEqualTo("410105");
        assertThat(jinshui.offices()).extracting(o -> o.names().zh())
                .contains("经八路街道", "花园路街道", "人民路街道", "杜岭街道", "大石桥街道", "文化路街道", "丰产路街道");
        assertThat(seeds.districts().find("erqi").orElseThrow().offices()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(seeds.districts().districtOf("mifengzhang")).map(District::code).contains("erqi");
        assertThat(seeds.districts().findOffice("mazhai")).map(TownshipOffice::kind)
                .contains(TownshipOffice.Kind.TOWN);
        assertThat(seeds.districts().find("zhengdong").orElseThrow().kind())
                .isEqualTo(District.Kind.FUNCTIONAL_ZONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            services-syntax.json             | 5  | not valid JSON
            services-duplicate-key.json      | 6  | Duplicate field 'code'
            services-unknown-field.json      | 10 | unknown field 'limt'
            services-wrong-type.json         | 7  | /services/0/committedWorkingDays
            services-duplicate-code.json     | 14 | duplicate service 'same-service' (first at line 4)
            services-unknown-role.json       | 10 | unknown role 'mayor'
            services-negative-limit.json     | 14 | limit of -3 working days is negative
            services-missing-zh.json         | 13 | Chinese name (names.zh) is missing
            services-unknown-rule-period.json| 13 | unknown rule period 'pilot-2019'
            services-duplicate-receipt-prefix.json | 13 | duplicate receiptPrefix 'AS' (first at line 4)
            empty.json                       | 1  | the file is empty
            """)
    void aBrokenServicesFileIsReportedAtTheLineOfTheFault(String fixture, int line, String message) {
        PolicyFigures figures = seeds.policyFigures();
        assertSingleProblem(fixture, line, message, (name, in) -> loader.readServices(name, in, figures));
    }

    @Test
    void aBrokenDistrictsFileIsReportedAtTheLineOfTheFault() {
        assertSingleProblem("districts-duplicate-office.json", 19, "duplicate office 'renminlu' (first at line 9)",
                loader::readDistricts);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            figures-overlap.json        | 10 | effective period 2023-06-01..open overlaps 2022-01-01..2023-06-30 at line 9
            figures-bad-date.json       | 9  | /figures/0/values/0/effectiveFrom
            figures-period-overlap.json | 9  | effective period 2025-05-10..open overlaps 2021-06-01..open at line 8
            """)
    void aBrokenPolicyFiguresFileIsReportedAtTheLineOfTheFault(String fixture, int line, String message) {
        assertSingleProblem(fixture, line, message, loader::readPolicyFigures);
    }

    @Test
    void everyFaultOfAFileIsReportedAtOnce() {
        String name = "catalog/broken/services-two-faults.json";
        assertThatThrownBy(() -> read(name, (n, in) -> loader.readServices(n, in, seeds.policyFigures())))
                .asInstanceOf(throwable(CatalogSeedException.class))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::line, Problem::message).containsExactly(
                        tuple(7, "an IMMEDIATE service is committed for 0 working days"),
                        tuple(10, "no step 'nowhere' in this service")));
    }

    @Test
    void loadingALocationReportsTheFaultsOfEveryFile() {
        assertThatThrownBy(() -> loader.load(new DefaultResourceLoader(), "classpath:catalog/broken-set"))
                .asInstanceOf(throwable(CatalogSeedException.class))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("classpath:catalog/broken-set/services.json");
                    assertThat(p.line()).isEqualTo(10);
                }))
                .hasMessageContaining("classpath:catalog/broken-set/services.json:10:");

        assertThatThrownBy(() -> loader.load(new DefaultResourceLoader(), "classpath:catalog/nowhere/"))
                .asInstanceOf(throwable(CatalogSeedException.class))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::file).containsExactly(
                        "classpath:catalog/nowhere/policy-figures.json",
                        "classpath:catalog/nowhere/districts.json",
                        "classpath:catalog/nowhere/services.json"));
    }

    private static void assertSingleProblem(String fixture, int line, String message,
                                            BiFunction<String, InputStream, ?> reader) {
        String name = "catalog/broken/" + fixture;
        assertThatThrownBy(() -> read(name, reader))
                .asInstanceOf(throwable(CatalogSeedException.class))
                .satisfies(e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo(name);
                        assertThat(p.line()).isEqualTo(line);
                        assertThat(p.message()).contains(message);
                    });
                    assertThat(e).hasMessageContaining(name + ":" + line + ":");
                });
    }

    private static Object read(String name, BiFunction<String, InputStream, ?> reader) throws IOException {
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            return reader.apply(name, in);
        }
    }
}
