package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void pathPartsAreStripped() {
        assertThat(DisplayNames.sanitise("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(DisplayNames.sanitise("C:\\Users\\x\\licence.pdf")).isEqualTo("licence.pdf");
        assertThat(DisplayNames.sanitise("..")).isEqualTo(DisplayNames.FALLBACK);
    }

    @Test
    void nulAndOtherControlCharactersAreRemoved() {
        assertThat(DisplayNames.sanitise("licence\u0000.pdf")).isEqualTo("licence.pdf");
        assertThat(DisplayNames.sanitise("a\u0007b\u009Bc.png")).isEqualTo("abc.png");
    }

    @Test
    void lineBreaksAreRemoved() {
        assertThat(DisplayNames.sanitise("licence\r\nX-Injected: 1.pdf")).isEqualTo("licenceX-Injected_ 1.pdf");
    }

    @Test
    void bidiOverridesAreRemovedSoTheNameShowsWhatItIs() {
        assertThat(DisplayNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(DisplayNames.sanitise("a\u2066b\u2069\u200Fc.pdf")).isEqualTo("abc.pdf");
    }

    @Test
    void windowsReservedNamesAreDefused() {
        assertThat(DisplayNames.sanitise("CON")).isEqualTo("_CON");
        assertThat(DisplayNames.sanitise("nul.pdf")).isEqualTo("_nul.pdf");
        assertThat(DisplayNames.sanitise("com1.tar.gz")).isEqualTo("_com1.tar.gz");
        assertThat(DisplayNames.sanitise("console.pdf")).isEqualTo("console.pdf");
    }

    @Test
    void longNamesAreShortenedTo255KeepingTheExtension() {
        String name = DisplayNames.sanitise("a".repeat(300) + ".pdf");
        assertThat(name).hasSize(255).endsWith("a.pdf");
    }

    @Test
    void shorteningNeverSplitsACharacter() {
        String name = DisplayNames.sanitise("a" + "\uD83D\uDE00".repeat(200) + ".pdf");
        assertThat(name.length()).isLessThanOrEqualTo(255);
        assertThat(name).endsWith(".pdf");
        assertThat(name.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void chineseNamesStayAsTheyAre() {
        assertThat(DisplayNames.sanitise("营业执照（副本）.pdf")).isEqualTo("营业执照（副本）.pdf");
    }

    @Test
    void nothingLeftMeansAFallbackName() {
        assertThat(DisplayNames.sanitise(null)).isEqualTo(DisplayNames.FALLBACK);
        assertThat(DisplayNames.sanitise("\u202E\u0000 ")).isEqualTo(DisplayNames.FALLBACK);
        assertThat(DisplayNames.sanitise(".hidden")).isEqualTo("hidden");
    }
}
