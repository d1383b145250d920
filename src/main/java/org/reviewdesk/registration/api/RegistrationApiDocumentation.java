package org.reviewdesk.registration.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the public API (springdoc lists only {@code /api/public/**}: application.yml). */
@Configuration(proxyBeanMethods = false)
class RegistrationApiDocumentation {

    @Bean
    OpenAPI publicApi() {
        return new OpenAPI().info(new Info()
                .title("Review Desk public API")
                .version("1")
                .description("""
                        Out-of-province legal-person registration for the Sichuan government service portal's web and \
                        app front ends. Prove the contact mobile (POST /mobile-codes sends a 6-digit code by SMS), \
                        create a draft with that proof (answered with its application number and a one-time access \
                        code), upload the documents the legal-person type needs, submit, then follow the status, \
                        answer requests for documents and download the acceptance receipt. Every call on an \
                        application sends its number in the path and its access code in the X-Access-Code header; \
                        attempts are counted per caller address (a right code gives its attempt back), and an address \
                        past the limit is refused for a while (429); no application is ever locked. \
                        Errors are {"code", "message"} in the language of Accept-Language (zh-CN when absent, en); \
                        form errors (422) also list "fields" with the JSON name of each field, its code and message."""));
    }
}
