package org.reviewdesk.documents.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request body over the multipart limit is refused before any controller runs; answer it like
 * the service's own size refusal, in the caller's language, instead of a bare error page.
 */
@RestControllerAdvice
class UploadLimitAdvice {

    private final MessageSource messages;
    private final InspectionLimits limits;

    UploadLimitAdvice(MessageSource messages, InspectionLimits limits) {
        this.messages = messages;
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return PartHeaders.refusal(messages, limits.maxBytes(), e, request);
    }
}
