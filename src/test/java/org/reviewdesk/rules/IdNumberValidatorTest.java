package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void residentIdWithCapitalXIsValid() {
        IdNumberCheck.Accepted accepted = accepted(IdType.RESIDENT_ID, "11010519491231002X");

        assertThat(accepted.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(accepted.type()).isEqualTo(IdType.RESIDENT_ID);
    }

    @Test
    void residentIdBornOnTheEarliestAllowedDateIsValid() {
        assertThat(accepted(IdType.RESIDENT_ID, "440524188001010014").birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
    }

    @Test
    void residentIdBornTodayIsValid() {
        assertThat(accepted(IdType.RESIDENT_ID, "110105202611281234").birthDate()).isEqualTo(TODAY);
    }

    @Test
    void spacesAreForgiven() {
        assertThat(accepted(IdType.RESIDENT_ID, "110105 19491231 002X").normalised()).isEqualTo("11010519491231002X");
    }

    @Test
    void lowerCaseXIsRefusedWithAHint() {
        IdNumberCheck.Refused refused = refused(IdType.RESIDENT_ID, "11010519491231002x");

        assertThat(refused.reason()).isEqualTo(IdRefusalReason.LOWER_CASE_X);
        assertThat(refused.message().key()).isEqualTo("rules.id.lowerCaseX");
    }

    @Test
    void fullWidthLowerCaseXIsRefusedAsLowerCase() {
        assertThat(refused(IdType.RESIDENT_ID, "11010519491231002ｘ").reason()).isEqualTo(IdRefusalReason.LOWER_CASE_X);
    }

    @Test
    void emptyIsRefused() {
        assertThat(refused(IdType.RESIDENT_ID, "").reason()).isEqualTo(IdRefusalReason.EMPTY);
        assertThat(refused(IdType.RESIDENT_ID, null).reason()).isEqualTo(IdRefusalReason.EMPTY);
    }

    @Test
    void wrongLengthIsRefusedWithTheLengthTyped() {
        IdNumberCheck.Refused refused = refused(IdType.RESIDENT_ID, "110105491231002");

        assertThat(refused.reason()).isEqualTo(IdRefusalReason.WRONG_LENGTH);
        assertThat(refused.message().arguments()).containsExactly(15);
    }

    @Test
    void letterAmongTheDigitsIsRefusedWithItsPosition() {
        IdNumberCheck.Refused refused = refused(IdType.RESIDENT_ID, "1101051949123100XX");

        assertThat(refused.reason()).isEqualTo(IdRefusalReason.INVALID_CHARACTER);
        assertThat(refused.message().arguments()).containsExactly(17, "X");
    }

    @Test
    void letterOtherThanXAtTheEndIsRefused() {
        IdNumberCheck.Refused refused = refused(IdType.RESIDENT_ID, "11010519491231002Y");

        assertThat(refused.reason()).isEqualTo(IdRefusalReason.INVALID_CHARACTER);
        assertThat(refused.message().arguments()).containsExactly(18, "Y");
    }

    @Test
    void impossibleDateIsRefused() {
        IdNumberCheck.Refused refused = refused(IdType.RESIDENT_ID, "510107199902301234");

        assertThat(refused.reason()).isEqualTo(IdRefusalReason.INVALID_DATE);
        assertThat(refused.message().arguments()).containsExactly("1999-02-30");
    }

    @Test
    void futureBirthDateIsRefused() {
        assertThat(refused(IdType.RESIDENT_ID, "11010520261129123X").reason()).isEqualTo(IdRefusalReason.FUTURE_BIRTH_DATE);
        assertThat(refused(IdType.RESIDENT_ID, "51010720991231123X").reason()).isEqualTo(IdRefusalReason.FUTURE_BIRTH_DATE);
    }

    @Test
    void birthDateBefore1880IsRefused() {
        assertThat(refused(IdType.RESIDENT_ID, "510107187912311235").reason()).isEqualTo(IdRefusalReason.BIRTH_DATE_TOO_EARLY);
    }

    @Test
    void wrongCheckDigitIsRefused() {
        assertThat(refused(IdType.RESIDENT_ID, "110105194912310021").reason()).isEqualTo(IdRefusalReason.CHECK_DIGIT_MISMATCH);
        assertThat(refused(IdType.RESIDENT_ID, "440524188001010015").reason()).isEqualTo(IdRefusalReason.CHECK_DIGIT_MISMATCH);
    }

    @Test
    void hongKongAndMacauPermitsAreValid() {
        assertThat(accepted(IdType.HK_MACAU_RESIDENCE_PERMIT, "810000199001011230").birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(accepted(IdType.HK_MACAU_RESIDENCE_PERMIT, "820000198512314564").birthDate()).isEqualTo(LocalDate.of(1985, 12, 31));
    }

    @Test
    void taiwanPermitIsValid() {
        assertThat(accepted(IdType.TAIWAN_RESIDENCE_PERMIT, "830000200002297890").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void foreignPermanentResidentCard2023IsValid() {
        IdNumberCheck.Accepted accepted = accepted(IdType.FOREIGN_PERMANENT_RESIDENT_2023, "911040198808080019");

        assertThat(accepted.birthDate()).isEqualTo(LocalDate.of(1988, 8, 8));
    }

    @Test
    void residentIdDeclaredAsAPermitIsRefusedForItsPrefix() {
        IdNumberCheck.Refused refused = refused(IdType.HK_MACAU_RESIDENCE_PERMIT, "11010519491231002X");

        assertThat(refused.reason()).isEqualTo(IdRefusalReason.WRONG_PREFIX_FOR_TYPE);
        assertThat(refused.message().key()).isEqualTo("rules.id.wrongPrefix.HK_MACAU_RESIDENCE_PERMIT");
        assertThat(refused(IdType.TAIWAN_RESIDENCE_PERMIT, "810000199001011230").message().key())
                .isEqualTo("rules.id.wrongPrefix.TAIWAN_RESIDENCE_PERMIT");
        assertThat(refused(IdType.FOREIGN_PERMANENT_RESIDENT_2023, "11010519491231002X").message().key())
                .isEqualTo("rules.id.wrongPrefix.FOREIGN_PERMANENT_RESIDENT_2023");
    }

    @Test
    void permitDeclaredAsAResidentIdIsRefusedForItsPrefix() {
        assertThat(refused(IdType.RESIDENT_ID, "830000200002297890").reason()).isEqualTo(IdRefusalReason.WRONG_PREFIX_FOR_TYPE);
        assertThat(refused(IdType.RESIDENT_ID, "911040198808080019").message().key()).isEqualTo("rules.id.wrongPrefix.RESIDENT_ID");
    }

    @Test
    void permitWithAnImpossibleDateIsRefused() {
        String first17 = "81000019990230123";
        assertThat(refused(IdType.HK_MACAU_RESIDENCE_PERMIT, first17 + IdNumberValidator.checkCharacter(first17)).reason())
                .isEqualTo(IdRefusalReason.INVALID_DATE);
    }

    @Test
    void foreignCardWithAWrongCheckCharacterIsRefused() {
        assertThat(refused(IdType.FOREIGN_PERMANENT_RESIDENT_2023, "911040198808080010").reason())
                .isEqualTo(IdRefusalReason.CHECK_DIGIT_MISMATCH);
    }

    @Test
    void oldFifteenCharacterForeignCardIsRefusedForItsLength() {
        assertThat(refused(IdType.FOREIGN_PERMANENT_RESIDENT_2023, "USA110080808001").reason())
                .isEqualTo(IdRefusalReason.WRONG_LENGTH);
    }

    @Test
    void aBirthDateOfTodayIsAccepted() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        String number = "11010520261204001";
        assertThat(IdNumberValidator.check(IdType.RESIDENT_ID, number + checkCharacter(number), today).isRefused()).isFalse();
        assertThat(IdNumberValidator.check(IdType.RESIDENT_ID, number + checkCharacter(number), today.minusDays(1)).isRefused())
                .as("born tomorrow").isTrue();
    }

    private static IdNumberCheck.Accepted accepted(IdType type, String input) {
        IdNumberCheck check = IdNumberValidator.check(type, input, TODAY);
        assertThat(check).isInstanceOf(IdNumberCheck.Accepted.class);
        return (IdNumberCheck.Accepted) check;
    }

    private static IdNumberCheck.Refused refused(IdType type, String input) {
        IdNumberCheck check = IdNumberValidator.check(type, input, TODAY);
        assertThat(check).isInstanceOf(IdNumberCheck.Refused.class);
        return (IdNumberCheck.Refused) check;
    }

    /** The GB 11643 check character of 17 digits, computed here independently of the validator. */
    private static char checkCharacter(String digits) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
