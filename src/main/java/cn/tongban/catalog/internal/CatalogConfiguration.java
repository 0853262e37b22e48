package cn.tongban.catalog.internal;

import cn.tongban.catalog.Districts;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the catalogue at start-up. A broken seed file fails the start with the file and line named,
 * rather than letting a case run against a wrong commitment or figure.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    CatalogSeeds catalogSeeds(ResourceLoader resourceLoader,
                              @Value("${tongban.catalog.location:classpath:seeds/catalog/}") String location) {
        CatalogSeeds seeds = new CatalogLoader().load(resourceLoader, location);
        log.info("Service catalogue loaded from {}: {} services, {} districts, {} policy figures, {} rule periods",
                location, seeds.services().all().size(), seeds.districts().all().size(),
                seeds.policyFigures().all().size(), seeds.policyFigures().rulePeriods().size());
        return seeds;
    }

    @Bean
    ServiceCatalog serviceCatalog(CatalogSeeds seeds) {
        return seeds.services();
    }

    @Bean
    Districts districts(CatalogSeeds seeds) {
        return seeds.districts();
    }

    @Bean
    PolicyFigures policyFigures(CatalogSeeds seeds) {
        return seeds.policyFigures();
    }
}
