package org.reviewdesk.documents.intake;

import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place a document (an original, a preview, a receipt) is handed to a browser, over Vaadin or
 * REST: read through the service that authorises it, its type the one detected by content, never
 * sniffed ({@code X-Content-Type-Options: nosniff}), never cached by anyone but the user's browser for
 * this response ({@code Cache-Control: private, no-store}: ID scans must not stay in shared caches), and
 * named by RFC 6266 / RFC 5987 ({@code attachment} for originals and receipts, {@code inline} for
 * previews). A refused read answers 403, a missing one 404, with nothing of the document.
 */
@NamedInterface("intake")
public final class DocumentDownloads {

    static final String NO_STORE = "private, no-store";
    static final String NOSNIFF = "nosniff";

    private DocumentDownloads() {
    }

    /**
     * A Vaadin download of what {@code open} reads; the service behind {@code open} checks who asks.
     *
     * @param attachment true for a file to save (originals, receipts), false for a preview shown inline
     */
    public static DownloadHandler handler(Supplier<DocumentContent> open, boolean attachment) {
        InputStreamDownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            event.getResponse().setHeader("X-Content-Type-Options", NOSNIFF);
            event.getResponse().setHeader("Cache-Control", NO_STORE);
            return respond(open);
        });
        return attachment ? handler : handler.inline();
    }

    /** What {@link #handler} answers: the content, or 404 / 403 with nothing of it. */
    static DownloadResponse respond(Supplier<DocumentContent> open) {
        try {
            DocumentContent content = open.get();
            return new DownloadResponse(content.stream(), content.fileName(), content.contentType(), content.size());
        } catch (UserFacingException e) {
            return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
        } catch (AccessDeniedException e) {
            return DownloadResponse.error(HttpStatusCode.FORBIDDEN);
        }
    }

    /** The headers of a REST answer carrying a document, as {@link #handler} sets them. */
    public static HttpHeaders headers(String contentType, String fileName, boolean attachment, long size) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        headers.set("X-Content-Type-Options", NOSNIFF);
        headers.setCacheControl(NO_STORE);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment ? "attachment" : "inline", fileName));
        if (size >= 0) {
            headers.setContentLength(size);
        }
        return headers;
    }

    /** RFC 6266 with an ASCII fallback name and the exact name as RFC 5987 {@code filename*}. */
    static String contentDisposition(String type, String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
