package cn.tongban.review.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarriageOfficeProperties.class)
class MarriageRegistrationConfiguration {
}
