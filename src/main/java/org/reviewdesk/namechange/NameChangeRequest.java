package org.reviewdesk.namechange;

import org.reviewdesk.rules.IdType;

/**
 * What the applicant types: the enterprise's credit code, its new name as on the new business
 * licence, and who applies (name, mobile; at the window also the ID document the clerk checks in
 * person, which online applicants leave out).
 */
public record NameChangeRequest(String uscc, String newName, String applicantName, String applicantMobile,
                                IdType applicantIdType, String applicantIdNumber) {

    /** An online request: no ID document (the mobile is proven by SMS). */
    public NameChangeRequest(String uscc, String newName, String applicantName, String applicantMobile) {
        this(uscc, newName, applicantName, applicantMobile, null, null);
    }
}
