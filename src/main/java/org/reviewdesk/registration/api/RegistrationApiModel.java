package org.reviewdesk.registration.api;

import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.FieldError;
import org.reviewdesk.registration.FormField;
import org.reviewdesk.registration.Submitted;
import org.reviewdesk.registration.SupplementRequest;
import org.reviewdesk.registration.TimelineEntry;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/**
 * The public API's own request and response bodies: what the portal's front ends send and read,
 * apart from the service's records and the entities, so either can change without breaking a
 * caller. Enums travel as their names; texts for people are already in the request's language.
 * An example of digits only is quoted ({@code "\"13812345678\""}): swagger reads examples as JSON,
 * and bare digits would make a string's example a number.
 */
final class RegistrationApiModel {

    private RegistrationApiModel() {
    }

    /** The applicant's form; field names are those of {@link FormField#jsonName()} in field errors. */
    @Schema(name = "RegistrationForm", description = "The applicant's form. The agent fields count only when agentApplies is true.")
    public record Form(
            @Schema(example = "ENTERPRISE") LegalPersonType legalPersonType,
            @Schema(example = "深圳市腾讯计算机系统有限公司") String name,
            @Schema(description = "Unified social credit code (18 characters)", example = "\"914403001922038216\"") String uscc,
            @Schema(description = "The applicant confirms a code whose check character does not match") Boolean usccConfirmed,
            String representativeName,
            @Schema(example = "RESIDENT_ID") IdType representativeIdType,
            @Schema(example = "11010519491231002X") String representativeIdNumber,
            @Schema(example = "\"13812345678\"") String representativeMobile,
            Boolean agentApplies,
            String agentName,
            IdType agentIdType,
            String agentIdNumber,
            String agentMobile,
            @Schema(example = "\"13812345678\"") String contactMobile,
            @Schema(description = "Optional; notifications also go there") String contactEmail,
            @Schema(description = "Creating a draft only: the proofId answered by POST /mobile-codes for the contact mobile")
            String mobileProofId,
            @Schema(description = "Creating a draft only: the 6-digit code the SMS brought", example = "\"123456\"") String mobileCode) {

        MobileProof toMobileProof() {
            return new MobileProof(mobileProofId, mobileCode);
        }

        ApplicantForm toApplicantForm() {
            return new ApplicantForm(legalPersonType, name, uscc, Boolean.TRUE.equals(usccConfirmed), representativeName,
                    representativeIdType, representativeIdNumber, representativeMobile, Boolean.TRUE.equals(agentApplies),
                    agentName, agentIdType, agentIdNumber, agentMobile, contactMobile, contactEmail);
        }
    }

    @Schema(name = "RegistrationDocumentSlot", description = "A document the application needs, named in the request's language")
    public record DocumentSlot(@Schema(example = "business-licence") String slot, @Schema(example = "营业执照") String name) {
    }

    @Schema(name = "RegistrationDraftCreated", description = "Keep the access code: it is shown only now (and sent to the contact mobile)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DraftCreated(String applicationNumber,
                               @Schema(description = "Absent for a retry with the same Idempotency-Key: a new code went by SMS only")
                               String accessCode,
                               @Schema(description = "Only for a retry: where the new access code was sent, in the request's language")
                               String notice,
                               List<DocumentSlot> requiredDocuments) {
    }

    @Schema(name = "RegistrationMobileCodeRequest", description = "The contact mobile to prove")
    public record MobileCodeRequest(@Schema(example = "\"13812345678\"") String mobile) {
    }

    @Schema(name = "RegistrationMobileCodeSent", description = "An SMS code is on its way; send proofId and the code with the draft")
    public record MobileCodeSent(String proofId, @Schema(example = "138****5678") String mobile, OffsetDateTime expiresAt,
                                 String message) {
    }

    @Schema(name = "RegistrationDocument")
    public record Document(long id, String slot, int version, String name,
                           @Schema(example = "PDF") String type, long size, int pages,
                           @Schema(example = "PENDING") String previewState, OffsetDateTime uploadedAt) {

        static Document of(DocumentInfo info) {
            return new Document(info.id(), info.slot(), info.version(), info.displayName(), info.type().name(),
                    info.sizeBytes(), info.pageCount(), info.previewState().name(), info.createdAt());
        }
    }

    @Schema(name = "RegistrationSubmission")
    public record Submission(@Schema(description = "The applicant has read and accepted the declaration") Boolean declarationAccepted) {
    }

    @Schema(name = "RegistrationSubmitted")
    public record Submitted(String applicationNumber, @Schema(example = "SUBMITTED") String state, OffsetDateTime submittedAt) {
    }

    /** A code with its text for people (a state, a legal-person type, a rejection reason). */
    @Schema(name = "RegistrationLabel")
    public record Label(String code, String label) {
    }

    @Schema(name = "RegistrationRequiredDocument", description = "A required document and its newest version, if uploaded")
    public record RequiredDocument(String slot, String name, Document latest) {
    }

    @Schema(name = "RegistrationTimelineEntry")
    public record TimelineEntry(OffsetDateTime at, String kind, String text, String detail) {
    }

    @Schema(name = "RegistrationSupplementRequest", description = "The reviewer's request for new versions of documents")
    public record SupplementRequest(List<DocumentSlot> documents,
                                    @Schema(description = "The reviewer's note, or else the reasons per document in one text") String reason,
                                    @Schema(description = "Why each document needs a new version") List<DocumentReason> reasons,
                                    OffsetDateTime requestedAt, OffsetDateTime due) {
    }

    @Schema(name = "RegistrationDocumentReason", description = "Why a new version of one document is needed")
    public record DocumentReason(String slot, String name, String reason) {
    }

    @Schema(name = "RegistrationStopReason", description = "Why an automated check stopped the application")
    public record StopReason(String check, String code, String message) {
    }

    @Schema(name = "RegistrationStatus", description = "The application as its applicant sees it (personal data masked)")
    public record Status(
            String applicationNumber,
            Label state,
            Label legalPersonType,
            String name,
            String uscc,
            String representativeName,
            String contactMobile,
            OffsetDateTime createdAt,
            OffsetDateTime submittedAt,
            OffsetDateTime reviewDue,
            List<RequiredDocument> documents,
            List<TimelineEntry> timeline,
            List<Label> rejectionReasons,
            String decisionText,
            SupplementRequest supplementRequest,
            List<StopReason> stopReasons,
            boolean receiptAvailable) {
    }

    @Schema(name = "FieldError", description = "A rule the field breaks")
    public record FieldError(@Schema(description = "The field's JSON name", example = "uscc") String field,
                             @Schema(example = "registration.uscc.sichuan") String code, String message) {
    }

    /** The shape of every public API's errors (the other two answer it as maps): the document's one error schema. */
    @Schema(name = RegistrationApiDocumentation.ERROR_SCHEMA,
            description = "An error of any of the public APIs, in the request's language (Accept-Language; Chinese when absent)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(@Schema(description = "Stable, for programs", example = "registration.access.denied",
                                    requiredMode = Schema.RequiredMode.REQUIRED) String code,
                            @Schema(description = "For people", requiredMode = Schema.RequiredMode.REQUIRED) String message,
                        @Schema(description = "Only for form errors: each broken rule at its field") List<FieldError> fields) {
    }
}
