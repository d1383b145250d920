package org.reviewdesk.namechange.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.documents.intake.ApiStatuses;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.documents.intake.JsonErrors;
import org.reviewdesk.documents.intake.PartHeaders;
import org.reviewdesk.namechange.NameChangeRefused;
import org.reviewdesk.platform.DatabaseOutage;
import org.reviewdesk.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every refusal of {@link NameChangeApiController} as {@code {"code", "message"}} in the request's
 * language (Accept-Language; zh-CN when absent), field errors with their fields, a status by kind; a
 * caller never gets a stack trace or the staff login page.
 */
@RestControllerAdvice(assignableTypes = NameChangeApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NameChangeApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(NameChangeApiAdvice.class);
    private static final ApiStatuses STATUSES = ApiStatuses.with(Map.of(
            HttpStatus.UNAUTHORIZED, Set.of("namechange.access.denied"),
            HttpStatus.TOO_MANY_REQUESTS, Set.of("namechange.access.locked"),
            HttpStatus.NOT_FOUND, Set.of("namechange.notFound", "namechange.start.noActiveAccount"),
            HttpStatus.CONFLICT, Set.of("namechange.start.alreadyOpen", "namechange.submit.alreadySubmitted",
                    "namechange.submit.withdrawn", "namechange.upload.notNow", "namechange.supply.notAwaited",
                    "namechange.receipt.notYet")));

    private final MessageSource messages;
    private final DocumentUploadFields uploads;

    NameChangeApiAdvice(MessageSource messages, DocumentUploadFields uploads) {
        this.messages = messages;
        this.uploads = uploads;
    }

    @ExceptionHandler(NameChangeRefused.class)
    ResponseEntity<Map<String, Object>> refused(NameChangeRefused e, HttpServletRequest request) {
        Locale locale = JsonErrors.locale(request);
        List<Map<String, String>> fields = e.errors().stream().map(f -> Map.of("field", f.field(), "code", f.message().key(),
                "message", messages.getMessage(f.message().key(), f.message().argumentArray(), f.message().key(), locale))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "namechange.form.invalid");
        body.put("message", fields.get(0).get("message"));
        body.put("fields", fields);
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(MobileProofRefused.class)
    ResponseEntity<Map<String, String>> mobile(MobileProofRefused e, HttpServletRequest request) {
        return JsonErrors.of(messages, status(e.messageKey()), e.messageKey(), e.arguments(), request);
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<Map<String, String>> refused(UserFacingException e, HttpServletRequest request) {
        ResponseEntity<Map<String, String>> response = JsonErrors.of(messages, status(e.messageKey()), e.messageKey(),
                translatable(e.arguments()), request);
        if ("namechange.access.locked".equals(e.messageKey()) && e.arguments().length > 0 && e.arguments()[0] instanceof Number minutes) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(minutes.longValue() * 60)).body(response.getBody());
        }
        return response;
    }

    /** The multipart body is read only after the code was checked, so its size limit is met here. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return PartHeaders.refusal(messages, uploads.maxBytes(), e, request);
    }

    /** A multipart body that could not be read: mostly a client that went away mid-upload. */
    @ExceptionHandler({MultipartException.class, IOException.class})
    ResponseEntity<Map<String, String>> unreadableUpload(Exception e, HttpServletRequest request) {
        log.debug("Upload body not read: {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return badRequest("namechange.api.badRequest", request, 400);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return badRequest("namechange.api.malformedJson", request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, String>> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return badRequest("namechange.api.missingHeader", request, e.getHeaderName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return badRequest("namechange.api.missingPart", request, e.getRequestPartName());
    }

    /** Anything else Spring refuses keeps its status; a failure of ours is logged and answered without details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = refusal.getStatusCode();
            return JsonErrors.of(messages, HttpStatus.valueOf(status.value()), "namechange.api.badRequest",
                    new Object[] {status.value()}, request);
        }
        if (DatabaseOutage.causes(e)) {
            log.warn("Database unreachable: {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return JsonErrors.of(messages, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE_KEY, new Object[0], request);
        }
        log.error("Public name-change API failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return JsonErrors.of(messages, HttpStatus.INTERNAL_SERVER_ERROR, "namechange.api.internalError", new Object[0], request);
    }

    /** Arguments that are bundle keys themselves (a legal-person type's name) are translated too, not shown as keys. */
    private static Object[] translatable(Object[] arguments) {
        return Arrays.stream(arguments).map(a -> a instanceof String key && key.startsWith("rules.")
                ? new DefaultMessageSourceResolvable(new String[] {key}, key) : a).toArray();
    }

    private ResponseEntity<Map<String, String>> badRequest(String key, HttpServletRequest request, Object... arguments) {
        return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, key, arguments, request);
    }

    static HttpStatus status(String key) {
        return STATUSES.of(key);
    }
}
