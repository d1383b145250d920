package org.reviewdesk.applicants;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.reviewdesk.rules.IdNumberCheck;
import org.reviewdesk.rules.IdNumberValidator;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;

/**
 * The field rules every applicant form of a process checks alike: the value normalised, or the
 * rule's message handed to the form's own error list (each process keeps its own error type).
 */
public final class ApplicantFields {

    private ApplicantFields() {
    }

    /** A credit code by GB 32100-2015, normalised (upper case, no spaces). */
    public static Optional<String> uscc(String value, Consumer<RuleMessage> refused) {
        UsccCheck check = UsccValidator.check(value);
        if (check instanceof UsccCheck.Refused r) {
            refused.accept(r.message());
            return Optional.empty();
        }
        return Optional.of(((UsccCheck.Accepted) check).normalised());
    }

    /** A mainland mobile number, normalised to its 11 digits. */
    public static Optional<String> mobile(String value, Consumer<RuleMessage> refused) {
        MobileCheck check = MobileNumberValidator.check(value);
        if (check instanceof MobileCheck.Refused r) {
            refused.accept(r.message());
            return Optional.empty();
        }
        return Optional.of(((MobileCheck.Accepted) check).normalised());
    }

    /**
     * A personal ID number of the type chosen (checked as {@link IdNumberValidator} does, on today's
     * date), normalised; no type: {@code requiredKey} to {@code refusedType}, a bad number to {@code refusedNumber}.
     */
    public static Optional<String> idNumber(IdType type, String number, LocalDate today, String requiredKey,
                                            Consumer<RuleMessage> refusedType, Consumer<RuleMessage> refusedNumber) {
        if (type == null) {
            refusedType.accept(RuleMessage.of(requiredKey));
            return Optional.empty();
        }
        IdNumberCheck check = IdNumberValidator.check(type, number, today);
        if (check instanceof IdNumberCheck.Refused r) {
            refusedNumber.accept(r.message());
            return Optional.empty();
        }
        return Optional.of(check.normalised());
    }

    /**
     * A required text of at most {@code max} characters, stripped; blank, longer or with hidden
     * characters ({@link TextRules}): {@code requiredKey}.
     */
    public static Optional<String> text(String value, int max, String requiredKey, Consumer<RuleMessage> refused) {
        if (value == null || value.isBlank() || value.strip().length() > max || TextRules.hasHiddenCharacters(value.strip())) {
            refused.accept(RuleMessage.of(requiredKey));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** Two names the same but for white space and case (a name on record against one typed). */
    public static boolean sameName(String onRecord, String wanted) {
        return onRecord != null && wanted != null
                && onRecord.replaceAll("\\s", "").equalsIgnoreCase(wanted.replaceAll("\\s", ""));
    }
}
