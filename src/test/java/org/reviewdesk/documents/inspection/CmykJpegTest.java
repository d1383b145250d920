package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/** Scanners write CMYK (and YCCK) JPEGs; the JDK's own reader cannot decode them. */
class CmykJpegTest extends InspectorHarness {

    @Test
    void theJpegReaderIsTheCmykCapableOne() {
        InspectionConfiguration.registerImagePlugins();
        ImageReader reader = ImageHeaders.reader(DocumentType.JPEG);
        try {
            assertThat(ImageHeaders.isCmykCapable(reader)).as(reader.getClass().getName()).isTrue();
        } finally {
            reader.dispose();
        }
    }

    @Test
    void cmykJpegIsAcceptedAndPreviews() throws IOException {
        byte[] jpeg = CmykJpegs.cmykJpeg(200, 120);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).as("an Adobe segment").contains("Adobe");

        InspectionResult result = inspect("scan.jpg", jpeg);
        Preview preview = renderer().renderPage(file("scan.jpg", jpeg), 0);

        assertAccepted(result);
        assertThat(result.type()).isEqualTo(DocumentType.JPEG);
        assertThat(result.imageWidth()).isEqualTo(200);
        assertThat(result.imageHeight()).isEqualTo(120);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(preview.png()));
        assertThat(picture.getWidth()).isEqualTo(200);
        Color block = new Color(picture.getRGB(20, 20));
        Color paper = new Color(picture.getRGB(180, 100));
        int difference = Math.abs(block.getRed() - paper.getRed()) + Math.abs(block.getGreen() - paper.getGreen())
                + Math.abs(block.getBlue() - paper.getBlue());
        assertThat(difference).as("the cyan block (%s) stands out from the paper (%s)", block, paper).isGreaterThan(150);
    }

    @Test
    void truncatedCmykJpegIsRefusedAsDamaged() {
        byte[] truncated = Fixtures.truncate(CmykJpegs.cmykJpeg(400, 300), 0.5);

        assertRefused(inspect("scan.jpg", truncated), RefusalReason.DAMAGED);
        assertThatThrownBy(() -> renderer().renderPage(file("scan.jpg", truncated), 0))
                .isInstanceOfSatisfying(InspectionRefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.DAMAGED));
    }

    @Test
    void cmykJpegClaimingHugeDimensionsIsRefusedFromItsHeader() {
        byte[] jpeg = CmykJpegs.cmykJpeg(64, 48);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) { // SOF0: 60,000 x 60,000
                jpeg[i + 5] = (byte) 0xEA;
                jpeg[i + 6] = 0x60;
                jpeg[i + 7] = (byte) 0xEA;
                jpeg[i + 8] = 0x60;
                break;
            }
        }

        assertAccepted(inspect("warm-up.jpg", CmykJpegs.cmykJpeg(64, 48))); // ImageIO and Tika load once
        InspectionResult result = inspect("scan.jpg", Fixtures.truncate(jpeg, 0.5));

        // refused for its size from the header, before a pixel of the truncated data is decoded
        assertRefused(result, RefusalReason.IMAGE_TOO_LARGE);
        assertThat(result.refusal().arguments()).containsExactly("60000", "60000", "40");
    }
}
