package org.reviewdesk.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * Personal ID numbers by their declared {@link IdType}: resident ID (GB 11643-1999), the
 * residence permits of Hong Kong, Macau and Taiwan residents, and the 2023 foreign
 * permanent-resident ID card.
 */
public final class IdNumberValidator {

    public static final int LENGTH = 18;

    /** Nobody alive was born earlier; an earlier date is a typing error, not a person. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1880, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private IdNumberValidator() {
    }

    /** @param today the business day today ({@code BusinessTime.today()}): no one is born after it */
    public static IdNumberCheck check(IdType type, String input, LocalDate today) {
        Objects.requireNonNull(type, "type");
        String number = Inputs.compact(input);
        if (number.isEmpty()) {
            return refused(number, IdRefusalReason.EMPTY);
        }
        int length = Inputs.length(number);
        if (length != LENGTH) {
            return refused(number, IdRefusalReason.WRONG_LENGTH, length);
        }
        if (number.charAt(17) == 'x') {
            return refused(number, IdRefusalReason.LOWER_CASE_X);
        }
        var badDigit = Inputs.firstBadCharacter(number.substring(0, 17), IdNumberValidator::isDigit);
        if (badDigit.isPresent()) {
            return refused(number, IdRefusalReason.INVALID_CHARACTER, badDigit.get().position(), badDigit.get().character());
        }
        String last = number.substring(17);
        if (!last.equals("X") && !(last.length() == 1 && isDigit(last.charAt(0)))) {
            return refused(number, IdRefusalReason.INVALID_CHARACTER, LENGTH, last);
        }
        if (IdType.ofNumber(number) != type) {
            return new IdNumberCheck.Refused(number, IdRefusalReason.WRONG_PREFIX_FOR_TYPE,
                    RuleMessage.of(IdRefusalReason.WRONG_PREFIX_FOR_TYPE.messageKey() + "." + type.name()));
        }
        String digits = number.substring(6, 14);
        String shownDate = digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(digits, BIRTH_DATE);
        } catch (DateTimeParseException impossible) {
            return refused(number, IdRefusalReason.INVALID_DATE, shownDate);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return refused(number, IdRefusalReason.BIRTH_DATE_TOO_EARLY, shownDate);
        }
        if (birthDate.isAfter(today)) {
            return refused(number, IdRefusalReason.FUTURE_BIRTH_DATE, shownDate);
        }
        if (number.charAt(17) != checkCharacter(number)) {
            return refused(number, IdRefusalReason.CHECK_DIGIT_MISMATCH);
        }
        return new IdNumberCheck.Accepted(number, type, birthDate);
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits of {@code number}. */
    static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static IdNumberCheck refused(String number, IdRefusalReason reason, Object... arguments) {
        return new IdNumberCheck.Refused(number, reason, RuleMessage.of(reason.messageKey(), arguments));
    }
}
