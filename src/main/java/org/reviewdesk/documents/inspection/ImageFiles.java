package org.reviewdesk.documents.inspection;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a JPEG or PNG file safely: its dimensions come from the header, and an image beyond the
 * pixel limit is refused before a pixel is decoded; the rest is decoded with subsampling so that
 * only a picture of about {@code longSide} pixels is ever held. A decoder that warns (data ending
 * early, a corrupt segment) or fails means the file is damaged. A JPEG's EXIF orientation (a phone
 * photo of an ID card held sideways) is read too, so that sizes and previews are as the photo is viewed.
 */
final class ImageFiles {

    /**
     * @param width the width as the image is to be viewed (its EXIF orientation applied)
     * @param height the height as the image is to be viewed
     * @param picture the pixels as stored, subsampled: not yet turned
     * @param orientation the EXIF orientation, 1 to 8 ({@link ExifOrientation})
     */
    record Decoded(int width, int height, BufferedImage picture, int orientation) {

        /** {@code picture} made upright; scale it down first, turning a smaller picture costs less. */
        BufferedImage upright(BufferedImage scaled) {
            return ExifOrientation.upright(scaled, orientation);
        }
    }

    private ImageFiles() {
    }

    static Decoded read(Path file, DocumentType type, long maxPixels, int longSide) throws IOException {
        ImageReader reader = ImageHeaders.reader(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("Cannot open " + file);
            }
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw damaged("no readable image header: " + e);
            }
            if (width <= 0 || height <= 0) {
                throw damaged("an image of " + width + " x " + height + " pixels");
            }
            new StreamGuard(maxPixels).checkPixels(width, height, type + " file");

            int subsampling = Math.max(1, Math.max(width, height) / Math.max(1, longSide));
            ImageReadParam parameters = reader.getDefaultReadParam();
            parameters.setSourceSubsampling(subsampling, subsampling, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.addIIOReadProgressListener(new AbortWhenInterrupted());
            BufferedImage picture;
            try {
                picture = reader.read(0, parameters);
            } catch (IOException | RuntimeException e) {
                Interruptions.check();
                throw damaged("image data cannot be decoded: " + e);
            }
            Interruptions.check();
            warnings.removeIf(ImageFiles::aboutColourOnly);
            if (!warnings.isEmpty()) {
                throw damaged("image data incomplete or corrupt: " + warnings);
            }
            int orientation = type == DocumentType.JPEG ? ExifOrientation.of(file) : ExifOrientation.UPRIGHT;
            return ExifOrientation.swapsSides(orientation)
                    ? new Decoded(height, width, picture, orientation)
                    : new Decoded(width, height, picture, orientation);
        } finally {
            reader.dispose();
        }
    }

    /**
     * A warning that the colours are approximate (a CMYK scan without an ICC profile, or with one
     * that is broken and ignored): the picture is whole, so the file is not damaged.
     */
    private static boolean aboutColourOnly(String warning) {
        return warning != null && (warning.contains("ICC") || warning.toLowerCase(java.util.Locale.ROOT).contains("color profile"));
    }

    private static InspectionRefusedException damaged(String detail) {
        return InspectionRefusedException.of(RefusalReason.DAMAGED, detail);
    }

    /** ImageIO decoders do not look at the interrupt flag; they do report progress. */
    private static final class AbortWhenInterrupted implements IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (Thread.currentThread().isInterrupted()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
