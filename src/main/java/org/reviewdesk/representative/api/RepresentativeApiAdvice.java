package org.reviewdesk.representative.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.documents.intake.JsonErrors;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.representative.ChangeRefused;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The refusals of {@link RepresentativeApiController} as JSON in the request's language, with a status by kind. */
@RestControllerAdvice(assignableTypes = RepresentativeApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RepresentativeApiAdvice {

    private final MessageSource messages;

    RepresentativeApiAdvice(MessageSource messages) {
        this.messages = messages;
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

    /** An upload without its file part, or a body that could not be read (mostly a client gone mid-upload). */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<Map<String, String>> unreadableUpload(Exception e, HttpServletRequest request) {
        return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, "representative.api.fileRequired", new Object[0], request);
    }

    private static HttpStatus status(String key) {
        return switch (key) {
            case "representative.access.denied" -> HttpStatus.UNAUTHORIZED;
            case "representative.access.locked", "registration.mobileProof.tooMany", "applicant.upload.tooManyAtOnce" ->
                    HttpStatus.TOO_MANY_REQUESTS;
            case "representative.notFound", "representative.start.noActiveAccount" -> HttpStatus.NOT_FOUND;
            case "representative.start.alreadyOpen", "representative.submit.alreadySubmitted",
                 "representative.supplement.notAwaited", "representative.receipt.notYet" -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
