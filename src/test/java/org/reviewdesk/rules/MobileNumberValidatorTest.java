package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "+86 138 1234 5678",
            "8613812345678", "１３８１２３４５６７８"})
    void mainlandMobileIsNormalisedToElevenDigits(String input) {
        assertThat(MobileNumberValidator.check(input)).isEqualTo(new MobileCheck.Accepted("13812345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13012345678", "19912345678", "16612345678"})
    void everySecondDigitFromThreeToNineIsAMobile(String input) {
        assertThat(MobileNumberValidator.check(input).isRefused()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, EMPTY",
            "'  ', EMPTY",
            "+85291234567, NOT_MAINLAND",
            "138.1234.5678, INVALID_CHARACTER",
            "(028)12345678, INVALID_CHARACTER",
            "1381234567, WRONG_LENGTH",
            "138123456789, WRONG_LENGTH",
            "+86138123456789, WRONG_LENGTH",
            "02812345678, NOT_A_MOBILE_NUMBER",
            "12812345678, NOT_A_MOBILE_NUMBER"})
    void badNumberIsRefusedWithItsReason(String input, MobileRefusalReason reason) {
        MobileCheck check = MobileNumberValidator.check(input);

        assertThat(check).isInstanceOf(MobileCheck.Refused.class);
        MobileCheck.Refused refused = (MobileCheck.Refused) check;
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.message().key()).isEqualTo(reason.messageKey());
    }

    @ParameterizedTest
    @CsvSource({"138.1234.5678, .", "1381234567, 10"})
    void refusalNamesWhatIsWrong(String input, String argument) {
        MobileCheck.Refused refused = (MobileCheck.Refused) MobileNumberValidator.check(input);

        assertThat(refused.message().arguments()).extracting(String::valueOf).containsExactly(argument);
    }
}
