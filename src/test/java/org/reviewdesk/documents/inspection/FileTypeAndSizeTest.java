package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypeAndSizeTest extends InspectorHarness {

    private static final long LIMIT = 10L * 1024 * 1024;

    @Test
    void textNamedPdfIsRefusedAsUnsupported() {
        InspectionResult result = inspect("licence.pdf", "This is not a PDF, whatever the name says.\n".getBytes(StandardCharsets.UTF_8));

        assertRefused(result, RefusalReason.UNSUPPORTED_TYPE);
        assertThat(result.type()).isNull();
    }

    @Test
    void pdfHeaderAfterJunkIsRefusedAsUnsupported() throws IOException {
        byte[] junkThenPdf = Fixtures.concat("GIF89a junk before the header\n".getBytes(StandardCharsets.US_ASCII), Fixtures.pdf(1));

        assertRefused(inspect("licence.pdf", junkThenPdf), RefusalReason.UNSUPPORTED_TYPE);
    }

    @Test
    void pdfAfterAByteOrderMarkIsRefusedThoughTikaTakesIt() throws IOException {
        byte[] bomThenPdf = Fixtures.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Fixtures.pdf(1));

        assertRefused(inspect("licence.pdf", bomThenPdf), RefusalReason.UNSUPPORTED_TYPE);
    }

    @Test
    void htmlNamedPngIsRefusedAsUnsupported() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);

        assertRefused(inspect("id-front.png", html), RefusalReason.UNSUPPORTED_TYPE);
    }

    @Test
    void typeComesFromContentNotName() throws IOException {
        InspectionResult pdfNamedJpg = inspect("scan.jpg", Fixtures.pdf(1));
        InspectionResult pngNamedPdf = inspect("scan.pdf", Fixtures.png(40, 30, false));

        assertAccepted(pdfNamedJpg).extracting(InspectionResult::type).isEqualTo(DocumentType.PDF);
        assertAccepted(pngNamedPdf).extracting(InspectionResult::type).isEqualTo(DocumentType.PNG);
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(inspect("empty.pdf", new byte[0]), RefusalReason.EMPTY);
    }

    @Test
    void sizeCheckAcceptsExactlyTheLimitAndRefusesOneByteMore() {
        FileInspector inspector = inspector();

        assertThat(inspector.checkSize(LIMIT)).isEmpty();
        assertThat(inspector.checkSize(LIMIT + 1)).hasValueSatisfying(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.TOO_LARGE);
            assertThat(refusal.messageKey()).isEqualTo("inspection.refused.tooLarge");
            assertThat(refusal.arguments()).containsExactly("10");
        });
        assertThat(inspector.checkSize(0)).map(Refusal::reason).hasValue(RefusalReason.EMPTY);
    }

    @Test
    void aFileOfExactlyTheLimitIsInspectedAndOneByteMoreIsRefused() throws IOException {
        byte[] pdf = Fixtures.pdf(1);
        InspectionLimits exact = InspectionLimits.DEFAULTS.withMaxBytes(pdf.length);
        try (InspectionWorker worker = new InspectionWorker(exact)) {
            assertAccepted(new FileInspector(exact, worker).inspect(file("exact.pdf", pdf)));
        }
        InspectionLimits oneShort = InspectionLimits.DEFAULTS.withMaxBytes(pdf.length - 1);
        try (InspectionWorker worker = new InspectionWorker(oneShort)) {
            assertRefused(new FileInspector(oneShort, worker).inspect(file("over.pdf", pdf)), RefusalReason.TOO_LARGE);
        }
    }
}
