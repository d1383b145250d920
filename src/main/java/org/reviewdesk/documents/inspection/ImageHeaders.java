package org.reviewdesk.documents.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Image dimensions read from headers, without decoding a pixel. */
final class ImageHeaders {

    static final String CMYK_JPEG_READER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi";

    record Size(int width, int height) {
    }

    private ImageHeaders() {
    }

    /**
     * The ImageIO reader of exactly this type, never one chosen by sniffing the content again. For
     * JPEG that is TwelveMonkeys' reader, which also decodes the CMYK and YCCK (Adobe) JPEGs scanners
     * write; ImageIO lists it first, but which plugin comes first is not a promise, so it is asked
     * for by name. Without it (not registered) the JDK's reader, which refuses those as damaged.
     */
    static ImageReader reader(DocumentType type) {
        String format = switch (type) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case PDF -> throw new IllegalArgumentException("not an image: " + type);
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader first = readers.next();
        if (type != DocumentType.JPEG || isCmykCapable(first)) {
            return first;
        }
        while (readers.hasNext()) {
            ImageReader next = readers.next();
            if (isCmykCapable(next)) {
                first.dispose();
                return next;
            }
            next.dispose();
        }
        return first;
    }

    /** True when {@code reader} is TwelveMonkeys' JPEG reader. */
    static boolean isCmykCapable(ImageReader reader) {
        return reader.getOriginatingProvider() != null
                && reader.getOriginatingProvider().getClass().getName().equals(CMYK_JPEG_READER);
    }

    /** The size a JPEG declares in its frame header, or null when there is no readable header. */
    static Size jpegSize(InputStream jpeg) {
        ImageReader reader = reader(DocumentType.JPEG);
        try (ImageInputStream in = new MemoryCacheImageInputStream(jpeg)) {
            reader.setInput(in, true, true);
            return new Size(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            return null; // PDFBox cannot decode it either, so nothing is drawn
        } finally {
            reader.dispose();
        }
    }
}
