package org.reviewdesk.documents.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents over HTTP for signed-in staff ({@code /api/**} is behind the staff login; POST needs the
 * CSRF token). Thin: the service decides. Errors are {@code {"code": key, "message": text}} in the
 * request's language (Accept-Language; Simplified Chinese when absent).
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentService documents;
    private final MessageSource messages;

    DocumentController(DocumentService documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentInfo> upload(@RequestParam String caseRef, @RequestParam String slot,
                                        @RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser user = staff();
        try (InputStream in = file.getInputStream()) {
            DocumentInfo info = documents.upload(caseRef, slot, file.getOriginalFilename(), file.getContentType(),
                    in, user.username());
            return ResponseEntity.status(HttpStatus.CREATED).body(info);
        }
    }

    @GetMapping("/{id}/original")
    ResponseEntity<InputStreamResource> original(@PathVariable long id) {
        return serve(documents.openOriginal(id, Access.staff(staff())), true);
    }

    @GetMapping("/{id}/previews/{page}")
    ResponseEntity<InputStreamResource> preview(@PathVariable long id, @PathVariable int page) {
        return serve(documents.openPreview(id, page, Access.staff(staff())), false);
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<Map<String, String>> refused(UserFacingException e, HttpServletRequest request) {
        return error(status(e.messageKey()), e.messageKey(), e.arguments(), request);
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

    private static HttpStatus status(String key) {
        return switch (key) {
            case DocumentStoreException.UNAVAILABLE, "intake.inspection.unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "intake.document.notFound", "intake.preview.notFound", DocumentStoreException.MISSING -> HttpStatus.NOT_FOUND;
            case "intake.upload.notSaved" -> HttpStatus.INTERNAL_SERVER_ERROR;
            case "inspection.refused.tooLarge" -> HttpStatus.PAYLOAD_TOO_LARGE;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
