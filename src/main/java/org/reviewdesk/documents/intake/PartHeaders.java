package org.reviewdesk.documents.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Spring reports every multipart parse failure whose text says "size … exceed" as an upload over the
 * size limit; a part header over Tomcat's limit (server.tomcat.max-part-header-size: a file name of
 * thousands of characters) is one of them, though the file may be tiny. Telling it apart keeps the
 * caller from being told the file is too large.
 */
@NamedInterface("intake")
public final class PartHeaders {

    /** The message key of the refusal: the file name is too long to read. */
    public static final String TOO_LONG = "intake.upload.headerTooLong";
    /** The refusal of a request with more than one file part: which one was meant is a guess. */
    public static final String ONE_FILE = "intake.upload.oneFile";
    /** About how many Chinese characters (3 bytes each) of a file name fit in the 4 KB header limit. */
    public static final int NAME_CHARACTERS = 1000;

    private PartHeaders() {
    }

    public static boolean tooLong(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every API's answer to a multipart body over a limit, in the caller's language: a part header
     * too long is a bad request naming the file name, anything else a file over {@code maxBytes}.
     */
    public static ResponseEntity<Map<String, String>> refusal(MessageSource messages, long maxBytes,
                                                              MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (tooLong(e)) {
            return JsonErrors.of(messages, HttpStatus.BAD_REQUEST, TOO_LONG, new Object[] {NAME_CHARACTERS}, request);
        }
        return JsonErrors.of(messages, HttpStatus.PAYLOAD_TOO_LARGE, "inspection.refused.tooLarge",
                new Object[] {String.valueOf(maxBytes / (1024 * 1024))}, request);
    }
}
