package org.reviewdesk.registration;

import org.reviewdesk.applicants.CaseNumbers;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.representative.RepresentativeChanges;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.registration.receipt.AcceptanceReceipt;
import org.reviewdesk.registration.receipt.ReceiptContent;
import org.reviewdesk.documents.receipt.ReceiptDocument;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The out-of-province registration's applicant side (SPEC.md, process 1): the draft, documents,
 * submission, status page, answer to a request for documents and receipt. The UI and the REST API
 * both call this; it checks every rule itself.
 *
 * <p>An applicant proves an application with its number and access code ({@link ApplicantCodes#open}),
 * which gives an {@link ApplicantAccess}; every applicant method takes one. The staff's side is
 * {@link RegistrationReview}.
 */
@Service
public class RegistrationService {

    /** Applicant actions are recorded with this actor prefix and the application number. */
    static final String APPLICANT_ACTOR = "applicant:";
    static final String AUDIT_SUBMITTED = "REGISTRATION_SUBMITTED";
    private static final String PREFIX = "RD";

    private final RegistrationRepository applications;
    private final ApplicantForms forms;
    private final RegistrationRecords records;
    private final RegistrationNotices notices;
    private final RequiredDocuments requiredDocuments;
    private final DocumentService documents;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicantCodes codes;
    private final RegistrationProperties properties;
    private final AuditLog audit;
    private final AcceptanceReceipt receipts;
    private final MessageSource messages;
    private final WorkingDayCalendar calendar;
    private final DraftThrottle draftThrottle;
    private final MobileProofs mobileProofs;
    private final RepresentativeChanges deregistrations;
    private final UsccChecks usccChecks;
    private final TransactionTemplate transaction;
    /** For what applicants read on every call: no flush, no dirty checking of the loaded entities. */

    RegistrationService(RegistrationRepository applications, ApplicantForms forms, RegistrationRecords records,
                        RegistrationNotices notices, RequiredDocuments requiredDocuments, DocumentService documents,
                        RuntimeService runtime, TaskService tasks, ApplicantCodes codes,
                        RegistrationProperties properties, AuditLog audit, AcceptanceReceipt receipts,
                        MessageSource messages, WorkingDayCalendar calendar, DraftThrottle draftThrottle,
                        MobileProofs mobileProofs, UsccChecks usccChecks, PlatformTransactionManager transactions,
                        RepresentativeChanges deregistrations) {
        this.applications = applications;
        this.forms = forms;
        this.records = records;
        this.notices = notices;
        this.requiredDocuments = requiredDocuments;
        this.documents = documents;
        this.runtime = runtime;
        this.tasks = tasks;
        this.codes = codes;
        this.properties = properties;
        this.audit = audit;
        this.receipts = receipts;
        this.messages = messages;
        this.calendar = calendar;
        this.draftThrottle = draftThrottle;
        this.mobileProofs = mobileProofs;
        this.deregistrations = deregistrations;
        this.usccChecks = usccChecks;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- applicant: form and draft -------------------------------------------------------------

    /** The document slots the DMN table asks for, in its order. */
    public List<String> requiredSlots(LegalPersonType type, boolean agentApplies) {
        return type == null ? List.of() : requiredDocuments.slotsFor(type, agentApplies);
    }

    /**
     * Every rule the form breaks, with no side effect (for a form that checks as the applicant types).
     * The credit code is not looked up among accounts and open applications here: that answer is
     * given only to a draft's creation or change, after the mobile is proven, and counted per address.
     */
    public List<FieldError> validate(ApplicantForm form) {
        return forms.check(form, null, null).errors();
    }

    /**
     * A new draft holding the form, with its number and access code; the code is also sent to the
     * contact mobile, which the proof shows to be the applicant's. A retry with the same
     * {@code idempotencyKey} and the same request (the response was lost) gives the same draft
     * without a code: a new one goes to the contact mobile by SMS only, and the first stops working.
     *
     * @throws FormRefusedException the form breaks a rule or the proof is missing or wrong; nothing was created
     */
    public DraftCreated createDraft(ApplicantForm form, MobileProof proof, Locale locale, String idempotencyKey) {
        return createDraft(form, proof, locale, idempotencyKey, null);
    }

    /**
     * A draft asked for by a client over the public form or API: also counted against the draft
     * limits of its contact mobile and its address ({@code registration.draft.tooMany} past them),
     * and its credit code's lookup against the address's lookups ({@code registration.uscc.tooManyChecks}).
     *
     * @param clientAddress the client's address; null for a caller that is no public request
     * @throws UserFacingException {@code registration.idempotencyKey.reused} (409): the key came with another request
     */
    public DraftCreated createDraft(ApplicantForm form, MobileProof proof, Locale locale, String idempotencyKey,
                                    String clientAddress) {
        ApplicantForms.Checked checked = forms.check(form, null, null);
        if (!checked.valid()) {
            throw new FormRefusedException(checked.errors());
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 100) {
            throw new UserFacingException("registration.idempotencyKey.tooLong");
        }
        String mobile = checked.form().contactMobile();
        String requestHash = key == null ? null : IdempotentRequests.hash(checked.form(), proof);
        if (key != null) {
            Optional<DraftCreated> retried = retry(key, requestHash, mobile, clientAddress);
            if (retried.isPresent()) {
                return retried.get();
            }
        }
        try {
            mobileProofs.check(proof, mobile);
        } catch (MobileProofRefused refused) {
            throw formRefused(refused);
        }
        if (clientAddress != null) {
            draftThrottle.count(mobile, clientAddress);
        }
        String code = ApplicantCodes.newAccessCode();
        String hash = codes.hash(code);
        try {
            String number = transaction.execute(status -> {
                // the credit code's look-ups in the draft's own transaction, not in one each
                ApplicantForms.Checked looked = forms.check(form, null, lookups(clientAddress));
                if (!looked.valid()) {
                    throw new FormRefusedException(looked.errors());
                }
                ApplicantForm valid = looked.form();
                if (key != null && applications.findByIdempotencyKey(key).isPresent()) {
                    throw new UserFacingException("registration.idempotencyKey.inProgress");
                }
                try {
                    mobileProofs.use(proof, mobile);
                } catch (MobileProofRefused refused) {
                    throw formRefused(refused);
                }
                OffsetDateTime now = records.now();
                RegistrationApplication application = applications.saveAndFlush(new RegistrationApplication(newNumber(now),
                        valid, Objects.requireNonNullElse(locale, Locale.SIMPLIFIED_CHINESE), hash, key, requestHash, now));
                records.event(application.id(), "DRAFT_CREATED", APPLICANT_ACTOR + application.number(), null, true);
                notices.accessCode(application, code);
                return application.number();
            });
            return new DraftCreated(number, code, new ApplicantAccess(number));
        } catch (DataIntegrityViolationException sameKeyAtOnce) {
            throw new UserFacingException(sameKeyAtOnce, "registration.idempotencyKey.inProgress");
        }
    }

    /**
     * The draft made with this key, if any: the same request gets the same draft and a new code by SMS
     * only (the caller already proved the mobile with the first request, whose proof code the request
     * hash covers); another request with the key is refused.
     */
    private Optional<DraftCreated> retry(String key, String requestHash, String mobile, String clientAddress) {
        Optional<String> stored = transaction.execute(status -> applications.findByIdempotencyKey(key)
                .map(a -> Objects.requireNonNullElse(a.idempotencyRequestHash(), "")));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!IdempotentRequests.same(stored.get(), requestHash)) {
            // before anything is counted: a stranger's key must not use up the limits of the mobile it names
            throw new UserFacingException("registration.idempotencyKey.reused");
        }
        if (clientAddress != null) {
            // a re-issued code is an SMS like a new draft's
            draftThrottle.count(mobile, clientAddress);
        }
        String code = ApplicantCodes.newAccessCode();
        String hash = codes.hash(code);
        return Optional.of(transaction.execute(status -> {
            RegistrationApplication application = applications.findByIdempotencyKey(key).orElseThrow();
            if (!IdempotentRequests.same(application.idempotencyRequestHash(), requestHash)) {
                throw new UserFacingException("registration.idempotencyKey.reused");
            }
            if (application.state() != RegistrationState.DRAFT) {
                throw new UserFacingException("registration.idempotencyKey.used", application.number());
            }
            application.replaceAccessCode(hash);
            records.event(application.id(), "ACCESS_CODE_REISSUED", APPLICANT_ACTOR + application.number(), null, true);
            notices.accessCode(application, code);
            return DraftCreated.reissued(application.number(), Masking.mobile(application.contactMobile()));
        }));
    }

    /** What runs before a credit code is looked up: counted per address for a public caller. */
    private Runnable lookups(String clientAddress) {
        return clientAddress == null ? ApplicantForms.UNCOUNTED : () -> usccChecks.count(clientAddress);
    }

    /** Changes a draft's form (the applicant went back a step), for a caller that is no public request. */
    public void updateDraft(ApplicantAccess access, ApplicantForm form) {
        updateDraft(access, form, null);
    }

    /**
     * Changes a draft's form. The contact mobile stays the one proven for the draft
     * ({@code registration.mobileProof.mobileChanged}); a changed credit code is looked up under the
     * address's limit.
     */
    public void updateDraft(ApplicantAccess access, ApplicantForm form, String clientAddress) {
        transaction.executeWithoutResult(status -> {
            RegistrationApplication application = draft(access);
            ApplicantForms.Checked checked = forms.check(form, application.number(),
                    clientAddress != null && !Objects.equals(form.uscc() == null ? null : form.uscc().strip(), application.uscc())
                            ? lookups(clientAddress) : ApplicantForms.UNCOUNTED);
            List<FieldError> errors = new ArrayList<>(checked.errors());
            if (checked.form().contactMobile() != null && !checked.form().contactMobile().equals(application.contactMobile())
                    && errors.stream().noneMatch(e -> e.field() == FormField.CONTACT_MOBILE)) {
                errors.add(FieldError.of(FormField.CONTACT_MOBILE, "registration.mobileProof.mobileChanged"));
            }
            if (!errors.isEmpty()) {
                throw new FormRefusedException(errors);
            }
            application.update(checked.form());
        });
    }

    /** The form as last saved, for editing a draft (unmasked: the applicant's own data). */
    public ApplicantForm form(ApplicantAccess access) {
        return transaction.execute(status -> application(access).form());
    }

    /**
     * Stores a document into one of the application's slots: while a draft, any slot its type asks
     * for; while documents are requested, the requested slots (a new version beside the old).
     */
    public DocumentInfo upload(ApplicantAccess access, String slot, String originalName, String declaredType, InputStream in) {
        String number = access.number();
        transaction.executeWithoutResult(status -> requireUploadable(application(access), slot));
        return documents.upload(number, slot, originalName, declaredType, in, APPLICANT_ACTOR + number);
    }

    /** Whether a slot takes uploads now (the UI shows an upload field only then). */
    public boolean uploadable(ApplicantAccess access, String slot) {
        try {
            transaction.executeWithoutResult(status -> requireUploadable(application(access), slot));
            return true;
        } catch (UserFacingException e) {
            return false;
        }
    }

    /** Reads of this application's documents (previews, originals) for its applicant. */
    public Access documentAccess(ApplicantAccess access) {
        return Access.applicantOf(access.number());
    }

    private void requireUploadable(RegistrationApplication application, String slot) {
        switch (application.state()) {
            case DRAFT -> {
                if (!requiredSlots(application.legalPersonType(), application.agentApplies()).contains(slot)) {
                    throw new UserFacingException("registration.upload.slotNotRequired");
                }
            }
            case AWAITING_SUPPLEMENT -> {
                if (!application.supplementSlots().contains(slot)) {
                    throw new UserFacingException("registration.upload.slotNotRequested");
                }
            }
            default -> throw new UserFacingException("registration.upload.closed");
        }
    }

    /**
     * Submits the draft: the credit code is held against a second application, the process starts
     * (its checks run after this commits) and the applicant is told. Submitting again returns the same.
     *
     * @throws FormRefusedException a rule is broken now (a document missing, the code taken meanwhile,
     *     no declaration); the draft stays as it was
     */
    public Submitted submit(ApplicantAccess access, boolean declarationAccepted) {
        try {
            return transaction.execute(status -> {
                RegistrationApplication application = application(access);
                if (application.state() != RegistrationState.DRAFT) {
                    return submitted(application);
                }
                List<FieldError> errors = new ArrayList<>(forms.check(application.form(), application.number(),
                        ApplicantForms.UNCOUNTED).errors());
                missingDocuments(application, requiredSlots(application.legalPersonType(), application.agentApplies()), null)
                        .forEach(errors::add);
                if (!declarationAccepted) {
                    errors.add(FieldError.of(FormField.DECLARATION, "registration.declaration.required"));
                }
                deregistrations.openDeregistration(application.uscc()).ifPresent(open -> errors.add(FieldError.of(
                        FormField.USCC, "registration.uscc.openDeregistration." + open.state().name())));
                if (!errors.isEmpty()) {
                    throw new FormRefusedException(errors);
                }
                application.submit(records.now());
                // one write of the row: the flush that holds the credit code comes after the start (a refusal
                // of the code rolls the start back with it), not once before it and again for the instance id
                application.started(runtime.startProcessInstanceByKey(RegistrationProcess.KEY, application.number())
                        .getProcessInstanceId());
                applications.saveAndFlush(application);
                records.event(application.id(), "SUBMITTED", APPLICANT_ACTOR + application.number(), null, true);
                audit.record(APPLICANT_ACTOR + application.number(), AUDIT_SUBMITTED, application.number(), application.uscc());
                notices.send(application, "submitted", application.number());
                return submitted(application);
            });
        } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException race) {
            return afterRace(access, race);
        }
    }

    /** Another submit won: the same draft (a double click) or another application for the code. */
    private Submitted afterRace(ApplicantAccess access, RuntimeException race) {
        return transaction.execute(status -> {
            RegistrationApplication application = application(access);
            if (application.state() != RegistrationState.DRAFT) {
                return submitted(application);
            }
            if (applications.findByOpenUscc(application.uscc()).isEmpty()) {
                throw new UserFacingException(race, "registration.submit.retry");
            }
            // not the winner's number: this caller proved no right to that application
            throw new FormRefusedException(List.of(FieldError.of(FormField.USCC, "registration.uscc.openApplication")));
        });
    }

    private static Submitted submitted(RegistrationApplication application) {
        return new Submitted(application.number(), application.state(), application.submittedAt());
    }

    // ---- applicant: status, supplement, receipt ------------------------------------------

    /**
     * One transaction, not a read-only one: the required documents come from a DMN decision, whose
     * evaluation the engine writes to its history, and a matched legacy access code is rewritten to its
     * keyed hash (PostgreSQL refuses both in a read-only transaction; H2 does not notice).
     */
    public ApplicationStatus status(ApplicantAccess access) {
        return transaction.execute(status -> {
            RegistrationApplication a = application(access);
            List<String> slots = requiredSlots(a.legalPersonType(), a.agentApplies());
            Map<String, DocumentInfo> newest = documents.latestVersions(a.number());
            Map<String, DocumentInfo> latest = new LinkedHashMap<>();
            for (String slot : slots) {
                if (newest.containsKey(slot)) {
                    latest.put(slot, newest.get(slot));
                }
            }
            SupplementRequest supplement = a.state() == RegistrationState.AWAITING_SUPPLEMENT
                    ? new SupplementRequest(a.supplementSlots(), a.supplementReason(), records.requestedReasons(a.id()),
                            a.supplementRequestedAt(), a.supplementDue())
                    : null;
            boolean decided = a.state() == RegistrationState.REJECTED || a.state() == RegistrationState.APPROVED;
            return new ApplicationStatus(a.number(), a.state(), a.legalPersonType(), a.name(), a.uscc(),
                    Masking.personName(a.representativeName()), Masking.mobile(a.contactMobile()), a.createdAt(),
                    a.submittedAt(), a.reviewDue(), slots, latest, records.timeline(a.id(), true),
                    decided ? records.rejectionReasons(a.id()) : List.of(), decided ? a.decisionText() : null, supplement,
                    stopReasons(a));
        });
    }

    /** Why the automated checks stopped the application, if they did (the status page shows it). */
    public List<CheckResult> stopReasons(ApplicantAccess access) {
        return transaction.execute(status -> stopReasons(application(access)));
    }

    private List<CheckResult> stopReasons(RegistrationApplication application) {
        return records.checks(application.id()).stream().filter(c -> c.outcome() == CheckResult.Outcome.STOPPED).toList();
    }

    /**
     * The applicant has uploaded a new version of every requested document: the review goes on
     * and its clock resumes.
     *
     * @throws FormRefusedException a requested document has no new version yet
     */
    public void answerSupplement(ApplicantAccess access) {
        transaction.executeWithoutResult(status -> {
            RegistrationApplication application = application(access);
            if (application.state() != RegistrationState.AWAITING_SUPPLEMENT) {
                throw new UserFacingException("registration.supplement.notAwaited");
            }
            List<FieldError> missing = missingDocuments(application, application.supplementSlots(),
                    application.supplementRequestedAt()).toList();
            if (!missing.isEmpty()) {
                throw new FormRefusedException(missing);
            }
            Task task = tasks.createTaskQuery().processInstanceId(application.processInstanceId())
                    .taskDefinitionKey(RegistrationProcess.Activity.SUPPLEMENT).singleResult();
            if (task == null) {
                throw new UserFacingException("registration.supplement.notAwaited");
            }
            records.event(application.id(), "SUPPLEMENT_ANSWERED", APPLICANT_ACTOR + application.number(), null, true);
            tasks.complete(task.getId());
            // the reviewer who asked for the documents knows the case: the review comes back to them
            requester(application).ifPresent(reviewer -> Optional.ofNullable(tasks.createTaskQuery()
                            .processInstanceId(application.processInstanceId())
                            .taskDefinitionKey(RegistrationProcess.Activity.REVIEW).singleResult())
                    .ifPresent(review -> tasks.setAssignee(review.getId(), reviewer)));
        });
    }

    private Optional<String> requester(RegistrationApplication application) {
        List<TimelineEntry> timeline = records.timeline(application.id(), false);
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).kind().equals(RegistrationRecords.DECIDED_REQUEST)) {
                return Optional.of(timeline.get(i).actor());
            }
        }
        return Optional.empty();
    }

    /** The acceptance receipt (受理回执) PDF, once the application was submitted. */
    public byte[] receipt(ApplicantAccess access) {
        ReceiptContent content = transaction.execute(status -> {
            RegistrationApplication a = application(access);
            if (a.submittedAt() == null) {
                throw new UserFacingException("registration.receipt.notSubmitted");
            }
            Locale zh = Locale.SIMPLIFIED_CHINESE;
            List<ReceiptDocument> listed = new ArrayList<>();
            for (String slot : requiredSlots(a.legalPersonType(), a.agentApplies())) {
                for (DocumentInfo d : documents.versions(a.number(), slot)) {
                    listed.add(new ReceiptDocument(messages.getMessage(slotKey(slot), null, slot, zh), d.displayName(),
                            d.version(), d.pageCount()));
                }
            }
            // before the checks have started the clock, the date the review would be due if it started now
            OffsetDateTime dueAt = a.reviewDue() != null ? a.reviewDue()
                    : a.state().isOpen() ? calendar.addWorkingDays(records.now().atZoneSameInstant(calendar.zone()),
                            a.reviewDaysLeft() != null ? a.reviewDaysLeft() : properties.reviewWorkingDays()).toOffsetDateTime()
                    : null;
            LocalDate due = dueAt == null ? null : dueAt.atZoneSameInstant(calendar.zone()).toLocalDate();
            return new ReceiptContent(a.number(), a.name(), a.uscc(),
                    messages.getMessage(a.legalPersonType().messageKey(), null, zh),
                    Masking.personName(a.representativeName()), Masking.mobile(a.contactMobile()), a.submittedAt(),
                    listed, properties.reviewWorkingDays(), due,
                    messages.getMessage("registration.receipt.statusHint", new Object[]{a.number()}, zh));
        });
        return receipts.render(content);
    }

    /** The bundle key of a document slot's name. */
    public static String slotKey(String slot) {
        return "registration.slot." + slot;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private java.util.stream.Stream<FieldError> missingDocuments(RegistrationApplication application, List<String> slots,
                                                                 OffsetDateTime newerThan) {
        Map<String, DocumentInfo> latest = documents.latestVersions(application.number());
        return slots.stream()
                .filter(slot -> Optional.ofNullable(latest.get(slot))
                        .filter(d -> newerThan == null || d.createdAt().isAfter(newerThan))
                        .isEmpty())
                .map(slot -> FieldError.of(FormField.DOCUMENTS, "registration.documents.missing." + slot));
    }

    private RegistrationApplication application(ApplicantAccess access) {
        Objects.requireNonNull(access, "access");
        return byNumber(access.number());
    }

    private RegistrationApplication draft(ApplicantAccess access) {
        RegistrationApplication application = application(access);
        if (application.state() != RegistrationState.DRAFT) {
            throw new UserFacingException("registration.draft.alreadySubmitted");
        }
        return application;
    }

    private RegistrationApplication byNumber(String number) {
        return applications.findByNumber(number).orElseThrow(() -> new UserFacingException("registration.notFound"));
    }

    /**
     * RD + the day in China + 6 random digits: the same shape as before (searches and the inbox know
     * it), but a number says nothing about its neighbours, so numbers cannot be walked in sequence.
     */
    private String newNumber(OffsetDateTime createdAt) {
        return CaseNumbers.draw(PREFIX, createdAt.atZoneSameInstant(calendar.zone()).toLocalDate(),
                        candidate -> applications.findByNumber(candidate).isPresent())
                .orElseThrow(() -> new UserFacingException("registration.submit.retry"));
    }

    /** The number of the application created at that moment with that suffix, its day reckoned in the business zone. */
    static String number(OffsetDateTime createdAt, long suffix, ZoneId zone) {
        return CaseNumbers.format(PREFIX, createdAt.atZoneSameInstant(zone).toLocalDate(), suffix);
    }


    /**
     * Sends an SMS code proving the contact mobile (the shared {@link MobileProofs}), refusals at the
     * form's fields.
     *
     * @throws FormRefusedException the mobile is no mobile number (at the contact mobile field)
     * @throws UserFacingException too many codes for the mobile or from the address
     */
    public MobileProofs.Requested requestMobileCode(String mobile, Locale locale, String clientAddress) {
        try {
            return mobileProofs.request(mobile, locale, clientAddress);
        } catch (MobileProofRefused refused) {
            throw formRefused(refused);
        }
    }

    private static FormRefusedException formRefused(MobileProofRefused refused) {
        FormField field = refused.field() == MobileProofRefused.Field.MOBILE ? FormField.CONTACT_MOBILE : FormField.MOBILE_CODE;
        return new FormRefusedException(List.of(new FieldError(field, refused.rule())));
    }
}
