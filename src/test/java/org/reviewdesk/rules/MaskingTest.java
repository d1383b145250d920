package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

    @Test
    void mobileShowsThreeAndFour() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void mobileIsNormalisedBeforeMasking() {
        assertThat(Masking.mobile("+86 138-1234-5678")).isEqualTo("138****5678");
    }

    @Test
    void idNumberKeepsOnlyFirstAndLastCharacterAndItsLength() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1****************X");
        assertThat(Masking.idNumber("11010519491231002X")).hasSize(18);
    }

    @Test
    void veryShortValuesAreMaskedWhole() {
        assertThat(Masking.idNumber("12")).isEqualTo("**");
        assertThat(Masking.mobile("1234")).isEqualTo("****");
    }

    @Test
    void chineseNameKeepsItsFirstCharacter() {
        assertThat(Masking.personName("张三")).isEqualTo("张*");
        assertThat(Masking.personName("张三丰")).isEqualTo("张**");
        assertThat(Masking.personName("欧阳娜娜")).isEqualTo("欧***");
    }

    @Test
    void latinNameKeepsItsFirstLetterAndHidesItsLength() {
        assertThat(Masking.personName("John Smith")).isEqualTo("J***");
        assertThat(Masking.personName("Li")).isEqualTo("L***");
    }

    @Test
    void singleCharacterNameIsMaskedWhole() {
        assertThat(Masking.personName("张")).isEqualTo("*");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void nullOrBlankGivesEmptyText(String blank) {
        assertThat(Masking.mobile(blank)).isEmpty();
        assertThat(Masking.idNumber(blank)).isEmpty();
        assertThat(Masking.personName(blank)).isEmpty();
    }
}
