package cn.tongban.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English second: the language is {@code spring.web.locale} (zh_CN) until the visitor picks
 * another with {@code ?lang=en} or {@code ?lang=zh_CN}; the choice is kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_PARAMETER = "lang";
    static final int MAX_JSON_NESTING = 64;
    static final long MAX_JSON_LENGTH = 2L * 1024 * 1024;
    static final int MAX_JSON_STRING = 1024 * 1024;

    /** The bean name is the one DispatcherServlet looks up. */
    @Bean
    LocaleResolver localeResolver(WebProperties web) {
        Locale defaultLocale = web.getLocale() != null ? web.getLocale() : Locale.SIMPLIFIED_CHINESE;
        CookieLocaleResolver resolver = new CookieLocaleResolver("tongban-lang") {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, supported(locale, defaultLocale));
            }
        };
        resolver.setDefaultLocale(defaultLocale);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Request bodies are small forms: a body that nests deeper, or runs longer, than any real one is refused
     * while it is parsed (400, see {@link BadInputAdvice}) before it costs memory or stack.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer requestBodyLimits() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_NESTING)
                .maxDocumentLength(MAX_JSON_LENGTH)
                .maxStringLength(MAX_JSON_STRING)
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(limits));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(LANGUAGE_PARAMETER);
        // a malformed ?lang= is a visitor's typo, not a server error
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** We have bundles for Chinese and English only; anything else falls back to the default. */
    static Locale supported(Locale requested, Locale defaultLocale) {
        if (requested != null && Locale.ENGLISH.getLanguage().equals(requested.getLanguage())) {
            return Locale.ENGLISH;
        }
        return defaultLocale;
    }
}
