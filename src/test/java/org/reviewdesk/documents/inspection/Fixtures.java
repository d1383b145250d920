package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;

/** Test files, all made here: PDFs with PDFBox or by hand, images with ImageIO or by hand. */
final class Fixtures {

    /** Debian's fonts-wqy-zenhei; the CI installs it. */
    static final Path CHINESE_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private Fixtures() {
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- PDFs made with PDFBox

    /** Pages with a line of text and a few shapes, like a scanned form with a text layer. */
    static PDDocument document(int pages, PDRectangle size) throws IOException {
        PDDocument document = new PDDocument();
        PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (int i = 1; i <= pages; i++) {
            PDPage page = new PDPage(size);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 14);
                content.newLineAtOffset(72, size.getHeight() - 72);
                content.showText("Page " + i + " of the test licence");
                content.newLineAtOffset(0, -20);
                content.showText("Unified social credit code 914403001922038216");
                content.endText();
                content.addRect(72, 72, 200, 100);
                content.stroke();
                content.setNonStrokingColor(new Color(40, 90, 200));
                content.addRect(300, 400, 120, 80);
                content.fill();
                content.moveTo(72, 300);
                content.lineTo(size.getWidth() - 72, 320);
                content.stroke();
            }
        }
        return document;
    }

    static PDDocument document(int pages) throws IOException {
        return document(pages, PDRectangle.A4);
    }

    static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = document(pages)) {
            return save(document);
        }
    }

    static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    /** PDFBox 3's compression: every object that is not a stream goes into object streams. */
    static byte[] saveCompressed(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, CompressParameters.DEFAULT_COMPRESSION);
        return out.toByteArray();
    }

    /** The offset the last {@code startxref} of a PDF points at. */
    static long startxref(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref");
        return Long.parseLong(text.substring(at + "startxref".length()).trim().split("\\s+")[0]);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ---- compressed data

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code prefix} followed by {@code zeros} zero bytes, zlib-compressed fast. */
    static byte[] deflateWithZeros(byte[] prefix, long zeros) {
        return deflateWithZeros(prefix, zeros, Deflater.BEST_SPEED);
    }

    /** {@code count} zero bytes, zlib-compressed as tightly as deflate goes (about 1:1000). */
    static byte[] deflateZeros(long count) {
        return deflateWithZeros(new byte[0], count, Deflater.BEST_COMPRESSION);
    }

    private static byte[] deflateWithZeros(byte[] prefix, long zeros, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(level), 1 << 16)) {
            deflater.write(prefix);
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                deflater.write(block, 0, (int) Math.min(block.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A zlib stream of {@code count} zero bytes, written directly as fixed-Huffman deflate
     * (back-references of 258 bytes at distance 1): 2 GB in 13 MB, made in a fraction of the time a
     * Deflater takes.
     */
    static byte[] zlibZeros(long count) {
        long matches = (count - 1) / 258;
        long literals = count - matches * 258;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (matches * 13 / 8 + literals + 64));
        out.write(0x78);
        out.write(0x01);
        BitWriter bits = new BitWriter(out);
        bits.write(1, 1); // last block
        bits.write(1, 2); // fixed Huffman codes
        for (long i = 0; i < literals; i++) {
            bits.code(0b00110000, 8); // literal 0
        }
        for (long i = 0; i < matches; i++) {
            bits.code(0b11000101, 8); // length 258
            bits.code(0, 5); // distance 1
        }
        bits.code(0, 7); // end of block
        bits.flush();
        long adler = ((count % 65521) << 16) | 1;
        out.write((int) (adler >>> 24));
        out.write((int) (adler >>> 16) & 0xFF);
        out.write((int) (adler >>> 8) & 0xFF);
        out.write((int) adler & 0xFF);
        return out.toByteArray();
    }

    private static final class BitWriter {
        private final OutputStream out;
        private long buffer;
        private int size;

        BitWriter(OutputStream out) {
            this.out = out;
        }

        void write(long value, int count) {
            buffer |= value << size;
            size += count;
            while (size >= 8) {
                try {
                    out.write((int) (buffer & 0xFF));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                buffer >>>= 8;
                size -= 8;
            }
        }

        /** Huffman codes go most significant bit first. */
        void code(int code, int length) {
            write(Integer.reverse(code) >>> (32 - length), length);
        }

        void flush() {
            if (size > 0) {
                write(0, 8 - size);
            }
        }
    }

    // ---- images

    /** A photo-like picture: gradients and noise, so JPEG has something to compress. */
    static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(16)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(16)) & 0xFF;
                int a = alpha ? (x < width / 2 ? 0x80 : 0xFF) : 0xFF;
                image.setRGB(x, y, (a << 24) | (r << 16) | (g << 8) | 0x60);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(width / 4, height / 4, width / 2, height / 10);
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) throws IOException {
        return encode(picture(width, height, false), "jpeg");
    }

    static byte[] png(int width, int height, boolean alpha) throws IOException {
        return encode(picture(width, height, alpha), "png");
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** A black-and-white PNG of one colour, written by hand: a few kB however large it claims to be. */
    static byte[] singleColourPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.writeBytes(new byte[] {1, 0, 0, 0, 0}); // 1 bit, greyscale, deflate, no filter, no interlace
        chunk(out, "IHDR", header.toByteArray());
        long rowBytes = 1 + (width + 7) / 8; // filter byte + packed pixels, all zero
        chunk(out, "IDAT", deflateZeros(rowBytes * height));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] typeBytes = latin1(type);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** A real JPEG whose frame header is changed to claim {@code width} x {@code height}. */
    static byte[] jpegClaiming(int width, int height) throws IOException {
        byte[] jpeg = jpeg(64, 48);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) { // SOF0
                jpeg[i + 5] = (byte) (height >>> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >>> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("No SOF0 marker in the JPEG ImageIO wrote");
    }

    static byte[] truncate(byte[] data, double fraction) {
        return Arrays.copyOf(data, (int) (data.length * fraction));
    }
}
