package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "11510000MB1690541M", "91110108551385082Q", "91350100M000100Y43"})
    void realCodesAreValid(String code) {
        UsccCheck.Accepted accepted = accepted(code);

        assertThat(accepted.outcome()).isEqualTo(UsccOutcome.VALID);
        assertThat(accepted.normalised()).isEqualTo(code);
        assertThat(accepted.needsApplicantConfirmation()).isFalse();
        assertThat(accepted.reviewerFlag()).isEmpty();
    }

    @Test
    void sichuanOrganIsRecognised() {
        UsccCheck.Accepted accepted = accepted("11510000MB1690541M");

        assertThat(accepted.legalPersonType()).isEqualTo(LegalPersonType.ORGAN);
        assertThat(accepted.divisionCode()).isEqualTo("510000");
        assertThat(accepted.isSichuan()).isTrue();
    }

    @Test
    void shenzhenEnterpriseIsNotSichuan() {
        UsccCheck.Accepted accepted = accepted("914403001922038216");

        assertThat(accepted.legalPersonType()).isEqualTo(LegalPersonType.ENTERPRISE);
        assertThat(accepted.divisionCode()).isEqualTo("440300");
        assertThat(accepted.isSichuan()).isFalse();
    }

    @Test
    void eachRegisteredTypeIsReadFromTheFirstTwoCharacters() {
        assertThat(accepted("92510104MA6C123457").legalPersonType()).isEqualTo(LegalPersonType.INDIVIDUAL_BUSINESS);
        assertThat(accepted("125100004507123453").legalPersonType()).isEqualTo(LegalPersonType.PUBLIC_INSTITUTION);
        assertThat(accepted("511100005000123456").legalPersonType()).isEqualTo(LegalPersonType.SOCIAL_ORGANISATION);
        assertThat(accepted("93440300MA5D12345N").legalPersonType()).isEqualTo(LegalPersonType.FARMERS_COOPERATIVE);
    }

    @Test
    void unlistedTypeIsOther() {
        // 31: a law firm, registered by a justice department
        String code = "31510000" + "MD0123456";
        assertThat(accepted(code + UsccValidator.checkCharacter(code)).legalPersonType()).isEqualTo(LegalPersonType.OTHER);
    }

    @Test
    void derivedSichuanEnterpriseIsValidAndSichuan() {
        UsccCheck.Accepted accepted = accepted("91510100MA61R1234W");

        assertThat(accepted.outcome()).isEqualTo(UsccOutcome.VALID);
        assertThat(accepted.isSichuan()).isTrue();
        assertThat(accepted.divisionCode()).isEqualTo("510100");
    }

    @Test
    void wrongCheckCharacterIsFlaggedNotRefused() {
        UsccCheck.Accepted accepted = accepted("914403001922038217");

        assertThat(accepted.outcome()).isEqualTo(UsccOutcome.CHECK_CHARACTER_MISMATCH);
        assertThat(accepted.needsApplicantConfirmation()).isTrue();
        assertThat(accepted.expectedCheckCharacter()).isEqualTo('6');
        assertThat(accepted.confirmationRequest()).contains(RuleMessage.of("rules.uscc.checkCharacterMismatch"));
        assertThat(accepted.reviewerFlag())
                .contains(RuleMessage.of("rules.uscc.checkCharacterMismatch.reviewerFlag", "6", "7"));
    }

    @Test
    void lowerCaseLettersAreUpperCased() {
        assertThat(accepted("11510000mb1690541m").normalised()).isEqualTo("11510000MB1690541M");
    }

    @Test
    void spacesAndFullWidthCharactersAreForgiven() {
        assertThat(accepted(" 9111 0108 5513 8508 2Q ").normalised()).isEqualTo("91110108551385082Q");
        assertThat(accepted("９１１１０１０８５５１３８５０８２Ｑ").normalised()).isEqualTo("91110108551385082Q");
    }

    @Test
    void emptyInputIsRefused() {
        assertThat(refused(null).reason()).isEqualTo(UsccRefusalReason.EMPTY);
        assertThat(refused("   ").reason()).isEqualTo(UsccRefusalReason.EMPTY);
    }

    @Test
    void wrongLengthIsRefusedWithTheLengthTyped() {
        UsccCheck.Refused refused = refused("91110108551385082");

        assertThat(refused.reason()).isEqualTo(UsccRefusalReason.WRONG_LENGTH);
        assertThat(refused.message()).isEqualTo(RuleMessage.of("rules.uscc.wrongLength", 17));
        assertThat(refused("91110108551385082QQ").reason()).isEqualTo(UsccRefusalReason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void lettersOutsideTheCodeAlphabetAreRefusedWithTheirPosition(char letter) {
        UsccCheck.Refused refused = refused("9111010855138508" + letter + "Q");

        assertThat(refused.reason()).isEqualTo(UsccRefusalReason.INVALID_CHARACTER);
        assertThat(refused.message()).isEqualTo(RuleMessage.of("rules.uscc.invalidCharacter", 17, String.valueOf(letter)));
    }

    @Test
    void punctuationIsRefusedWithItsPosition() {
        assertThat(refused("91110108-51385082Q").message())
                .isEqualTo(RuleMessage.of("rules.uscc.invalidCharacter", 9, "-"));
    }

    private static UsccCheck.Accepted accepted(String input) {
        UsccCheck check = UsccValidator.check(input);
        assertThat(check).isInstanceOf(UsccCheck.Accepted.class);
        return (UsccCheck.Accepted) check;
    }

    private static UsccCheck.Refused refused(String input) {
        UsccCheck check = UsccValidator.check(input);
        assertThat(check).isInstanceOf(UsccCheck.Refused.class);
        assertThat(check.isRefused()).isTrue();
        return (UsccCheck.Refused) check;
    }
}
