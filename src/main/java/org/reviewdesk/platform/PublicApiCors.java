package org.reviewdesk.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which web origins may call the public API from a browser: {@code reviewdesk.public-api.allowed-origins}
 * (env {@code REVIEWDESK_PUBLIC_API_ALLOWED_ORIGINS}, comma-separated, e.g.
 * {@code https://www.sczwfw.gov.cn}); none by default, so a page of any other origin gets no
 * {@code Access-Control-Allow-Origin} and its script cannot read an answer. No credentials: the API
 * takes none from cookies.
 */
@Component
public class PublicApiCors {

    private final List<String> allowedOrigins;

    PublicApiCors(@Value("${reviewdesk.public-api.allowed-origins:}") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    CorsConfigurationSource source() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept-Language", "X-Access-Code", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Location", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/public/**", cors);
        return source;
    }
}
