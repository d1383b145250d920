package org.reviewdesk.registration.receipt;

import org.reviewdesk.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.reviewdesk.documents.receipt.ReceiptDocument;
import org.reviewdesk.documents.receipt.ReceiptFont;
import org.reviewdesk.documents.receipt.ReceiptPages;
import org.reviewdesk.documents.receipt.ReceiptProperties;
import org.reviewdesk.documents.receipt.ReceiptWriter;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestMessages;
import org.reviewdesk.platform.UserFacingException;

class AcceptanceReceiptTest {

    private static final String ENTERPRISE = "深圳市腾讯计算机系统有限公司";
    /** 2025-11-28 09:30 in Beijing. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-28T01:30:00Z"), ZoneOffset.UTC);

    private final AcceptanceReceipt receipt = receipt(ReceiptProperties.defaults());

    @Test
    void theTextReadsBackWithTheNumberTheEnterpriseAndTheTitle() throws IOException {
        String text = text(receipt.render(typical()));

        assertThat(text).contains("受理回执", "SC-2025-000123", ENTERPRISE, "914403001922038216", "四川省政务服务中心",
                "2025年11月28日", "5 个工作日", "2025年12月5日", "不代表审核通过", "受理编号 SC-2025-000123　第 1 页 / 共 1 页");
    }

    @Test
    void theFontIsAnEmbeddedSubsetOfAChineseTrueTypeFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(receipt.render(typical()))) {
            PDPage page = pdf.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }

            assertThat(fonts).hasSize(1).first().isInstanceOf(PDType0Font.class);
            PDType0Font font = (PDType0Font) fonts.get(0);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getDescendantFont()).isInstanceOf(PDCIDFontType2.class);
            assertThat(font.getFontDescriptor().getFontFile2()).isNotNull();
            assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
        }
    }

    @Test
    void sixtyDocumentsRunOntoMorePagesWithEveryRowAndNothingOutsideThePage() throws IOException {
        List<ReceiptDocument> documents = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new ReceiptDocument("补充材料" + i, "scan-" + i + ".pdf", 1, i)).toList();

        byte[] pdf = receipt.render(withDocuments(typical(), documents));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(glyphsOutsideTheMargins(document)).isEmpty();
        }
        String text = text(pdf);
        assertThat(text).contains("scan-1.pdf", "scan-60.pdf", "共 60 份");
        assertThat(text.split("材料名称", -1)).as("the table header repeats on every page it runs onto").hasSizeGreaterThan(2);
    }

    @Test
    void aLongEnterpriseNameAndFileNameWrapInsideTheirCells() throws IOException {
        String longName = "四川".repeat(10) + "超长名称测试".repeat(30);
        String longFile = "营业执照副本扫描件_".repeat(6) + "very_long_file_name_without_spaces_" .repeat(3) + "final.pdf";
        ReceiptContent content = withDocuments(typical(), List.of(new ReceiptDocument("营业执照", longFile, 2, 3)));
        content = new ReceiptContent(content.applicationNumber(), longName, content.uscc(), content.legalPersonTypeLabel(),
                content.legalRepresentativeMasked(), content.contactMobileMasked(), content.submittedAt(),
                content.documents(), content.reviewWorkingDays(), content.reviewDueDate(), content.statusPageHint());
        assertThat(longName).hasSize(200);

        byte[] pdf = receipt.render(content);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(glyphsOutsideTheMargins(document)).isEmpty();
        }
        String joined = text(pdf).replaceAll("\\s", "");
        assertThat(joined).contains(longName).contains(longFile);
        assertThat(text(pdf).lines().filter(l -> l.contains("超长名称测试")).count()).as("lines of the name").isGreaterThan(3);
    }

    @Test
    void charactersTheFontLacksBecomeBoxesInsteadOfFailing() throws IOException {
        ReceiptContent content = withDocuments(typical(), List.of(new ReceiptDocument("身份证明", "照片\uD83D\uDE00\u200B.jpg", 1, 1)));

        assertThat(text(receipt.render(content))).contains("照片□.jpg");
    }

    @Test
    void theConfiguredIssuerReplacesTheDefault() throws IOException {
        AcceptanceReceipt chengdu = receipt(new ReceiptProperties("成都市政务服务管理和网络理政办公室", "", ""));

        assertThat(text(chengdu.render(typical()))).contains("出具单位：成都市政务服务管理和网络理政办公室")
                .doesNotContain("四川省政务服务中心");
    }

    @Test
    void concurrentRendersShareTheFontChoiceButNotTheParsedFont() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> renders = IntStream.range(0, 12).mapToObj(i -> pool.submit(() -> receipt.render(typical()))).toList();
            for (Future<byte[]> render : renders) {
                assertThat(text(render.get(1, TimeUnit.MINUTES))).contains(ENTERPRISE, "受理回执");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingFontFileIsRefusedWithAMessageForTheApplicant() {
        AcceptanceReceipt withoutFont = receipt(new ReceiptProperties("", "/nonexistent/fonts/simsun.ttc", ""));

        assertThatThrownBy(() -> withoutFont.render(typical()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("receipt.fontMissing"));
    }

    /** A typical receipt, also written to target/ as PDF and PNG to look at; its render time is in AcceptanceReceiptBenchmark. */
    @Test
    void aTypicalReceiptIsOneA4PageNamingTheCaseAndEveryDocument() throws IOException {
        byte[] pdf = receipt.render(typical());

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/receipt-sample.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("SC-2025-000123", ENTERPRISE, "914403001922038216", "营业执照（副本）",
                    "法定代表人身份证明", "跨省经营备案申请表", "授权委托书");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB);
            ImageIO.write(image, "png", Path.of("target/receipt-sample.png").toFile());
        }
    }

    static ReceiptContent typical() {
        List<ReceiptDocument> documents = List.of(
                new ReceiptDocument("营业执照（副本）", "营业执照副本.pdf", 1, 2),
                new ReceiptDocument("法定代表人身份证明", "法人身份证正反面.jpg", 2, 1),
                new ReceiptDocument("跨省经营备案申请表", "备案申请表-已盖章.pdf", 1, 4),
                new ReceiptDocument("授权委托书", "授权委托书.pdf", 1, 1));
        return new ReceiptContent("SC-2025-000123", ENTERPRISE, "914403001922038216", "企业",
                "马**", "138****5678", OffsetDateTime.parse("2025-11-28T09:12:00+08:00"), documents, 5,
                LocalDate.of(2025, 12, 5),
                "请登录四川政务服务网，在“我的办件”中输入受理编号 SC-2025-000123 查询办理进度；也可拨打 12345 政务服务便民热线。");
    }

    private static ReceiptContent withDocuments(ReceiptContent content, List<ReceiptDocument> documents) {
        return new ReceiptContent(content.applicationNumber(), content.enterpriseName(), content.uscc(),
                content.legalPersonTypeLabel(), content.legalRepresentativeMasked(), content.contactMobileMasked(),
                content.submittedAt(), documents, content.reviewWorkingDays(), content.reviewDueDate(),
                content.statusPageHint());
    }

    static AcceptanceReceipt receipt(ReceiptProperties properties) {
        return new AcceptanceReceipt(new ReceiptWriter(TestMessages.source("messages/receipt"), new ReceiptFont(properties), properties,
                new BusinessTime(CLOCK, java.time.ZoneId.of("Asia/Shanghai"))));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Every glyph's box, checked against the page's margins (which lie inside its media box). */
    private static List<String> glyphsOutsideTheMargins(PDDocument document) throws IOException {
        List<String> outside = new ArrayList<>();
        float width = ReceiptPages.PAGE.getWidth();
        float height = ReceiptPages.PAGE.getHeight();
        float tolerance = 0.5f;
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                float left = text.getXDirAdj();
                float right = left + text.getWidthDirAdj();
                float top = text.getYDirAdj() - text.getHeightDir();
                float bottom = text.getYDirAdj();
                if (left < ReceiptPages.MARGIN - tolerance || right > width - ReceiptPages.MARGIN + tolerance
                        || top < 0 || bottom > height) {
                    outside.add(text.getUnicode() + " at " + left + "-" + right + " page " + getCurrentPageNo());
                }
                super.processTextPosition(text);
            }
        };
        stripper.getText(document);
        return outside;
    }
}
