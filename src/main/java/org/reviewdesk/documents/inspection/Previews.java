package org.reviewdesk.documents.inspection;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Picture sizes and PNG encoding of previews. */
final class Previews {

    /** The long side of A4 in inches: image previews are as large as a page preview. */
    private static final double A4_LONG_SIDE_INCHES = 297 / 25.4;
    /**
     * Deflate effort of the PNG encoder (ImageIO maps quality 1.0 to none, 0.0 to the most): its
     * default, the most, takes several times longer for a few percent smaller previews.
     */
    private static final float PNG_QUALITY = 0.6f;

    private Previews() {
    }

    static int imageLongSide(InspectionLimits limits) {
        return (int) Math.round(A4_LONG_SIDE_INCHES * limits.previewDpi());
    }

    /** Scales {@code picture} down to fit {@code longSide} (never up), opaque on white. */
    static BufferedImage fit(BufferedImage picture, int longSide) {
        double scale = Math.min(1.0, (double) longSide / Math.max(picture.getWidth(), picture.getHeight()));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        if (scale == 1.0 && picture.getType() == BufferedImage.TYPE_INT_RGB) {
            return picture;
        }
        BufferedImage fitted = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(picture, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return fitted;
    }

    static Preview encode(int pageIndex, BufferedImage picture) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(picture.getWidth() * picture.getHeight() / 4);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (parameters.canWriteCompressed()) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(PNG_QUALITY);
            }
            writer.write(null, new IIOImage(picture, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return new Preview(pageIndex, picture.getWidth(), picture.getHeight(), bytes.toByteArray());
    }
}
