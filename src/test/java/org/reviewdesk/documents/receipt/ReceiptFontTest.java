package org.reviewdesk.documents.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestMessages;
import org.reviewdesk.platform.OperatorWarning;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;

class ReceiptFontTest {

    private static final Path ZEN_HEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final ResourceBundleMessageSource messages = TestMessages.source("messages/receipt");

    @Test
    void operatorsAreWarnedWhenNoSystemFontIsFound() {
        ReceiptFont font = new ReceiptFont(ReceiptProperties.defaults(), List.of(Path.of("/nonexistent/wqy-zenhei.ttc")));

        List<OperatorWarning> warnings = new ReceiptFontWarnings(font).currentWarnings();

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.messageKey()).isEqualTo("receipt.warning.noSystemFont");
            assertThat(translated(w, Locale.SIMPLIFIED_CHINESE)).contains("/nonexistent/wqy-zenhei.ttc", "fonts-wqy-zenhei");
            assertThat(translated(w, Locale.ENGLISH)).contains("REVIEWDESK_RECEIPT_FONT");
        });
    }

    @Test
    void operatorsAreWarnedWhenTheConfiguredFileDoesNotExist() {
        ReceiptFont font = new ReceiptFont(new ReceiptProperties("", "/nonexistent/simsun.ttc", ""));

        assertThat(new ReceiptFontWarnings(font).currentWarnings()).singleElement()
                .satisfies(w -> assertThat(translated(w, Locale.SIMPLIFIED_CHINESE)).contains("/nonexistent/simsun.ttc"))
                .extracting(OperatorWarning::messageKey).isEqualTo("receipt.warning.fontNotFound");
    }

    @Test
    void aConfiguredFontWithoutChineseGlyphsIsNotUsedAndOperatorsAreWarned() {
        assumeThat(Files.isReadable(DEJAVU)).as("DejaVu installed").isTrue();
        ReceiptFont font = new ReceiptFont(new ReceiptProperties("", DEJAVU.toString(), ""), List.of(ZEN_HEI));

        assertThat(new ReceiptFontWarnings(font).currentWarnings()).extracting(OperatorWarning::messageKey)
                .containsExactly("receipt.warning.fontNotUsable");
    }

    @Test
    void noWarningWhenTheSystemFontIsInstalled() {
        assertThat(new ReceiptFontWarnings(new ReceiptFont(ReceiptProperties.defaults())).currentWarnings()).isEmpty();
    }

    @Test
    void aFontOfACollectionIsChosenByItsName() throws Exception {
        ReceiptFont font = new ReceiptFont(new ReceiptProperties("", ZEN_HEI.toString(), "WenQuanYiZenHeiMono"));

        assertThat(font.problem()).isEmpty();
        try (ReceiptFont.Opened opened = font.open()) {
            assertThat(opened.canShow('受')).isTrue();
        }
        assertThat(new ReceiptFont(new ReceiptProperties("", ZEN_HEI.toString(), "NoSuchFont")).problem())
                .map(OperatorWarning::messageKey).contains("receipt.warning.fontNotUsable");
    }

    @Test
    void propertiesBindFromKebabCaseAndDefaultToEmpty() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "reviewdesk.documents.receipt.font", "/opt/fonts/simsun.ttc",
                "reviewdesk.documents.receipt.font-name", "SimSun")));

        ReceiptProperties bound = binder.bindOrCreate("reviewdesk.documents.receipt", ReceiptProperties.class);
        ReceiptProperties empty = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("reviewdesk.documents.receipt", ReceiptProperties.class);

        assertThat(bound).isEqualTo(new ReceiptProperties("", "/opt/fonts/simsun.ttc", "SimSun"));
        assertThat(empty).isEqualTo(ReceiptProperties.defaults());
    }

    private String translated(OperatorWarning warning, Locale locale) {
        return messages.getMessage(warning.messageKey(), warning.arguments().toArray(), locale);
    }
}
