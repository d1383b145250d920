package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfStructureTest extends InspectorHarness {

    @Test
    void multiPagePdfIsAcceptedWithPagesSizesAndText() throws IOException {
        byte[] pdf;
        try (PDDocument document = Fixtures.document(2)) {
            document.addPage(new PDPage(PDRectangle.LETTER));
            PDPage landscape = new PDPage(PDRectangle.A4);
            landscape.setRotation(90);
            document.addPage(landscape);
            pdf = Fixtures.save(document);
        }

        InspectionResult result = inspect("licence.pdf", pdf);

        assertAccepted(result);
        assertThat(result.type()).isEqualTo(DocumentType.PDF);
        assertThat(result.pageCount()).isEqualTo(4);
        assertThat(result.pageSizes()).extracting(PageSize::width, PageSize::height, PageSize::rotation).containsExactly(
                tuple(595.27563f, 841.8898f, 0),
                tuple(595.27563f, 841.8898f, 0),
                tuple(612f, 792f, 0),
                tuple(595.27563f, 841.8898f, 90));
        assertThat(result.pageSizes().get(0).widthMillimetres()).isCloseTo(210, offset(0.1));
        assertThat(result.text()).contains("Page 1 of the test licence", "Page 2 of the test licence", "914403001922038216");
        assertThat(result.flags()).isEmpty();
    }

    @Test
    void compressedPdfWithObjectStreamsIsAccepted() throws IOException {
        try (PDDocument document = Fixtures.document(3)) {
            assertAccepted(inspect("compressed.pdf", Fixtures.saveCompressed(document)))
                    .extracting(InspectionResult::pageCount).isEqualTo(3);
        }
    }

    @Test
    void truncatedFileIsRefusedAsDamaged() throws IOException {
        assertRefused(inspect("truncated.pdf", Fixtures.truncate(Fixtures.pdf(3), 0.6)), RefusalReason.DAMAGED);
    }

    @Test
    void twoConcatenatedPdfsAreRefusedAsDamaged() throws IOException {
        // two startxref: the last one counts from the start of the second file, so it points into the first
        byte[] twoFiles = Fixtures.concat(Fixtures.pdf(1), Fixtures.pdf(2));

        assertRefused(inspect("two.pdf", twoFiles), RefusalReason.DAMAGED);
    }

    @Test
    void secondStartxrefPointingNowhereIsRefusedAsDamaged() throws IOException {
        byte[] base = Fixtures.pdf(1);
        byte[] inconsistent = Fixtures.concat(base, ("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 2 /Prev "
                + Fixtures.startxref(base) + " >>\nstartxref\n" + (base.length + 3) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));

        assertRefused(inspect("updated.pdf", inconsistent), RefusalReason.DAMAGED);
    }

    @Test
    void staleCrossReferenceOffsetsAreRefusedRatherThanRepaired() {
        byte[] pdf = RawPdf.onePage().build();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int page = text.indexOf("3 0 obj");
        long startxref = Fixtures.startxref(pdf);
        // junk before object 3: the table still points 9 bytes early at it and the next object;
        // PDFBox's lenient mode would search for them, which is the repair this refuses
        String stale = (text.substring(0, page) + "junkjunk\n" + text.substring(page))
                .replace("startxref\n" + startxref, "startxref\n" + (startxref + 9));

        assertRefused(inspect("stale.pdf", stale.getBytes(StandardCharsets.ISO_8859_1)), RefusalReason.DAMAGED);
    }

    @Test
    void validIncrementalUpdateIsAcceptedAndFlagged() throws IOException {
        byte[] base = RawPdf.onePage().object(5, "<< /Title (first) >>").build();
        byte[] updated = RawPdf.update(base, Map.of(5, "<< /Title (second) >>"), 6);

        InspectionResult result = inspect("updated.pdf", updated);

        assertAccepted(result);
        assertThat(result.flags()).containsExactly(InspectionFlag.INCREMENTAL_UPDATES);
    }

    @Test
    void signatureIsFlaggedNotVerified() {
        byte[] pdf = RawPdf.onePage()
                .object(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>")
                .object(5, "<< /FT /Sig /T (seal) /V 6 0 R >>")
                .object(6, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached"
                        + " /ByteRange [0 100 200 100] /Contents <3082> >>")
                .build();

        InspectionResult result = inspect("sealed.pdf", pdf);

        assertAccepted(result);
        assertThat(result.flags()).containsExactly(InspectionFlag.SIGNED);
    }

    @Test
    void javaScriptReplacedByALaterRevisionIsStillRefused() {
        // revision 1 opens with JavaScript; revision 2 replaces that object, so the current file looks clean
        byte[] base = RawPdf.onePage()
                .object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>")
                .object(5, "<< /S /JavaScript /JS (app.launchURL\\('http://example.invalid'\\)) >>").build();
        byte[] updated = RawPdf.update(base, Map.of(5, "<< /S /Named /N /FirstPage >>"), 6);

        assertRefused(inspect("updated.pdf", updated), RefusalReason.JAVASCRIPT);
    }

    @Test
    void flateBombIsRefusedWithoutUnpackingIt() throws IOException {
        // 2 GB of zeros, deflated twice: 26 kB in the file
        byte[] bomb = Fixtures.deflate(Fixtures.zlibZeros(2L * 1024 * 1024 * 1024 - 7));
        assertThat(bomb.length).isLessThan(64 * 1024);
        byte[] pdf;
        try (PDDocument document = Fixtures.document(1)) {
            COSStream content = document.getDocument().createCOSStream();
            try (var out = content.createRawOutputStream()) {
                out.write(bomb);
            }
            COSArray filters = new COSArray();
            filters.add(COSName.FLATE_DECODE);
            filters.add(COSName.FLATE_DECODE);
            content.setItem(COSName.FILTER, filters);
            document.getPage(0).getCOSObject().setItem(COSName.CONTENTS, content);
            pdf = Fixtures.save(document);
        }

        long heapBefore = usedHeap();
        InspectionResult result = inspect("bomb.pdf", pdf);

        assertRefused(result, RefusalReason.STREAM_TOO_LARGE);
        assertThat(usedHeap() - heapBefore).as("heap grown").isLessThan(200L * 1024 * 1024);
    }

    @Test
    void bombInAnObjectStreamIsRefusedWhileParsing() {
        assertRefused(inspect("objstm-bomb.pdf", catalogInObjectStream(60L * 1024 * 1024, 0)), RefusalReason.STREAM_TOO_LARGE);
    }

    @Test
    void bombInTheCrossReferenceStreamIsRefusedWhileParsing() {
        assertRefused(inspect("xref-bomb.pdf", catalogInObjectStream(0, 60L * 1024 * 1024)), RefusalReason.STREAM_TOO_LARGE);
    }

    @Test
    void objectStreamsWrittenByHandParse() {
        assertAccepted(inspect("objstm.pdf", catalogInObjectStream(1000, 1000)));
    }

    /** The catalog in an object stream, found through a cross-reference stream; both padded with zeros. */
    private static byte[] catalogInObjectStream(long objectStreamPadding, long xrefPadding) {
        Map<Integer, String> compressed = new LinkedHashMap<>();
        compressed.put(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return new RawPdf()
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
                .buildWithObjectStream(4, compressed, objectStreamPadding, 5, xrefPadding);
    }

    @Test
    void predictorWithAbsurdRowsIsRefused() {
        byte[] pdf = RawPdf.onePage()
                .stream(4, "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 200000000 /Colors 4 >>",
                        Fixtures.deflate(new byte[100]))
                .build();

        assertRefused(inspect("predictor.pdf", pdf), RefusalReason.STREAM_TOO_LARGE);
    }

    @Test
    void predictedImageBombIsRefusedByItsInflatedSize() {
        // 100 x 100 RGB (30 kB) with a PNG predictor, whose data inflates to 20 MB: counted before the predictor
        byte[] pdf = predictedImage(100, 100, "/DeviceRGB", 3, 20L * 1024 * 1024);

        assertRefused(inspect("predicted-bomb.pdf", pdf), RefusalReason.STREAM_TOO_LARGE);
    }

    @Test
    void predictedImageIsAllowedItsTagBytePerRow() {
        // 1 x 3,000,000 grey: 3 MB of pixels, 6 MB inflated (a PNG predictor's tag byte on every row),
        // beyond the image's 1 MiB slack, yet no more than the predictor makes of it
        byte[] pdf = predictedImage(1, 3_000_000, "/DeviceGray", 1, 6_000_000L);

        assertAccepted(inspect("tall-predicted.pdf", pdf));
    }

    /** An 8-bit image XObject under a PNG predictor whose Flate data inflates to {@code inflated} zero bytes. */
    private static byte[] predictedImage(int width, int height, String colorSpace, int colors, long inflated) {
        return RawPdf.onePage()
                .stream(4, "/Type /XObject /Subtype /Image /Width " + width + " /Height " + height + " /ColorSpace " + colorSpace
                                + " /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors " + colors
                                + " /Columns " + width + " >>",
                        Fixtures.deflateWithZeros(new byte[0], inflated))
                .build();
    }

    @Test
    void inlineImageBombIsRefused() {
        // a 5000 x 5000 grey inline image (25 MB) whose data unpacks to 200 MB
        byte[] data = Fixtures.deflateWithZeros(new byte[0], 200L * 1024 * 1024);
        String hex = HexFormat.of().formatHex(data) + ">";
        byte[] content = Fixtures.latin1("q 100 0 0 100 72 72 cm\nBI /W 5000 /H 5000 /BPC 8 /CS /G /F [/AHx /Fl] ID\n" + hex + "\nEI\nQ\n");
        byte[] pdf = RawPdf.onePage().stream(4, "", content).build();

        assertRefused(inspect("inline.pdf", pdf), RefusalReason.STREAM_TOO_LARGE);
    }

    @Test
    void nestingDeeperThan500IsRefused() {
        String nested = "[".repeat(600) + "]".repeat(600);
        byte[] pdf = RawPdf.onePage()
                .object(1, "<< /Type /Catalog /Pages 2 0 R /Deep 5 0 R >>")
                .object(5, nested).build();

        assertRefused(inspect("nested.pdf", pdf), RefusalReason.NESTING_TOO_DEEP);
    }

    @Test
    void nestingDeeperThan500InTheCatalogIsRefused() {
        String nested = "<< /A ".repeat(600) + "1" + " >>".repeat(600);
        byte[] pdf = RawPdf.onePage().object(1, "<< /Type /Catalog /Pages 2 0 R /Deep " + nested + " >>").build();

        assertRefused(inspect("nested.pdf", pdf), RefusalReason.NESTING_TOO_DEEP);
    }

    @Test
    void cyclicPageTreeIsRefused() {
        byte[] pdf = RawPdf.onePage()
                .object(2, "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>")
                .object(5, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>").build();

        assertRefused(inspect("cycle.pdf", pdf), RefusalReason.PAGE_TREE_INVALID);
    }

    @Test
    void pageTreeThatIsItsOwnKidIsRefused() {
        byte[] pdf = RawPdf.onePage().object(2, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>").build();

        assertRefused(inspect("cycle.pdf", pdf), RefusalReason.PAGE_TREE_INVALID);
    }

    @Test
    void pageCountThatDoesNotAddUpIsRefused() {
        byte[] pdf = RawPdf.onePage().object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>").build();

        assertRefused(inspect("count.pdf", pdf), RefusalReason.PAGE_TREE_INVALID);
    }

    @Test
    void hugeMediaBoxIsRefused() {
        byte[] pdf = RawPdf.onePage()
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 20000 20000] /Contents 4 0 R >>").build();

        InspectionResult result = assertRefused(inspect("huge.pdf", pdf), RefusalReason.PAGE_SIZE_INVALID);
        assertThat(result.refusal().arguments()).containsExactly("1");
    }

    @Test
    void degenerateMediaBoxIsRefused() {
        byte[] pdf = RawPdf.onePage()
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 842] /Contents 4 0 R >>").build();

        assertRefused(inspect("flat.pdf", pdf), RefusalReason.PAGE_SIZE_INVALID);
    }

    @Test
    void largestPageThePdfSpecificationAllowsIsAccepted() throws IOException {
        try (PDDocument document = Fixtures.document(1, new PDRectangle(14_400, 14_400))) {
            assertAccepted(inspect("poster.pdf", Fixtures.save(document)));
        }
    }

    @Test
    void morePagesThanTheLimitAreRefused() throws IOException {
        InspectionResult result = assertRefused(inspect("long.pdf", Fixtures.pdf(51)), RefusalReason.TOO_MANY_PAGES);

        assertThat(result.refusal().arguments()).containsExactly("50");
    }

    @Test
    void exactlyThePageLimitIsAccepted() throws IOException {
        assertAccepted(inspect("fifty.pdf", Fixtures.pdf(50))).extracting(InspectionResult::pageCount).isEqualTo(50);
    }

    @Test
    void imageDeclaringMorePixelsThanTheLimitIsRefused() {
        byte[] pdf = RawPdf.onePage()
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /XObject << /Im1 5 0 R >> >> >>")
                .stream(4, "", Fixtures.latin1("q 500 0 0 500 50 50 cm /Im1 Do Q\n"))
                .stream(5, "/Type /XObject /Subtype /Image /Width 20000 /Height 20000 /BitsPerComponent 8"
                        + " /ColorSpace /DeviceGray /Filter /FlateDecode", Fixtures.deflate(new byte[1000]))
                .build();

        InspectionResult result = assertRefused(inspect("image.pdf", pdf), RefusalReason.IMAGE_TOO_LARGE);
        assertThat(result.refusal().arguments()).containsExactly("20000", "20000", "40");
    }

    @Test
    void jpegInsideAPdfClaimingHugeDimensionsIsRefused() throws IOException {
        byte[] pdf = RawPdf.onePage()
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /XObject << /Im1 5 0 R >> >> >>")
                .stream(4, "", Fixtures.latin1("q 500 0 0 500 50 50 cm /Im1 Do Q\n"))
                .stream(5, "/Type /XObject /Subtype /Image /Width 64 /Height 48 /BitsPerComponent 8"
                        + " /ColorSpace /DeviceRGB /Filter /DCTDecode", Fixtures.jpegClaiming(60_000, 60_000))
                .build();

        assertRefused(inspect("image.pdf", pdf), RefusalReason.IMAGE_TOO_LARGE);
    }

    @Test
    void pdfNeedingAPasswordIsRefused() throws IOException {
        try (PDDocument document = Fixtures.document(1)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);

            assertRefused(inspect("locked.pdf", Fixtures.save(document)), RefusalReason.PASSWORD_REQUIRED);
        }
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsAcceptedAndFlagged() throws IOException {
        try (PDDocument document = Fixtures.document(2)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            byte[] pdf = Fixtures.save(document);

            InspectionResult result = inspect("restricted.pdf", pdf);

            assertAccepted(result);
            assertThat(result.flags()).containsExactly(InspectionFlag.OWNER_PASSWORD_ONLY);
            assertThat(result.pageCount()).isEqualTo(2);
            assertThat(result.text()).contains("Page 2 of the test licence");
        }
    }

    @Test
    void ownerPasswordOnlyWithObjectStreamsIsAccepted() throws IOException {
        try (PDDocument document = Fixtures.document(2)) {
            document.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));

            InspectionResult result = inspect("restricted.pdf", Fixtures.saveCompressed(document));

            assertAccepted(result);
            assertThat(result.flags()).containsExactly(InspectionFlag.OWNER_PASSWORD_ONLY);
        }
    }

    @Test
    void textIsKeptUpToTheLimitAndFlaggedAsTruncated() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
            for (int p = 0; p < 40; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 4);
                    content.newLineAtOffset(10, 830);
                    for (int line = 0; line < 180; line++) {
                        content.showText("x".repeat(40) + " " + "y".repeat(40));
                        content.newLineAtOffset(0, -4.5f);
                    }
                    content.endText();
                }
            }
            pdf = Fixtures.save(document);
        }

        InspectionResult result = inspect("long-text.pdf", pdf);

        assertAccepted(result);
        assertThat(result.text()).hasSize(InspectionResult.MAX_TEXT_CHARS);
        assertThat(result.flags()).contains(InspectionFlag.TEXT_TRUNCATED);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
