package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import java.io.IOException;
import java.io.InputStream;

/**
 * An original or a preview streamed from the store; the caller closes it.
 *
 * @param contentType the type detected by content (never the uploader's claim)
 * @param fileName the download name: the sanitised display name with the detected type's extension
 */
@NamedInterface("intake")
public record DocumentContent(InputStream stream, String contentType, String fileName, long size) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
