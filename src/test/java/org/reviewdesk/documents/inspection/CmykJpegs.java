package org.reviewdesk.documents.inspection;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * CMYK JPEGs as scanners write them, made in the test: the JDK's JPEG writer encodes a four-band
 * raster as it is (no JFIF segment, no colour transform), and an Adobe APP14 segment (transform 0:
 * CMYK, values inverted as Adobe applications store them) is put after SOI. Public for the intake's tests.
 */
public final class CmykJpegs {

    private CmykJpegs() {
    }

    /** Adobe's APP14 segment: version 100, no flags, transform 0 (CMYK). */
    private static final byte[] ADOBE = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};

    /** A {@code width} x {@code height} CMYK JPEG: no ink, with a block of full cyan in the top-left quarter. */
    public static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean block = y < height / 2 && x < width / 2;
                raster.setPixel(x, y, new int[] {block ? 0 : 255, 255, 255, 255}); // inverted: 255 is no ink
            }
        }
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        ByteArrayOutputStream withAdobe = new ByteArrayOutputStream(jpeg.length + ADOBE.length);
        withAdobe.write(jpeg, 0, 2); // SOI
        withAdobe.writeBytes(ADOBE);
        withAdobe.write(jpeg, 2, jpeg.length - 2);
        return withAdobe.toByteArray();
    }

    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("the JDK's JPEG writer is not registered");
    }
}
