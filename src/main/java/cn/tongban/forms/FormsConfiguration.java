package cn.tongban.forms;

import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the forms at start-up (a broken .form stops the start, naming the file and element) and provides the
 * validator and the template support.
 */
@Configuration(proxyBeanMethods = false)
class FormsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FormsConfiguration.class);

    @Bean
    FormRegistry formRegistry(ResourcePatternResolver resolver,
                              @Value("${tongban.forms.location:" + FormRegistry.LOCATION + "}") String location) {
        FormRegistry registry = FormRegistry.load(resolver, location);
        log.info("Forms loaded from {}: {}", location,
                registry.all().stream().map(form -> form.id() + " (" + form.source() + ")").toList());
        registry.all().forEach(form -> form.unsupportedExpressions().forEach(expression -> log.warn(
                "{}: the server cannot evaluate {} and treats it as false (shown, editable)", form.source(),
                expression)));
        return registry;
    }

    @Bean
    FormValidator formValidator(MessageSource messageSource, ObjectProvider<Clock> clock,
                                @Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        return new FormValidator(messageSource, clock.getIfAvailable(() -> Clock.system(zone)));
    }

    @Bean
    FormsDialect formsDialect(@Value("${tongban.calendar.zone:Asia/Shanghai}") ZoneId zone,
                              MessageSource messageSource, FormRegistry registry) {
        return new FormsDialect(new FormRendering(zone, messageSource, registry));
    }
}
