package org.reviewdesk.documents.inspection;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of the first image directory), which phones write
 * instead of turning the pixels: 1 upright, 2 mirrored, 3 turned half round, 4 mirrored upside
 * down, 5 to 8 the same with the sides swapped (6: turn clockwise to view, 8: anticlockwise).
 *
 * <p>Read by hand rather than with a metadata library because only one value of the first
 * directory is needed: at most {@value #MAX_SEGMENTS} segment headers before the image data, one
 * APP1 segment (64 KB at most) and one directory are read, and every offset in it is checked
 * against the segment before it is followed. Anything unexpected means orientation 1.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;

    private static final int MAX_SEGMENTS = 64;
    private static final int SOI = 0xFFD8;
    private static final int APP1 = 0xE1;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifOrientation() {
    }

    /** The orientation {@code jpeg} declares, 1 to 8; 1 when it declares none or its EXIF is malformed. */
    static int of(Path jpeg) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
            return of(in);
        }
    }

    private static int of(DataInputStream in) throws IOException {
        try {
            if (in.readUnsignedShort() != SOI) {
                return UPRIGHT;
            }
            for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
                if (in.readUnsignedByte() != 0xFF) {
                    return UPRIGHT;
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) { // fill bytes
                    marker = in.readUnsignedByte();
                }
                if (marker == SOS || marker == EOI) {
                    return UPRIGHT;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // no length follows
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return UPRIGHT;
                }
                if (marker == APP1) {
                    byte[] payload = in.readNBytes(length);
                    if (payload.length == length && startsWith(payload, EXIF)) {
                        return fromTiff(ByteBuffer.wrap(payload, EXIF.length, payload.length - EXIF.length).slice());
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
            return UPRIGHT;
        } catch (EOFException e) {
            return UPRIGHT;
        }
    }

    /** The orientation entry of the first directory of a TIFF structure. */
    private static int fromTiff(ByteBuffer tiff) {
        int size = tiff.remaining();
        if (size < 8) {
            return UPRIGHT;
        }
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
            return UPRIGHT;
        }
        if (tiff.getShort(2) != 42) {
            return UPRIGHT;
        }
        long directory = Integer.toUnsignedLong(tiff.getInt(4));
        if (directory < 8 || directory + 2 > size) {
            return UPRIGHT;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) directory));
        for (int i = 0; i < entries; i++) {
            long entry = directory + 2 + 12L * i;
            if (entry + 12 > size) {
                return UPRIGHT;
            }
            int at = (int) entry;
            if (Short.toUnsignedInt(tiff.getShort(at)) == ORIENTATION_TAG) {
                boolean oneShort = Short.toUnsignedInt(tiff.getShort(at + 2)) == SHORT && tiff.getInt(at + 4) == 1;
                int value = Short.toUnsignedInt(tiff.getShort(at + 8)); // a single SHORT sits in the entry itself
                return oneShort && value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** True for 5 to 8: the upright picture is as wide as the stored one is high. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** {@code picture} (the pixels as stored) turned and mirrored as {@code orientation} says, opaque. */
    static BufferedImage upright(BufferedImage picture, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return picture;
        }
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] stored = picture.getRGB(0, 0, width, height, null, 0, width);
        boolean swapped = swapsSides(orientation);
        int uprightWidth = swapped ? height : width;
        int uprightHeight = swapped ? width : height;
        int[] pixels = new int[stored.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int to = switch (orientation) {
                    case 2 -> y * uprightWidth + (width - 1 - x);
                    case 3 -> (height - 1 - y) * uprightWidth + (width - 1 - x);
                    case 4 -> (height - 1 - y) * uprightWidth + x;
                    case 5 -> x * uprightWidth + y;
                    case 6 -> x * uprightWidth + (height - 1 - y);
                    case 7 -> (width - 1 - x) * uprightWidth + (height - 1 - y);
                    default -> (width - 1 - x) * uprightWidth + y; // 8
                };
                pixels[to] = stored[y * width + x];
            }
        }
        BufferedImage turned = new BufferedImage(uprightWidth, uprightHeight, BufferedImage.TYPE_INT_RGB);
        turned.setRGB(0, 0, uprightWidth, uprightHeight, pixels, 0, uprightWidth);
        return turned;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
