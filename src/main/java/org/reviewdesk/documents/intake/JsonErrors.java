package org.reviewdesk.documents.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reviewdesk.platform.Languages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code {"code": key, "message": text}} in the request's language (Accept-Language; Chinese when absent). */
final class JsonErrors {

    private JsonErrors() {
    }

    static ResponseEntity<Map<String, String>> of(MessageSource messages, HttpStatus status, String key, Object[] arguments,
                                                  HttpServletRequest request) {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
                ? Languages.DEFAULT : Languages.supported(request.getLocale());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", key);
        body.put("message", messages.getMessage(key, arguments, key, locale));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
