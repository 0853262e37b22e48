package cn.tongban.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach what. Four chains, most specific first:
 * <ol>
 *   <li>{@code /engine-rest/**}: HTTP Basic, administrators only; the engine then runs as that user.</li>
 *   <li>{@code /api/**}: HTTP Basic or the browser session; 401/403 as problem details. Partner authorities
 *   post to {@code /api/crossprovince/inbound/**} without either: each message carries its own signature.</li>
 *   <li>{@code /actuator/**}: health for everyone, the rest (metrics) for administrators by HTTP Basic.</li>
 *   <li>everything else: pages with form login at {@code /login}; the Camunda webapps reuse that login.</li>
 * </ol>
 * Passwords, by form or HTTP Basic, are checked by {@link LoginThrottle}, which refuses a user name from an address
 * after too many wrong ones.
 */
@EnableMethodSecurity
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final String ENGINE_REST = "/engine-rest";
    private static final String ADMIN = Role.ADMIN.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String CROSS_PROVINCE_INBOUND = "/api/crossprovince/inbound/**";
    /**
     * Our pages load scripts, styles and fonts from this origin only (Bootstrap from webjars); inline style
     * attributes stay allowed for the form renderer's spacers. No one may frame us but ourselves.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(IdentityRepository repository) {
        return username -> repository.credentials(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .authorities(user.role().authority())
                        .disabled(!user.enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper json, MessageSource messages, LocaleResolver localeResolver) {
        return new ProblemResponses(json, messages, localeResolver);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(path(ENGINE_REST + "/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return basicWithProblems(http, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/api/calendar/**"),
                                path(HttpMethod.GET, "/api/services"),
                                path(HttpMethod.GET, "/api/services/**"),
                                // applicants open their own accounts
                                path(HttpMethod.POST, "/api/accounts")).permitAll()
                        // partner authorities authenticate each message by its signature, not by a session
                        .requestMatchers(path(HttpMethod.POST, CROSS_PROVINCE_INBOUND)).permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/api/crossprovince/deliveries"))
                        .hasAnyRole(SUPERVISOR, ADMIN)
                        .requestMatchers(path("/api/admin/**")).hasRole(ADMIN)
                        // deadlines: supervisors act on cases, administrators may read the figures too
                        .requestMatchers(path(HttpMethod.POST, "/api/sla/**")).hasRole(SUPERVISOR)
                        .requestMatchers(path("/api/sla/**")).hasAnyRole(SUPERVISOR, ADMIN)
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::isSessionCookieWrite)
                        .ignoringRequestMatchers(path(CROSS_PROVINCE_INBOUND)))
                .requestCache(cache -> cache.disable());
        return basicWithProblems(http, problems).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"),
                                path(HttpMethod.GET, "/actuator/health/**")).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return basicWithProblems(http, problems).build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageSecurity(HttpSecurity http, ProblemResponses problems, CamundaBpmProperties camunda)
            throws Exception {
        String camundaPath = camunda.getWebapp().getApplicationPath();
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        // the webapps' own scripts expect a 401 from their API, and then send the browser to the app, i.e. to us
        entryPoints.put(path(camundaPath + "/api/**"), problems);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));

        http.authorizeHttpRequests(requests -> requests
                        // users and groups are ours: Camunda's first-admin set-up must never run
                        .requestMatchers(path(camundaPath + "/api/admin/setup/**")).denyAll()
                        .requestMatchers(path("/"), path("/login"), path("/error"), path("/error/**"),
                                path("/webjars/**"), path("/css/**"), path("/js/**"), path("/images/**"),
                                path("/favicon.ico"),
                                // self-registration of applicants (CSRF-protected like every page form)
                                path("/register"),
                                // the service guide (办事指南) is for everyone
                                path(HttpMethod.GET, "/services"), path(HttpMethod.GET, "/services/**"),
                                path("/v3/api-docs"), path("/v3/api-docs/**"),
                                path("/swagger-ui.html"), path("/swagger-ui/**")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll().failureHandler(loginFailures()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // the webapps carry their own CSRF protection (CsrfPreventionFilter, X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers(path(camundaPath + "/**")))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .headers(headers -> headers
                        // the webapps send their own policy, made for their scripts; a second one would intersect
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path(camundaPath + "/**")),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .frameOptions(frames -> frames.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Runs Camunda's REST API as the user Spring Security authenticated, so engine authorizations apply:
     * the filter sets the engine's current authentication (user and groups) and clears it afterwards.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engineRestAuthentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns(ENGINE_REST + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /**
     * Single sign-on for the Camunda webapps: the user signed in by our form login (the servlet request's
     * principal, set by Spring Security) becomes the webapps' user, with the groups Camunda knows for them.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn(CamundaBpmProperties camunda) {
        String camundaPath = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camundaWebappSingleSignOn");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns(camundaPath + "/app/*", camundaPath + "/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** A wrong password goes back to the form with an error; a throttled one says so and for how long. */
    private static AuthenticationFailureHandler loginFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return failures;
    }

    private static HttpSecurity basicWithProblems(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
    }

    /**
     * CSRF matters only where a browser's session could authenticate a forged request: a state-changing API call
     * without an Authorization header, in a signed-in session. HTTP Basic clients and anonymous calls are not
     * asked for a token (pages send theirs from the {@code _csrf} meta tags of the layout).
     */
    private static boolean isSessionCookieWrite(HttpServletRequest request) {
        if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    private static RequestMatcher path(String pattern) {
        return PATHS.matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PATHS.matcher(method, pattern);
    }
}
