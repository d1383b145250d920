package org.reviewdesk.documents.intake;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

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
}
