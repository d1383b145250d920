package org.reviewdesk.documents.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.reviewdesk.documents.inspection.DocumentType;

/**
 * The quick look at an upload's first bytes before anything is sent to the store: a file that is
 * not PDF, JPEG or PNG by its signature is refused without being stored. The inspection decides
 * for good; this only keeps obvious junk out of the bucket. Three fixed signatures need no
 * detection library.
 */
final class FirstBytes {

    static final int LENGTH = 8;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private FirstBytes() {
    }

    /** Reads up to {@link #LENGTH} bytes (fewer only at the end of the stream). */
    static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(LENGTH);
    }

    static Optional<DocumentType> type(byte[] head) {
        if (startsWith(head, PDF)) {
            return Optional.of(DocumentType.PDF);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(DocumentType.JPEG);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(DocumentType.PNG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }
}
