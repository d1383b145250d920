package org.reviewdesk.documents.inspection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PDF written byte by byte, for what PDFBox will not write: hex-escaped names, loops in the page
 * tree, nesting beyond its parser's limit, bombs in cross-reference and object streams. Offsets in
 * the cross-reference data are computed, so the file parses strictly unless a test breaks it.
 *
 * <p>{@link #onePage()} starts with: 1 catalog, 2 page tree, 3 page, 4 content stream.
 */
final class RawPdf {

    private final Map<Integer, byte[]> objects = new TreeMap<>();

    static RawPdf onePage() {
        return new RawPdf()
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>")
                .stream(4, "", latin1("0 0 1 rg 72 72 200 100 re f\n"));
    }

    RawPdf object(int number, String body) {
        objects.put(number, latin1(body));
        return this;
    }

    /** {@code entries} are the dictionary's entries without {@code /Length}. */
    RawPdf stream(int number, String entries, byte[] data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(latin1("<< " + entries + " /Length " + data.length + " >>\nstream\n"));
        body.writeBytes(data);
        body.writeBytes(latin1("\nendstream"));
        objects.put(number, body.toByteArray());
        return this;
    }

    /** With a classic cross-reference table; objects must be numbered 1..n without gaps. */
    byte[] build() {
        return build(1);
    }

    byte[] build(int root) {
        ByteArrayOutputStream out = header();
        Map<Integer, Integer> offsets = writeObjects(out, objects);
        int size = objects.size() + 1;
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + size + "\n0000000000 65535 f \n");
        for (int number = 1; number < size; number++) {
            Integer offset = offsets.get(number);
            if (offset == null) {
                throw new IllegalStateException("Objects must be numbered 1.." + (size - 1) + " without gaps");
            }
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(size).append(" /Root ").append(root).append(" 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(latin1(table.toString()));
        return out.toByteArray();
    }

    /**
     * With the objects {@code compressed} (number to body) packed into object stream
     * {@code objectStream}, followed by {@code padding} zero bytes, deflated; and a cross-reference
     * stream, object {@code xrefNumber}, followed by {@code xrefPadding} zero bytes, deflated when
     * there is padding.
     */
    byte[] buildWithObjectStream(int objectStream, Map<Integer, String> compressed, long padding,
                                 int xrefNumber, long xrefPadding) {
        StringBuilder index = new StringBuilder();
        ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        Map<Integer, Integer> positions = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<Integer, String> entry : compressed.entrySet()) {
            index.append(entry.getKey()).append(' ').append(bodies.size()).append(' ');
            positions.put(entry.getKey(), position++);
            bodies.writeBytes(latin1(entry.getValue() + "\n"));
        }
        byte[] first = latin1(index.toString());
        byte[] data = Fixtures.deflateWithZeros(Fixtures.concat(first, bodies.toByteArray()), padding);
        stream(objectStream, "/Type /ObjStm /N " + compressed.size() + " /First " + first.length + " /Filter /FlateDecode", data);

        ByteArrayOutputStream out = header();
        Map<Integer, Integer> offsets = writeObjects(out, objects);
        int xrefOffset = out.size();
        int size = xrefNumber + 1;
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (int number = 0; number < size; number++) {
            if (number == xrefNumber) {
                entry(entries, 1, xrefOffset, 0);
            } else if (offsets.containsKey(number)) {
                entry(entries, 1, offsets.get(number), 0);
            } else if (positions.containsKey(number)) {
                entry(entries, 2, objectStream, positions.get(number));
            } else {
                entry(entries, 0, 0, 0xFFFF);
            }
        }
        byte[] xrefData = entries.toByteArray();
        String filter = "";
        if (xrefPadding > 0) {
            xrefData = Fixtures.deflateWithZeros(xrefData, xrefPadding);
            filter = " /Filter /FlateDecode";
        }
        out.writeBytes(latin1(xrefNumber + " 0 obj\n<< /Type /XRef /Size " + size + " /W [1 4 2] /Root 1 0 R"
                + filter + " /Length " + xrefData.length + " >>\nstream\n"));
        out.writeBytes(xrefData);
        out.writeBytes(latin1("\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n"));
        return out.toByteArray();
    }

    /**
     * An incremental update of {@code base} (written with a classic table): the objects given
     * replace or add to those of {@code base}.
     */
    static byte[] update(byte[] base, Map<Integer, String> changed, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        Map<Integer, byte[]> bodies = new TreeMap<>();
        changed.forEach((number, body) -> bodies.put(number, latin1(body)));
        Map<Integer, Integer> offsets = writeObjects(out, bodies);
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        offsets.forEach((number, offset) ->
                table.append(number).append(" 1\n").append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ").append(size).append(" /Root 1 0 R /Prev ").append(Fixtures.startxref(base))
                .append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(latin1(table.toString()));
        return out.toByteArray();
    }

    private static ByteArrayOutputStream header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        return out;
    }

    private static Map<Integer, Integer> writeObjects(ByteArrayOutputStream out, Map<Integer, byte[]> objects) {
        Map<Integer, Integer> offsets = new TreeMap<>();
        for (Map.Entry<Integer, byte[]> object : objects.entrySet()) {
            offsets.put(object.getKey(), out.size());
            out.writeBytes(latin1(object.getKey() + " 0 obj\n"));
            out.writeBytes(object.getValue());
            out.writeBytes(latin1("\nendobj\n"));
        }
        return offsets;
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        out.write((int) (field2 >>> 24));
        out.write((int) (field2 >>> 16));
        out.write((int) (field2 >>> 8));
        out.write((int) field2);
        out.write(field3 >>> 8);
        out.write(field3);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
