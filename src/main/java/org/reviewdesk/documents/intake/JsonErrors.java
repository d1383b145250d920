package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
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
@NamedInterface("intake")
public final class JsonErrors {

    private JsonErrors() {
    }

    public static ResponseEntity<Map<String, String>> of(MessageSource messages, HttpStatus status, String key, Object[] arguments,
                                                         HttpServletRequest request) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", key);
        body.put("message", messages.getMessage(key, arguments, key, locale(request)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The request's language: Accept-Language among the supported ones, Chinese when the header is absent. */
    public static Locale locale(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
                ? Languages.DEFAULT : Languages.supported(request.getLocale());
    }
}
