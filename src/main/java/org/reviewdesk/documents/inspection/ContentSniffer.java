package org.reviewdesk.documents.inspection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file by its content alone: Tika's magic-byte detector (given no file name, so the
 * name cannot sway it) must agree with a strict check of the leading bytes. The strict check is
 * what makes {@code %PDF-} count only at offset 0: Tika also takes it after a byte order mark, and
 * viewers find it after a kilobyte of junk, which is how polyglot files pass as PDFs.
 */
final class ContentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private ContentSniffer() {
    }

    static Optional<DocumentType> detect(Path file) throws IOException {
        DocumentType byLeadingBytes = byLeadingBytes(file);
        if (byLeadingBytes == null) {
            return Optional.empty();
        }
        MediaType byTika;
        try (InputStream in = TikaInputStream.get(new BufferedInputStream(Files.newInputStream(file)))) {
            byTika = Tika.MIME_TYPES.detect(in, new Metadata());
        }
        return byLeadingBytes.mediaType().equals(byTika.getBaseType().toString())
                ? Optional.of(byLeadingBytes) : Optional.empty();
    }

    private static DocumentType byLeadingBytes(Path file) throws IOException {
        byte[] head = new byte[PNG.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, read, PDF)) {
            return DocumentType.PDF;
        }
        if (startsWith(head, read, JPEG)) {
            return DocumentType.JPEG;
        }
        if (startsWith(head, read, PNG)) {
            return DocumentType.PNG;
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** Loaded on first use: reading Tika's type database takes a moment. */
    private static final class Tika {
        static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    }
}
