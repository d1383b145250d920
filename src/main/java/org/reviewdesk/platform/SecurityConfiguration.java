package org.reviewdesk.platform;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff authentication. CSRF stays on, also for the login POST (only Vaadin's own internal
 * requests are exempt); Spring Security changes the session id at login; failed logins are throttled.
 * Views declare their roles with {@code @RolesAllowed}, checked on every navigation.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * What the staff and applicant pages may load: only this origin. Vaadin Flow's client engine
     * needs inline and eval'd scripts and inline styles (its documented minimum); the bpmn-js viewer
     * is served from here and draws inline SVG; previews are images from here, blob or data URLs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * The portal's public API and its OpenAPI description, before the staff rules: no login, no
     * session and so no CSRF (no cookie is a credential here; an application's access code comes in a
     * header with every call and the API checks it).
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicApiSecurity(HttpSecurity http, PublicApiCors cors) throws Exception {
        // the error page of a public request (an unknown path, a wrong method) is public too, not the staff login
        RequestMatcher publicError = request -> request.getDispatcherType() == DispatcherType.ERROR
                && String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).startsWith("/api/public/");
        http.securityMatchers(matchers -> matchers
                        .requestMatchers("/api/public/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .requestMatchers(publicError))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(c -> c.configurationSource(cors.source()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain staffSecurity(HttpSecurity http, StaffPasswords passwords,
                                      LoginThrottle throttle, AuditLog audit, RequestUtil vaadinRequests,
                                      StaffAccounts accounts) throws Exception {
        http.authenticationManager(authenticationManager(passwords, throttle, audit));
        // a disabled user or a changed role takes effect on the user's next request, on every node
        http.addFilterAfter(new SessionRevalidation(accounts, audit), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(auth -> auth
                // liveness/readiness for orchestrators; details only for admins (management.endpoint.health)
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/images/**", "/icons/**").permitAll());
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // HSTS is Spring Security's default for requests that came over HTTPS (directly or, from a
        // trusted proxy, by X-Forwarded-Proto); Tomcat marks the session cookie Secure on those too
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.sameOrigin()));
        // Vaadin's configurer would also exempt the login POST from CSRF; the login form sends the
        // token anyway, so we keep CSRF on for it (no login CSRF) and exempt only Vaadin's own requests,
        // which carry Vaadin's CSRF token of their own.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so the algorithm can be upgraded later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    StaffPasswords staffPasswords(UserDetailsService users, PasswordEncoder encoder) {
        return new StaffPasswords(users, encoder);
    }

    private static AuthenticationManager authenticationManager(StaffPasswords passwords, LoginThrottle throttle, AuditLog audit) {
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords.provider(), throttle, audit));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }
}
