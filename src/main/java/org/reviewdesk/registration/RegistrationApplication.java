package org.reviewdesk.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.NaturalId;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/** One application, from draft to decision (table {@code registration_application}). */
@Entity
@Table(name = "registration_application")
@jakarta.persistence.EntityListeners(RegistrationCaseEntries.class)
class RegistrationApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /**
     * Drawn before the row is written and never changed: as Hibernate's natural id, a look-up by number
     * finds an application already loaded in the transaction without a query (and without flushing).
     */
    @NaturalId
    @Column(length = 32)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private RegistrationState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_person_type", nullable = false, length = 32)
    private LegalPersonType legalPersonType;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 18)
    private String uscc;

    /** The code while the application is open, else null: the unique constraint is the one-open-application rule. */
    @Column(name = "open_uscc", length = 18)
    private String openUscc;

    @Column(name = "uscc_confirmed", nullable = false)
    private boolean usccConfirmed;

    @Column(name = "rep_name", nullable = false, length = 100)
    private String representativeName;

    @Enumerated(EnumType.STRING)
    @Column(name = "rep_id_type", nullable = false, length = 40)
    private IdType representativeIdType;

    @Column(name = "rep_id_number", nullable = false, length = 18)
    private String representativeIdNumber;

    @Column(name = "rep_mobile", nullable = false, length = 11)
    private String representativeMobile;

    @Column(name = "agent_applies", nullable = false)
    private boolean agentApplies;

    @Column(name = "agent_name", length = 100)
    private String agentName;

    @Enumerated(EnumType.STRING)
    @Column(name = "agent_id_type", length = 40)
    private IdType agentIdType;

    @Column(name = "agent_id_number", length = 18)
    private String agentIdNumber;

    @Column(name = "agent_mobile", length = 11)
    private String agentMobile;

    @Column(name = "contact_mobile", nullable = false, length = 11)
    private String contactMobile;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(nullable = false, length = 16)
    private String locale;

    @Column(name = "access_code_hash", nullable = false, length = 100)
    private String accessCodeHash;

    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    @Column(name = "idempotency_request_hash", length = 64)
    private String idempotencyRequestHash;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "review_due")
    private OffsetDateTime reviewDue;

    /** Working days left on the review clock while it is paused for documents. */
    @Column(name = "review_days_left")
    private Integer reviewDaysLeft;

    @Column(name = "supplement_slots", length = 500)
    private String supplementSlots;

    @Column(name = "supplement_reason", length = 1000)
    private String supplementReason;

    @Column(name = "supplement_requested_at")
    private OffsetDateTime supplementRequestedAt;

    @Column(name = "supplement_due")
    private OffsetDateTime supplementDue;

    @Column(name = "decision_reasons", length = 500)
    private String decisionReasons;

    @Column(name = "decision_text", length = 2000)
    private String decisionText;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(nullable = false)
    private boolean escalated;

    @Version
    private long version;

    protected RegistrationApplication() {
    }

    RegistrationApplication(String number, ApplicantForm form, Locale locale, String accessCodeHash, String idempotencyKey,
                            String idempotencyRequestHash, OffsetDateTime now) {
        this.number = number;
        this.state = RegistrationState.DRAFT;
        this.locale = locale.toLanguageTag();
        this.accessCodeHash = accessCodeHash;
        this.idempotencyKey = idempotencyKey;
        this.idempotencyRequestHash = idempotencyRequestHash;
        this.createdAt = now;
        update(form);
    }

    /** The form's values, normalised by {@link ApplicantForms}. */
    void update(ApplicantForm form) {
        this.legalPersonType = form.legalPersonType();
        this.name = form.name();
        this.uscc = form.uscc();
        this.usccConfirmed = form.usccConfirmed();
        this.representativeName = form.representativeName();
        this.representativeIdType = form.representativeIdType();
        this.representativeIdNumber = form.representativeIdNumber();
        this.representativeMobile = form.representativeMobile();
        this.agentApplies = form.agentApplies();
        this.agentName = form.agentApplies() ? form.agentName() : null;
        this.agentIdType = form.agentApplies() ? form.agentIdType() : null;
        this.agentIdNumber = form.agentApplies() ? form.agentIdNumber() : null;
        this.agentMobile = form.agentApplies() ? form.agentMobile() : null;
        this.contactMobile = form.contactMobile();
        this.contactEmail = form.contactEmail();
    }

    ApplicantForm form() {
        return new ApplicantForm(legalPersonType, name, uscc, usccConfirmed, representativeName, representativeIdType,
                representativeIdNumber, representativeMobile, agentApplies, agentName, agentIdType, agentIdNumber,
                agentMobile, contactMobile, contactEmail);
    }

    /** Holds the credit code (the unique open_uscc refuses a second open application on flush). */
    void submit(OffsetDateTime now) {
        this.state = RegistrationState.SUBMITTED;
        this.openUscc = uscc;
        this.submittedAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void startReview(OffsetDateTime due) {
        this.state = RegistrationState.IN_REVIEW;
        this.reviewDue = due;
        this.reviewDaysLeft = null;
    }

    /**
     * The reviewer's request (the reason per slot is in {@link RegistrationRecords}); the process then
     * pauses the clock ({@link #awaitSupplement}).
     *
     * @param reason the reviewer's note to the applicant, or null
     */
    void recordSupplementRequest(List<String> slots, String reason) {
        this.supplementSlots = String.join(",", slots);
        this.supplementReason = reason;
    }

    void awaitSupplement(int reviewDaysLeft, OffsetDateTime now, OffsetDateTime due) {
        this.state = RegistrationState.AWAITING_SUPPLEMENT;
        this.supplementRequestedAt = now;
        this.supplementDue = due;
        this.reviewDaysLeft = reviewDaysLeft;
        this.reviewDue = null;
    }

    /** Who decided and why; the process then closes the application ({@link #close}). */
    void recordDecision(List<String> reasonCodes, String text, String actor, OffsetDateTime now) {
        this.decisionReasons = reasonCodes.isEmpty() ? null : String.join(",", reasonCodes);
        this.decisionText = text;
        this.decidedBy = actor;
        this.decidedAt = now;
    }

    /** A final state: the credit code is free for another application. */
    void close(RegistrationState outcome, OffsetDateTime now) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException(outcome + " is not final");
        }
        this.state = outcome;
        this.openUscc = null;
        this.reviewDue = null;
        if (this.decidedAt == null) {
            this.decidedAt = now;
        }
    }

    /** A new access code (a lost response of the draft's creation); the old one stops working. */
    void replaceAccessCode(String hash) {
        this.accessCodeHash = hash;
    }

    void markEscalated() {
        this.escalated = true;
    }

    Long id() { return id; }
    String number() { return number; }
    RegistrationState state() { return state; }
    LegalPersonType legalPersonType() { return legalPersonType; }
    String name() { return name; }
    String uscc() { return uscc; }
    boolean usccConfirmed() { return usccConfirmed; }
    String representativeName() { return representativeName; }
    String representativeMobile() { return representativeMobile; }
    String agentName() { return agentName; }
    String agentMobile() { return agentMobile; }
    IdType representativeIdType() { return representativeIdType; }
    String representativeIdNumber() { return representativeIdNumber; }
    boolean agentApplies() { return agentApplies; }
    IdType agentIdType() { return agentIdType; }
    String agentIdNumber() { return agentIdNumber; }
    String contactMobile() { return contactMobile; }
    String contactEmail() { return contactEmail; }
    Locale locale() { return Locale.forLanguageTag(locale); }
    String accessCodeHash() { return accessCodeHash; }
    String idempotencyRequestHash() { return idempotencyRequestHash; }
    String processInstanceId() { return processInstanceId; }
    OffsetDateTime createdAt() { return createdAt; }
    OffsetDateTime submittedAt() { return submittedAt; }
    OffsetDateTime reviewDue() { return reviewDue; }
    Integer reviewDaysLeft() { return reviewDaysLeft; }
    String supplementReason() { return supplementReason; }
    OffsetDateTime supplementRequestedAt() { return supplementRequestedAt; }
    OffsetDateTime supplementDue() { return supplementDue; }
    String decisionText() { return decisionText; }
    OffsetDateTime decidedAt() { return decidedAt; }
    String decidedBy() { return decidedBy; }
    boolean escalated() { return escalated; }

    List<String> supplementSlots() {
        return supplementSlots == null || supplementSlots.isBlank() ? List.of() : List.of(supplementSlots.split(","));
    }

    /** The codes of the rejection's reasons (their texts as stated are in {@link RegistrationRecords}). */
    List<String> rejectionCodes() {
        return decisionReasons == null || decisionReasons.isBlank() ? List.of() : List.of(decisionReasons.split(","));
    }
}
