package cn.tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.catalog.CatalogSeedException;
import cn.tongban.catalog.Districts;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CatalogConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CatalogConfiguration.class);

    @Test
    void providesTheCatalogueFromTheSeedsInTheJar() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ServiceCatalog.class).find("minimum-living-allowance")).isPresent();
            assertThat(context.getBean(Districts.class).find("jinshui")).isPresent();
            assertThat(context.getBean(PolicyFigures.class).rulePeriod("nationwide-2025")).isPresent();
        });
    }

    @Test
    void aBrokenSeedFileStopsTheStartNamingFileAndLine() {
        runner.withPropertyValues("tongban.catalog.location=classpath:catalog/broken-set/")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(CatalogSeedException.class)
                        .hasMessageContaining("classpath:catalog/broken-set/services.json:10:")
                        .hasMessageContaining("unknown role 'mayor'"));
    }
}
