package org.reviewdesk.documents.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading documents over HTTP for signed-in staff ({@code /api/**} is behind the staff login). Thin:
 * the service decides who may read (the roles that handle the case's process), and a version is named
 * by its random public id; a sequential id, or anything else that is not a stored version's public id,
 * is not found. Read only: staff add versions through their process's service, which knows whether the
 * case takes documents in its state; there is no upload here. Errors are
 * {@code {"code": key, "message": text}} in the request's language (Accept-Language; Simplified
 * Chinese when absent).
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private static final ApiStatuses STATUSES = ApiStatuses.shared();

    private final DocumentService documents;
    private final MessageSource messages;

    DocumentController(DocumentService documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping("/{publicId}/original")
    ResponseEntity<InputStreamResource> original(@PathVariable String publicId) {
        Access access = Access.staff(staff());
        return serve(documents.openOriginal(publicId(publicId), access), true);
    }

    @GetMapping("/{publicId}/previews/{page}")
    ResponseEntity<InputStreamResource> preview(@PathVariable String publicId, @PathVariable int page) {
        Access access = Access.staff(staff());
        return serve(documents.openPreview(publicId(publicId), page, access), false);
    }

    /** A public id as URLs carry it; anything else names no document (404, as an unknown id). */
    static UUID publicId(String text) {
        return parse(text).orElseThrow(() -> new UserFacingException("intake.document.notFound"));
    }

    private static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<Map<String, String>> refused(UserFacingException e, HttpServletRequest request) {
        return error(STATUSES.of(e.messageKey()), e.messageKey(), e.arguments(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e, HttpServletRequest request) {
        return error(HttpStatus.FORBIDDEN, "intake.access.denied", new Object[0], request);
    }

    private static CurrentUser staff() {
        CurrentUser user = CurrentUser.require();
        if (user.roles().isEmpty()) {
            throw new AccessDeniedException(user.username() + " has no staff role");
        }
        return user;
    }

    static ResponseEntity<InputStreamResource> serve(DocumentContent content, boolean attachment) {
        return new ResponseEntity<>(new InputStreamResource(content.stream()),
                DocumentDownloads.headers(content.contentType(), content.fileName(), attachment, content.size()), HttpStatus.OK);
    }

    private ResponseEntity<Map<String, String>> error(HttpStatus status, String key, Object[] arguments,
                                                      HttpServletRequest request) {
        return JsonErrors.of(messages, status, key, arguments, request);
    }
}
