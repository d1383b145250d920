package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ImageInspectionTest extends InspectorHarness {

    @Test
    void jpegIsAcceptedWithItsDimensions() throws IOException {
        InspectionResult result = inspect("id-front.jpg", Fixtures.jpeg(1600, 1000));

        assertAccepted(result);
        assertThat(result.type()).isEqualTo(DocumentType.JPEG);
        assertThat(result.imageWidth()).isEqualTo(1600);
        assertThat(result.imageHeight()).isEqualTo(1000);
        assertThat(result.pageCount()).isEqualTo(1);
        assertThat(result.pageSizes()).isEmpty();
        assertThat(result.text()).isEmpty();
    }

    @Test
    void pngIsAcceptedWithItsDimensions() throws IOException {
        InspectionResult result = inspect("id-back.png", Fixtures.png(640, 400, true));

        assertAccepted(result);
        assertThat(result.type()).isEqualTo(DocumentType.PNG);
        assertThat(result.imageWidth()).isEqualTo(640);
        assertThat(result.imageHeight()).isEqualTo(400);
    }

    @Test
    void singleColourPngOf14000By14000IsRefusedByThePixelLimitWithoutDecoding() {
        byte[] png = Fixtures.singleColourPng(14_000, 14_000);
        assertThat(png.length).isLessThan(64 * 1024);

        InspectionResult result = inspect("scan.png", png);

        // refused for its size from the header: decoding 196 megapixels would have run into the
        // inspection's time or memory limit and been refused for that instead
        assertRefused(result, RefusalReason.IMAGE_TOO_LARGE);
        assertThat(result.type()).isEqualTo(DocumentType.PNG);
        assertThat(result.refusal().arguments()).containsExactly("14000", "14000", "40");
    }

    @Test
    void singleColourPngWithinTheLimitIsAccepted() {
        assertAccepted(inspect("blank.png", Fixtures.singleColourPng(4000, 3000)));
    }

    @Test
    void jpegClaimingHugeDimensionsWithTruncatedDataIsRefused() throws IOException {
        byte[] jpeg = Fixtures.truncate(Fixtures.jpegClaiming(60_000, 60_000), 0.5);

        InspectionResult result = inspect("photo.jpg", jpeg);

        assertRefused(result, RefusalReason.IMAGE_TOO_LARGE);
        assertThat(result.refusal().arguments()).containsExactly("60000", "60000", "40");
    }

    @Test
    void truncatedJpegIsRefusedAsDamaged() throws IOException {
        assertRefused(inspect("photo.jpg", Fixtures.truncate(Fixtures.jpeg(800, 600), 0.5)), RefusalReason.DAMAGED);
    }

    @Test
    void truncatedPngIsRefusedAsDamaged() throws IOException {
        assertRefused(inspect("scan.png", Fixtures.truncate(Fixtures.png(800, 600, false), 0.5)), RefusalReason.DAMAGED);
    }

    @Test
    void jpegHeaderWithoutAFrameIsRefusedAsDamaged() {
        assertRefused(inspect("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
                'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}), RefusalReason.DAMAGED);
    }
}
