package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Phone photos of ID cards and licences carry the way they were held in EXIF instead of turned
 * pixels. The photo here is a landscape card, 240 x 150 upright, with a red block at its top left
 * and a green block at its top right; each JPEG stores it as a camera held that way would, with the
 * orientation in an APP1 segment written byte by byte.
 */
class ExifOrientationTest extends InspectorHarness {

    static final int WIDTH = 240;
    static final int HEIGHT = 150;

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            // orientation, corners of the stored picture holding the red and the green block, byte order
            "1, TL, TR, MM",
            "2, TR, TL, II",
            "3, BR, BL, MM",
            "4, BL, BR, II",
            "5, TL, BL, MM",
            "6, BL, TL, II",
            "7, BR, TR, MM",
            "8, TR, BR, II"})
    void thePreviewIsUprightAndTheSizeIsAsViewed(int orientation, Corner red, Corner green, String byteOrder)
            throws IOException {
        boolean sideways = orientation >= 5;
        byte[] jpeg = withExif(stored(sideways ? HEIGHT : WIDTH, sideways ? WIDTH : HEIGHT, red, green),
                tiff(byteOrder, orientation));

        InspectionResult result = inspect("photo.jpg", jpeg);
        Preview preview = renderer().renderPage(file("photo.jpg", jpeg), 0);

        assertAccepted(result);
        assertThat(result.imageWidth()).isEqualTo(WIDTH);
        assertThat(result.imageHeight()).isEqualTo(HEIGHT);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(preview.png()));
        assertThat(picture.getWidth()).isEqualTo(preview.width()).isEqualTo(WIDTH);
        assertThat(picture.getHeight()).isEqualTo(preview.height()).isEqualTo(HEIGHT);
        assertThat(colourAt(picture, Corner.TL)).as("top left").isEqualTo("red");
        assertThat(colourAt(picture, Corner.TR)).as("top right").isEqualTo("green");
        assertThat(colourAt(picture, Corner.BL)).as("bottom left").isEqualTo("grey");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "directory offset beyond the segment",
            "directory offset negative as a signed int",
            "more entries than the segment holds",
            "orientation of the wrong type",
            "orientation 9",
            "orientation counted twice",
            "no TIFF header",
            "unknown byte order"})
    void malformedExifCountsAsUpright(String malformation) throws IOException {
        byte[] tiff = tiff("MM", 6);
        ByteBuffer edit = ByteBuffer.wrap(tiff);
        Consumer<ByteBuffer> change = switch (malformation) {
            case "directory offset beyond the segment" -> b -> b.putInt(4, 4_000);
            case "directory offset negative as a signed int" -> b -> b.putInt(4, 0xFFFF_FFF0);
            case "more entries than the segment holds" -> b -> b.putShort(8, (short) 0xFFFF);
            case "orientation of the wrong type" -> b -> b.putShort(12, (short) 4);
            case "orientation 9" -> b -> b.putShort(18, (short) 9);
            case "orientation counted twice" -> b -> b.putInt(14, 2);
            case "unknown byte order" -> b -> b.put(0, (byte) 'X').put(1, (byte) 'X');
            default -> b -> { };
        };
        change.accept(edit);
        if (malformation.equals("more entries than the segment holds")) {
            tiff = java.util.Arrays.copyOf(tiff, 10); // the directory's count, and nothing after it
        }
        if (malformation.equals("no TIFF header")) {
            tiff = new byte[] {'M', 'M'};
        }
        // stored as it is to be viewed: a wrongly read orientation would turn it
        byte[] jpeg = withExif(stored(WIDTH, HEIGHT, Corner.TL, Corner.TR), tiff);

        InspectionResult result = inspect("photo.jpg", jpeg);
        Preview preview = renderer().renderPage(file("photo.jpg", jpeg), 0);

        assertAccepted(result);
        assertThat(result.imageWidth()).isEqualTo(WIDTH);
        assertThat(preview.width()).isEqualTo(WIDTH);
        assertThat(colourAt(ImageIO.read(new ByteArrayInputStream(preview.png())), Corner.TL)).isEqualTo("red");
    }

    @Test
    void aPngIsNeverTurned() throws IOException {
        Preview preview = renderer().renderPage(file("scan.png", Fixtures.encode(stored(WIDTH, HEIGHT, Corner.TL, Corner.TR), "png")), 0);

        assertThat(preview.width()).isEqualTo(WIDTH);
        assertThat(colourAt(ImageIO.read(new ByteArrayInputStream(preview.png())), Corner.TL)).isEqualTo("red");
    }

    enum Corner { TL, TR, BL, BR }

    /** A grey picture with a red and a green block in the given corners, a fifth of each side. */
    static BufferedImage stored(int width, int height, Corner red, Corner green) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, width, height);
        block(g, width, height, red, Color.RED);
        block(g, width, height, green, Color.GREEN);
        g.dispose();
        return picture;
    }

    private static void block(Graphics2D g, int width, int height, Corner corner, Color colour) {
        int w = width / 5;
        int h = height / 5;
        int x = corner == Corner.TL || corner == Corner.BL ? 0 : width - w;
        int y = corner == Corner.TL || corner == Corner.TR ? 0 : height - h;
        g.setColor(colour);
        g.fillRect(x, y, w, h);
    }

    static String colourAt(BufferedImage picture, Corner corner) {
        int x = corner == Corner.TL || corner == Corner.BL ? picture.getWidth() / 20 : picture.getWidth() * 19 / 20;
        int y = corner == Corner.TL || corner == Corner.TR ? picture.getHeight() / 20 : picture.getHeight() * 19 / 20;
        Color c = new Color(picture.getRGB(x, y));
        if (c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80) {
            return "red";
        }
        if (c.getGreen() > 200 && c.getRed() < 80 && c.getBlue() < 80) {
            return "green";
        }
        if (Math.abs(c.getRed() - 128) < 30 && Math.abs(c.getGreen() - 128) < 30 && Math.abs(c.getBlue() - 128) < 30) {
            return "grey";
        }
        return c.toString();
    }

    /**
     * A TIFF structure with one directory of one entry, Orientation (0x0112, SHORT, count 1):
     * header at 0, directory at 8 (entry count at 8, the entry at 10: tag, type at 12, count at 14,
     * value at 18), the next directory's offset (none) at 22.
     */
    static byte[] tiff(String byteOrder, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26)
                .order(byteOrder.equals("II") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(byteOrder.getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** {@code picture} as a JPEG with an APP1 Exif segment holding {@code tiff} right after SOI. */
    static byte[] withExif(BufferedImage picture, byte[] tiff) throws IOException {
        byte[] jpeg = Fixtures.encode(picture, "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >>> 8), (byte) length});
        out.write(exif);
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
