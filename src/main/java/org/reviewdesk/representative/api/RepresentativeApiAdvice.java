package org.reviewdesk.representative.api;

import jakarta.servlet.http.HttpServletRequest;
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
import org.reviewdesk.platform.DatabaseOutage;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.representative.ChangeRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The refusals of {@link RepresentativeApiController} as JSON in the request's language, with a status by kind. */
@RestControllerAdvice(assignableTypes = RepresentativeApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RepresentativeApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(RepresentativeApiAdvice.class);
    private static final ApiStatuses STATUSES = ApiStatuses.with(Map.of(
            HttpStatus.UNAUTHORIZED, Set.of("representative.access.denied"),
            HttpStatus.TOO_MANY_REQUESTS, Set.of("representative.access.locked"),
            HttpStatus.NOT_FOUND, Set.of("representative.notFound", "representative.start.noActiveAccount"),
            HttpStatus.CONFLICT, Set.of("representative.start.alreadyOpen", "representative.submit.alreadySubmitted",
                    "representative.supplement.notAwaited", "representative.receipt.notYet")));

    private final MessageSource messages;
    private final DocumentUploadFields uploads;

    RepresentativeApiAdvice(MessageSource messages, DocumentUploadFields uploads) {
        this.messages = messages;
        this.uploads = uploads;
    }

    @ExceptionHandler(ChangeRefused.class)
    ResponseEntity<Map<String, Object>> refused(ChangeRefused e, HttpServletRequest request) {
        Locale locale = JsonErrors.locale(request);
        List<Map<String, String>> fields = e.errors().stream().map(f -> Map.of("field", f.field(), "code", f.message().key(),
                "message", messages.getMessage(f.message().key(), f.message().argumentArray(), f.message().key(), locale))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "representative.form.invalid");
        body.put("message", fields.get(0).get("message"));
        body.put("fields", fields);
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(MobileProofRefused.class)
    ResponseEntity<Map<String, String>> mobile(MobileProofRefused e, HttpServletRequest request) {
        return JsonErrors.of(messages, HttpStatus.UNPROCESSABLE_ENTITY, e.messageKey(), e.arguments(), request);
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<Map<String, String>> refused(UserFacingException e, HttpServletRequest request) {
        return JsonErrors.of(messages, status(e.messageKey()), e.messageKey(), e.arguments(), request);
    }

    /**
     * The multipart body is read only after the code was checked, so its limits are met here: a part
     * header over Tomcat's limit (an enormous file name) is not a file over the size limit.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return PartHeaders.refusal(messages, uploads.maxBytes(), e, request);
    }

    /** An upload without its file part, or a body that could not be read (mostly a client gone mid-upload). */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<Map<String, String>> unreadableUpload(Exception e, HttpServletRequest request) {
        return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, "representative.api.fileRequired", new Object[0], request);
    }

    /** A body that is not the JSON asked for, or a path or query value of the wrong kind: the caller's mistake. */
    @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class})
    ResponseEntity<Map<String, String>> unreadableRequest(Exception e, HttpServletRequest request) {
        return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, "representative.api.badRequest",
                new Object[] {HttpStatus.BAD_REQUEST.value()}, request);
    }

    /**
     * Anything else: what Spring refuses keeps its status, the database being away is "try again
     * shortly", a failure of ours is logged and answered without details (never Spring's default body).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            return JsonErrors.of(messages, HttpStatus.valueOf(refusal.getStatusCode().value()), "representative.api.badRequest",
                    new Object[] {refusal.getStatusCode().value()}, request);
        }
        if (DatabaseOutage.causes(e)) {
            log.warn("Database unreachable: {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return JsonErrors.of(messages, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE_KEY, new Object[0], request);
        }
        log.error("Public representative API failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return JsonErrors.of(messages, HttpStatus.INTERNAL_SERVER_ERROR, "representative.api.internalError", new Object[0], request);
    }

    static HttpStatus status(String key) {
        return STATUSES.of(key);
    }
}
