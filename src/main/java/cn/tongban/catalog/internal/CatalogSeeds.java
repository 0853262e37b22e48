package cn.tongban.catalog.internal;

import cn.tongban.catalog.Districts;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.ServiceCatalog;

/** The catalogue seed data, read and checked together. */
public record CatalogSeeds(ServiceCatalog services, Districts districts, PolicyFigures policyFigures) {
}
