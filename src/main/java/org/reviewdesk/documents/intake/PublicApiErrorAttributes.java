package org.reviewdesk.documents.intake;

import jakarta.servlet.RequestDispatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The one answer of the whole public API ({@code /api/public/**}) to whatever no API's own advice
 * answered: a wrong media type (refused by Spring before a controller is chosen, so no advice of a
 * controller sees it), a request Spring could not read, a filter's refusal. The caller gets the
 * documented {@code {"code", "message"}} in its language, with the same codes process 1's advice
 * gives for the same mistakes; the staff side keeps Spring Boot's error body.
 */
@Component
class PublicApiErrorAttributes extends DefaultErrorAttributes {

    private static final String PUBLIC_API = "/api/public/";

    private final MessageSource messages;

    PublicApiErrorAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Object uri = webRequest.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
        if (!(uri instanceof String path && path.contains(PUBLIC_API))
                || !(webRequest instanceof ServletWebRequest servlet)) {
            return super.getErrorAttributes(webRequest, options);
        }
        Object code = webRequest.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
        int status = code instanceof Integer i ? i : 500;
        Throwable error = getError(webRequest);
        String key;
        Object[] arguments;
        if (error instanceof HttpMediaTypeNotSupportedException unsupported) {
            key = "registration.api.unsupportedMediaType";
            arguments = new Object[] {unsupported.getSupportedMediaTypes().stream().map(MediaType::toString)
                    .collect(Collectors.joining(", "))};
        } else if (error instanceof HttpMessageNotReadableException) {
            key = "registration.api.malformedJson";
            arguments = new Object[0];
        } else if (error instanceof MissingRequestHeaderException missing) {
            key = "registration.api.missingHeader";
            arguments = new Object[] {missing.getHeaderName()};
        } else if (status >= 500) {
            key = "registration.api.internalError";
            arguments = new Object[0];
        } else {
            key = "registration.api.badRequest";
            arguments = new Object[] {status};
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", key);
        body.put("message", messages.getMessage(key, arguments, key, JsonErrors.locale(servlet.getRequest())));
        return body;
    }
}
