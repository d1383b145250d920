package org.reviewdesk.registration.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description of the public API, all three processes' ({@code /api/public/**}, the only
 * paths springdoc lists: application.yml); each controller tags its own operations and documents the
 * errors only it gives. What every operation shares is added here, once: the access code as an
 * {@code apiKey} security scheme (an operation that takes the {@value #ACCESS_CODE} header requires
 * it, the others say they need none), the answers every operation can give (400, 500; 401 and 429
 * with the access code; 415 with a body; 413, 429 and 503 with an upload, whose multipart body is
 * described here too), and the error schema on every error answer, because the
 * three APIs' advices all answer {@code {"code", "message"}} (form errors add {@code fields}).
 */
@Configuration(proxyBeanMethods = false)
class RegistrationApiDocumentation {

    static final String ACCESS_CODE = RegistrationApiController.ACCESS_CODE;
    static final String ACCESS_CODE_SCHEME = "accessCode";
    static final String ERROR_SCHEMA = "Error";
    private static final String PORTAL = "https://www.sczwfw.gov.cn/";

    @Bean
    OpenAPI publicApi() {
        Components components = new Components().addSecuritySchemes(ACCESS_CODE_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ACCESS_CODE)
                .description("The case's one-time access code, answered when it was created or started and sent to the "
                        + "contact mobile. Attempts are counted per client address (a right code gives its attempt back); "
                        + "an address past the limit is refused for a while (429). No case is ever locked."));
        ModelConverters.getInstance().readAll(RegistrationApiModel.ErrorBody.class).forEach(components::addSchemas);
        return new OpenAPI()
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(components)
                .info(new Info()
                .title("Review Desk public API")
                .version("1")
                // the API serves the portal's own front ends only: its terms are the portal's
                .license(new License().name("Proprietary: for the Sichuan government service portal's own front ends")
                        .url(PORTAL))
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
                        case sends its number in the path and its access code in the X-Access-Code header (the \
                        accessCode security scheme); attempts are counted per caller address (a right code gives its \
                        attempt back), and an address past the limit is refused for a while (429); no case is ever \
                        locked. An address runs only a few uploads at once across the three APIs (429 beyond). \
                        Errors are {"code", "message"} (the Error schema) in the language of Accept-Language (zh-CN \
                        when absent, en); form errors (422) also list "fields" with the JSON name of each field, its \
                        code and message."""));
    }

    @Bean
    OperationCustomizer publicApiOperations() {
        return (operation, handlerMethod) -> {
            boolean coded = takesAccessCode(handlerMethod);
            if (coded) {
                // the header is the security scheme's: a parameter too would ask clients for it twice
                if (operation.getParameters() != null) {
                    operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && ACCESS_CODE.equalsIgnoreCase(p.getName()));
                }
                operation.setSecurity(List.of(new SecurityRequirement().addList(ACCESS_CODE_SCHEME)));
            } else {
                operation.setSecurity(List.of());
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            addIfAbsent(responses, "400", "Not a request this operation understands: a body that is not JSON, a value of the "
                    + "wrong kind, or a required header, parameter or part missing");
            List<String> consumes = consumes(handlerMethod);
            if (consumes.contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)) {
                if (operation.getRequestBody() == null) {
                    operation.setRequestBody(upload());
                }
                addIfAbsent(responses, "413", "Over the size limit");
                addIfAbsent(responses, "429", "Too many uploads from this address at once (across the three APIs), or too many "
                        + "wrong access codes");
                addIfAbsent(responses, "503", "The document store or the inspection is unavailable: try again later");
            }
            if (coded) {
                addIfAbsent(responses, "401", "Unknown number or wrong access code (the same answer)");
                addIfAbsent(responses, "429", "Too many wrong access codes from this address: refused for a while (Retry-After)");
            }
            if (operation.getRequestBody() != null || !consumes.isEmpty()) {
                addIfAbsent(responses, "415", "The body is not of the media type this operation takes");
            }
            addIfAbsent(responses, "500", "A failure of ours, answered without details (it is logged)");
            Content error = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(error);
                }
            });
            return operation;
        };
    }

    private static boolean takesAccessCode(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .map(p -> p.getParameterAnnotation(RequestHeader.class))
                .anyMatch(h -> h != null && (ACCESS_CODE.equalsIgnoreCase(h.value()) || ACCESS_CODE.equalsIgnoreCase(h.name())));
    }

    /** The media types the mapping takes: an upload reads its multipart body itself, after the access code, so only the mapping says so. */
    private static List<String> consumes(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return mapping == null ? List.of() : List.of(mapping.consumes());
    }

    /** The multipart body of an upload: one part, {@code file}. */
    private static RequestBody upload() {
        Schema<Object> form = new ObjectSchema().addProperty("file", new StringSchema().format("binary").description("The document"))
                .required(List.of("file"));
        return new RequestBody().required(true).content(new Content().addMediaType(
                org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, new MediaType().schema(form)));
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description));
    }
}
