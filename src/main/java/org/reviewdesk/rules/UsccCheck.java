package org.reviewdesk.rules;

import java.util.Optional;

/** The verdict on a unified social credit code: {@link Accepted} or {@link Refused}. */
public sealed interface UsccCheck {

    /** The code as it will be stored: spaces removed, full-width folded, letters upper case. */
    String normalised();

    default boolean isRefused() {
        return this instanceof Refused;
    }

    /**
     * @param divisionCode positions 3-8: the administrative division of the registering authority
     * @param expectedCheckCharacter what position 18 should be according to positions 1-17
     */
    record Accepted(String normalised, UsccOutcome outcome, LegalPersonType legalPersonType,
                    String divisionCode, char expectedCheckCharacter) implements UsccCheck {

        /** Registered in Sichuan: such bodies register online by themselves, not through this desk. */
        public boolean isSichuan() {
            return divisionCode.startsWith("51");
        }

        public boolean needsApplicantConfirmation() {
            return outcome == UsccOutcome.CHECK_CHARACTER_MISMATCH;
        }

        /** For the applicant: asks them to compare the code with their certificate and confirm it. */
        public Optional<RuleMessage> confirmationRequest() {
            return needsApplicantConfirmation()
                    ? Optional.of(RuleMessage.of("rules.uscc.checkCharacterMismatch"))
                    : Optional.empty();
        }

        /** The label of the box the applicant ticks to confirm a code that fails its check. */
        public RuleMessage confirmationLabel() {
            return RuleMessage.of("rules.uscc.confirmMatchesCertificate");
        }

        /** For the reviewer: the flag to show beside the code. */
        public Optional<RuleMessage> reviewerFlag() {
            return needsApplicantConfirmation()
                    ? Optional.of(RuleMessage.of("rules.uscc.checkCharacterMismatch.reviewerFlag",
                            String.valueOf(expectedCheckCharacter), normalised.substring(17)))
                    : Optional.empty();
        }
    }

    record Refused(String normalised, UsccRefusalReason reason, RuleMessage message) implements UsccCheck {
    }
}
