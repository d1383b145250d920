package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.review.StatedReason;
import org.reviewdesk.rules.LegalPersonType;

/**
 * An application as its applicant sees it on the status page (personal data masked).
 *
 * @param documents the newest version in each slot that has one
 * @param rejectionReasons the reasons of a rejection as the applicant was told them
 * @param supplement the open request for documents, or null
 * @param reviewDue when the review is due (null before review and while paused)
 * @param stopReasons why the automated checks stopped the application, if they did
 */
public record ApplicationStatus(
        String number,
        RegistrationState state,
        LegalPersonType legalPersonType,
        String name,
        String uscc,
        String representativeNameMasked,
        String contactMobileMasked,
        OffsetDateTime createdAt,
        OffsetDateTime submittedAt,
        OffsetDateTime reviewDue,
        List<String> requiredSlots,
        Map<String, DocumentInfo> documents,
        List<TimelineEntry> timeline,
        List<StatedReason> rejectionReasons,
        String decisionText,
        SupplementRequest supplement,
        List<CheckResult> stopReasons) {

    /** The acceptance receipt exists once the application was submitted. */
    public boolean receiptAvailable() {
        return submittedAt != null;
    }
}
