package org.reviewdesk.registration.api;

import org.reviewdesk.registration.FieldError;
import org.reviewdesk.registration.FormRefusedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.reviewdesk.documents.intake.ApiStatuses;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.documents.intake.JsonErrors;
import org.reviewdesk.documents.intake.PartHeaders;
import org.reviewdesk.platform.DatabaseOutage;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.api.RegistrationApiModel.ErrorBody;
import org.reviewdesk.rules.RuleMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the public registration API as {@code {"code", "message"}} in the request's
 * language (the staff API's {@link JsonErrors}), form errors with their fields; a caller never
 * gets a stack trace or the staff login page. A request over the multipart limit is refused
 * before the controller is known, by the documents' own advice, in the same shape.
 */
@RestControllerAdvice(assignableTypes = RegistrationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistrationApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(RegistrationApiAdvice.class);
    /**
     * Form errors no edit of the form can fix: the code already has an open application or an active
     * account. Neither names the other application: the caller proved no right to it.
     */
    private static final Set<String> CONFLICTS = Set.of("registration.uscc.openApplication", "registration.uscc.activeAccount");
    private static final ApiStatuses STATUSES = ApiStatuses.with(Map.of(
            HttpStatus.UNAUTHORIZED, Set.of("registration.access.denied"),
            HttpStatus.TOO_MANY_REQUESTS, Set.of("registration.access.locked", "registration.draft.tooMany",
                    "registration.uscc.tooManyChecks"),
            HttpStatus.NOT_FOUND, Set.of("registration.notFound"),
            HttpStatus.CONFLICT, Set.of("registration.idempotencyKey.inProgress", "registration.idempotencyKey.used",
                    "registration.idempotencyKey.reused", "registration.draft.alreadySubmitted", "registration.upload.closed",
                    "registration.supplement.notAwaited", "registration.receipt.notSubmitted", "registration.submit.retry")));

    private final MessageSource messages;
    private final DocumentUploadFields uploads;

    RegistrationApiAdvice(MessageSource messages, DocumentUploadFields uploads) {
        this.messages = messages;
        this.uploads = uploads;
    }

    @ExceptionHandler(FormRefusedException.class)
    ResponseEntity<ErrorBody> formRefused(FormRefusedException e, HttpServletRequest request) {
        Locale locale = JsonErrors.locale(request);
        List<RegistrationApiModel.FieldError> fields = e.errors().stream()
                .map(f -> new RegistrationApiModel.FieldError(f.field().jsonName(), f.message().key(), text(f.message(), locale)))
                .toList();
        Optional<RuleMessage> conflict = e.errors().stream().map(FieldError::message)
                .filter(m -> CONFLICTS.contains(m.key())).findFirst();
        ErrorBody body = conflict
                .map(c -> new ErrorBody(c.key(), text(c, locale), fields))
                .orElseGet(() -> new ErrorBody(e.messageKey(), messages.getMessage(e.messageKey(), e.arguments(), locale), fields));
        return ResponseEntity.status(conflict.isPresent() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<Map<String, String>> refused(UserFacingException e, HttpServletRequest request) {
        ResponseEntity<Map<String, String>> response = JsonErrors.of(messages, status(e.messageKey()), e.messageKey(), e.arguments(), request);
        if ("registration.access.locked".equals(e.messageKey()) && e.arguments().length > 0
                && e.arguments()[0] instanceof Number minutes) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(minutes.longValue() * 60)).body(response.getBody());
        }
        return response;
    }

    /** The multipart body is read only after the code was checked, so its size limit is met here, not before the controller. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return PartHeaders.refusal(messages, uploads.maxBytes(), e, request);
    }

    /**
     * A multipart body that could not be read: mostly a client that went away mid-upload (nobody is
     * left to read the answer), else a malformed body. Neither is a failure of ours.
     */
    @ExceptionHandler({MultipartException.class, IOException.class})
    ResponseEntity<Map<String, String>> unreadableUpload(Exception e, HttpServletRequest request) {
        log.debug("Upload body not read: {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, "registration.api.badRequest", new Object[] {400}, request);
    }

    /** Not JSON, or a value of the wrong kind (an unknown legal-person type, text for a boolean). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            Class<?> target = invalid.getTargetType();
            String allowed = target != null && target.isEnum()
                    ? Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    : target == null ? "" : target.getSimpleName();
            return badRequest("registration.api.invalidValue", request, path(invalid), String.valueOf(invalid.getValue()), allowed);
        }
        return badRequest("registration.api.malformedJson", request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, String>> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return badRequest("registration.api.missingHeader", request, e.getHeaderName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return badRequest("registration.api.missingParameter", request, e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return badRequest("registration.api.missingParameter", request, e.getRequestPartName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> invalidParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest("registration.api.invalidParameter", request, e.getName(), String.valueOf(e.getValue()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return JsonErrors.of(messages, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "registration.api.unsupportedMediaType",
                new Object[] {supported}, request);
    }

    /** Anything else Spring refuses keeps its status; a failure of ours is logged and answered without details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = refusal.getStatusCode();
            return JsonErrors.of(messages, HttpStatus.valueOf(status.value()), "registration.api.badRequest",
                    new Object[] {status.value()}, request);
        }
        if (DatabaseOutage.causes(e)) {
            log.warn("Database unreachable: {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return JsonErrors.of(messages, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE_KEY, new Object[0], request);
        }
        log.error("Public registration API failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return JsonErrors.of(messages, HttpStatus.INTERNAL_SERVER_ERROR, "registration.api.internalError", new Object[0], request);
    }

    private ResponseEntity<Map<String, String>> badRequest(String key, HttpServletRequest request, Object... arguments) {
        return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, key, arguments, request);
    }

    private String text(RuleMessage message, Locale locale) {
        return messages.getMessage(message.key(), message.argumentArray(), message.key(), locale);
    }

    /** The JSON path of the bad value, e.g. {@code legalPersonType}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static HttpStatus status(String key) {
        return STATUSES.of(key);
    }
}
