package org.reviewdesk.registration.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the public API, all three processes' ({@code /api/public/**}, the only
 * paths springdoc lists: application.yml); each controller tags its own operations.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationApiDocumentation {

    @Bean
    OpenAPI publicApi() {
        return new OpenAPI().info(new Info()
                .title("Review Desk public API")
                .version("1")
                .description("""
                        The public API of the Sichuan government service portal's web and app front ends, three \
                        processes under /api/public/: \
                        (1) /registrations, the out-of-province legal-person registration: create a draft, upload the \
                        documents the legal-person type needs, submit, follow the status, answer requests for \
                        documents, download the acceptance receipt; \
                        (2) /representative-changes, the deregistration of an account whose legal representative \
                        changed (认证注销; also a non-企业 whose name changed): start with the new representative, \
                        upload the documents the reason needs, submit, follow the status, download the receipts; \
                        (3) /name-changes, a 企业's name change on its new business licence: start, upload the \
                        licence, submit, follow the status, supply the licence again when asked, download the receipt \
                        (once renamed, the confirmation). \
                        Each process proves the applicant's mobile first (its POST /mobile-codes sends a 6-digit code \
                        by SMS) and answers a start with the case number and a one-time access code. Every call on a \
                        case sends its number in the path and its access code in the X-Access-Code header; attempts \
                        are counted per caller address (a right code gives its attempt back), and an address past the \
                        limit is refused for a while (429); no case is ever locked. An address runs only a few uploads \
                        at once across the three APIs (429 beyond). \
                        Errors are {"code", "message"} in the language of Accept-Language (zh-CN when absent, en); \
                        form errors (422) also list "fields" with the JSON name of each field, its code and message."""));
    }
}
