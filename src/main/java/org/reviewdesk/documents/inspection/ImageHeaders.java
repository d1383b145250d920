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

    record Size(int width, int height) {
    }

    private ImageHeaders() {
    }

    /** The ImageIO reader of exactly this type, never one chosen by sniffing the content again. */
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
        return readers.next();
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
