package org.reviewdesk.applicants;

import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.RuleMessage;

/** A mobile proof is refused: at the mobile field (no mobile number) or at the code field (wrong, expired, used). */
public class MobileProofRefused extends UserFacingException {

    /** Where the applicant fixes it. */
    public enum Field { MOBILE, CODE }

    private final Field field;
    private final transient RuleMessage rule;

    MobileProofRefused(Field field, RuleMessage rule) {
        super(rule.key(), rule.argumentArray());
        this.field = field;
        this.rule = rule;
    }

    public Field field() {
        return field;
    }

    public RuleMessage rule() {
        return rule;
    }
}
