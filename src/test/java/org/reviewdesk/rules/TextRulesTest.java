package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a text may not hide: each hidden character breaks the rule, in one-line and multi-line texts alike. */
class TextRulesTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202E", "202D", "200B", "200D", "2066", "FEFF", "0000", "001B", "2028", "2029", "0085"})
    void hiddenCharactersAreFoundInOneLineAndInLines(String hex) {
        String text = "营业执照" + Character.toString(Integer.parseInt(hex, 16)) + "名称不符";

        assertThat(TextRules.hasHiddenCharacters(text)).isTrue();
        assertThat(TextRules.hasHiddenCharactersInLines(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"第一行\n第二行", "Windows line\r\nbreak", "tab\tstop"})
    void lineBreaksAndTabsAreAllowedInLinesOnly(String text) {
        assertThat(TextRules.hasHiddenCharactersInLines(text)).isFalse();
        assertThat(TextRules.hasHiddenCharacters(text)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"深圳市腾讯计算机系统有限公司", "O'Brien & Söhne GmbH", "（一）材料不全；请补正。", "emoji 😀 ok", ""})
    void visibleTextPasses(String text) {
        assertThat(TextRules.hasHiddenCharacters(text)).isFalse();
        assertThat(TextRules.hasHiddenCharactersInLines(text)).isFalse();
        assertThat(TextRules.hasHiddenCharactersInLines(null)).isFalse();
    }
}
