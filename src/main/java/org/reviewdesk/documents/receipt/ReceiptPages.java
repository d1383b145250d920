package org.reviewdesk.documents.receipt;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays the receipt out on A4 pages from the top down: wraps text to the width it is given and
 * starts a new page when the next line or table row does not fit, so long names wrap and long
 * document lists run on instead of being clipped. One instance per render, not thread-safe.
 */
public final class ReceiptPages {

    public static final PDRectangle PAGE = PDRectangle.A4;
    /** 20 mm: the side margins of an official document (GB/T 9704 uses 28 mm for the left; a receipt is not bound). */
    public static final float MARGIN = 56.7f;
    private static final float TOP = PAGE.getHeight() - 50f;
    /** Content stops here; below is the footer. */
    private static final float CONTENT_BOTTOM = 78f;
    private static final float CELL_PADDING = 5f;

    public static final float BODY = 10.5f;
    public static final float BODY_LEADING = 16f;
    public static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    public static final Color MUTED = new Color(0x55, 0x55, 0x55);
    /** The red of the rule under the title, as on the heading of a government document. */
    public static final Color OFFICIAL_RED = new Color(0xc0, 0x1a, 0x1a);
    private static final Color RULE = new Color(0x80, 0x80, 0x80);
    private static final Color SHADE = new Color(0xf0, 0xf0, 0xf0);

    /** Chinese typesetting does not start a line with closing punctuation (避头点). */
    private static final String NO_LINE_START = "，。、；：？！）》」』〕】”’％,.;:!?)]}%";

    private final PDDocument document;
    private final PDFont font;
    private final IntPredicate fontHasGlyph;
    private final int replacement;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    ReceiptPages(PDDocument document, PDFont font, IntPredicate fontHasGlyph) throws IOException {
        this.document = document;
        this.font = font;
        this.fontHasGlyph = fontHasGlyph;
        this.replacement = fontHasGlyph.test('□') ? '□' : '?';
        newPage();
    }

    public static float contentWidth() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    public void gap(float height) {
        y -= height;
    }

    /** Starts a new page unless this much height is left on the current one. */
    public void keepSpace(float height) throws IOException {
        if (y - height < CONTENT_BOTTOM) {
            newPage();
        }
    }

    public void centred(String text, float size, boolean bold, Color color) throws IOException {
        for (String line : wrap(text, size, contentWidth())) {
            float leading = size * 1.4f;
            keepSpace(leading);
            float x = MARGIN + (contentWidth() - width(line, size)) / 2;
            show(stream, line, x, baseline(y, leading, size), size, bold, color);
            y -= leading;
        }
    }

    public void rightAligned(String text, float size) throws IOException {
        for (String line : wrap(text, size, contentWidth())) {
            float leading = size * 1.55f;
            keepSpace(leading);
            show(stream, line, MARGIN + contentWidth() - width(line, size), baseline(y, leading, size), size, false, INK);
            y -= leading;
        }
    }

    /** A section heading, kept on the page with at least {@code keepWithNext} of what follows. */
    public void heading(String text, float keepWithNext) throws IOException {
        float size = 12f;
        float leading = 22f;
        keepSpace(leading + keepWithNext);
        show(stream, text, MARGIN, baseline(y, leading, size) + 2, size, true, INK);
        y -= leading;
    }

    public void paragraph(String text, float size, float leading, float indent) throws IOException {
        for (String line : wrap(text, size, contentWidth() - indent)) {
            keepSpace(leading);
            show(stream, line, MARGIN + indent, baseline(y, leading, size), size, false, INK);
            y -= leading;
        }
    }

    /** A double rule across the page: thick then thin. */
    public void doubleRule(Color color) throws IOException {
        stream.setStrokingColor(color);
        stream.setLineWidth(1.6f);
        line(stream, MARGIN, y, MARGIN + contentWidth(), y);
        stream.setLineWidth(0.5f);
        line(stream, MARGIN, y - 3f, MARGIN + contentWidth(), y - 3f);
        y -= 3f;
    }

    /**
     * A bordered table. The header row, if any, is repeated on every page the table runs onto; a
     * row moves to the next page whole unless it is taller than a page, when it is split by lines.
     */
    public void table(Column[] columns, String[] header, List<String[]> rows, boolean shadeFirstColumn) throws IOException {
        List<List<String>> headerCells = header == null ? null : cells(columns, header);
        float headerHeight = headerCells == null ? 0 : rowHeight(headerCells);
        keepSpace(headerHeight + BODY_LEADING + 2 * CELL_PADDING);
        if (headerCells != null) {
            drawRow(columns, headerCells, 0, lineCount(headerCells), true, false);
        }
        int freshPageCapacity = (int) ((TOP - headerHeight - CONTENT_BOTTOM - 2 * CELL_PADDING) / BODY_LEADING);
        for (String[] row : rows) {
            List<List<String>> cells = cells(columns, row);
            int total = lineCount(cells);
            int from = 0;
            while (from < total) {
                int fit = (int) ((y - CONTENT_BOTTOM - 2 * CELL_PADDING) / BODY_LEADING);
                int remaining = total - from;
                boolean wouldSplitNeedlessly = fit < remaining && from == 0 && remaining <= freshPageCapacity;
                if (fit < 1 || wouldSplitNeedlessly) {
                    newPage();
                    if (headerCells != null) {
                        drawRow(columns, headerCells, 0, lineCount(headerCells), true, false);
                    }
                    continue;
                }
                int count = Math.min(fit, remaining);
                drawRow(columns, cells, from, from + count, false, shadeFirstColumn);
                from += count;
            }
        }
    }

    /** Ends the content and writes the footer on every page, now that their number is known. */
    void finish(List<String> footerLines, BiFunction<Integer, Integer, String> pageLabel) throws IOException {
        stream.close();
        int count = pages.size();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), AppendMode.APPEND, true, true)) {
                float size = 9f;
                float lineY = CONTENT_BOTTOM - 14f;
                footer.setStrokingColor(RULE);
                footer.setLineWidth(0.5f);
                line(footer, MARGIN, lineY, MARGIN + contentWidth(), lineY);
                float baseline = lineY - 14f;
                for (String text : footerLines) {
                    for (String line : wrap(text, size, contentWidth())) {
                        show(footer, line, MARGIN + (contentWidth() - width(line, size)) / 2, baseline, size, false, MUTED);
                        baseline -= size * 1.5f;
                    }
                }
                String label = pageLabel.apply(i + 1, count);
                show(footer, label, MARGIN + (contentWidth() - width(label, size)) / 2, baseline, size, false, MUTED);
            }
        }
    }

    /**
     * Breaks text into lines no wider than {@code width}: anywhere between Chinese characters,
     * at a space in Latin text where one is near, inside a long word (a file name) otherwise.
     */
    List<String> wrap(String text, float size, float width) throws IOException {
        String printable = printable(text);
        List<String> lines = new ArrayList<>();
        int[] codePoints = printable.codePoints().toArray();
        int start = 0;
        while (start < codePoints.length) {
            float used = 0;
            int end = start;
            while (end < codePoints.length && used + width(codePoints[end], size) <= width) {
                used += width(codePoints[end], size);
                end++;
            }
            if (end == start) {
                end = start + 1; // a glyph wider than the column: still make progress
            }
            if (end < codePoints.length) {
                end = betterBreak(codePoints, start, end);
            }
            lines.add(new String(codePoints, start, end - start).stripTrailing());
            start = end;
            while (start < codePoints.length && codePoints[start] == ' ') {
                start++;
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static int betterBreak(int[] codePoints, int start, int end) {
        int next = codePoints[end];
        int previous = codePoints[end - 1];
        if (isLatinWordPart(next) && isLatinWordPart(previous)) {
            for (int i = end - 1; i > start + (end - start) / 2; i--) {
                if (codePoints[i] == ' ') {
                    return i + 1;
                }
            }
        }
        if (NO_LINE_START.indexOf(next) >= 0 && end - start > 1) {
            return end - 1; // carry the last character down with the punctuation
        }
        return end;
    }

    private static boolean isLatinWordPart(int codePoint) {
        return codePoint < 0x2E80 && Character.isLetterOrDigit(codePoint);
    }

    /** Control characters become spaces; characters the font lacks become a visible box, never an error. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (Character.getType(c) == Character.FORMAT) {
                return; // zero-width joiners and the like
            } else {
                out.appendCodePoint(fontHasGlyph.test(c) ? c : replacement);
            }
        });
        return out.toString();
    }

    float width(String text, float size) throws IOException {
        float total = 0;
        for (int c : text.codePoints().toArray()) {
            total += width(c, size);
        }
        return total;
    }

    private float width(int codePoint, float size) throws IOException {
        Float units = widths.get(codePoint);
        if (units == null) {
            units = font.getStringWidth(new String(Character.toChars(codePoint)));
            widths.put(codePoint, units);
        }
        return units / 1000f * size;
    }

    private List<List<String>> cells(Column[] columns, String[] values) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String value = i < values.length ? values[i] : "";
            cells.add(wrap(value, BODY, columns[i].width() - 2 * CELL_PADDING));
        }
        return cells;
    }

    private static int lineCount(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1);
    }

    private static float rowHeight(List<List<String>> cells) {
        return lineCount(cells) * BODY_LEADING + 2 * CELL_PADDING;
    }

    private void drawRow(Column[] columns, List<List<String>> cells, int fromLine, int toLine, boolean header,
                         boolean shadeFirstColumn) throws IOException {
        float height = (toLine - fromLine) * BODY_LEADING + 2 * CELL_PADDING;
        float x = MARGIN;
        for (int i = 0; i < columns.length; i++) {
            float w = columns[i].width();
            if (header || (shadeFirstColumn && i == 0)) {
                stream.setNonStrokingColor(SHADE);
                stream.addRect(x, y - height, w, height);
                stream.fill();
            }
            stream.setStrokingColor(RULE);
            stream.setLineWidth(0.6f);
            stream.addRect(x, y - height, w, height);
            stream.stroke();
            List<String> lines = cells.get(i);
            for (int line = fromLine; line < Math.min(toLine, lines.size()); line++) {
                String text = lines.get(line);
                float lineTop = y - CELL_PADDING - (line - fromLine) * BODY_LEADING;
                float textX = columns[i].centred()
                        ? x + (w - width(text, BODY)) / 2
                        : x + CELL_PADDING;
                show(stream, text, textX, baseline(lineTop, BODY_LEADING, BODY), BODY, header, INK);
            }
            x += w;
        }
        y -= height;
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Centres a CJK glyph body (about -0.12 to 0.88 em around the baseline) in a line box. */
    private static float baseline(float lineTop, float leading, float size) {
        return lineTop - leading / 2 - 0.36f * size;
    }

    /** Bold by outlining the glyphs as well: one font file keeps the embedded subset small. */
    private void show(PDPageContentStream out, String text, float x, float baseline, float size, boolean bold,
                      Color color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.saveGraphicsState();
        out.setNonStrokingColor(color);
        if (bold) {
            out.setStrokingColor(color);
            out.setLineWidth(size * 0.035f);
        }
        out.beginText();
        out.setFont(font, size);
        out.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
        out.restoreGraphicsState();
    }

    private static void line(PDPageContentStream out, float x1, float y1, float x2, float y2) throws IOException {
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    /** A table column: its width in points and whether its text is centred (short values such as numbers). */
    public record Column(float width, boolean centred) {
    }
}
