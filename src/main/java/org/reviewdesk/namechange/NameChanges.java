package org.reviewdesk.namechange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.applicants.AccessCodes;
import org.reviewdesk.applicants.ApplicantFields;
import org.reviewdesk.applicants.CaseDoors;
import org.reviewdesk.applicants.CaseNumbers;
import org.reviewdesk.applicants.CaseLog;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant's side of process 3, a 企业's name change on its new business licence, and its one
 * public door for other capabilities (the window): start online (the applicant's mobile proven by SMS
 * code) or at the window (a window clerk), the status with the access code, and the licence uploaded
 * again when the reviewer asks for it.
 *
 * <p>Every rule is enforced here, whoever calls: only a 企业 changes its name (机关, 事业单位, 社会团体
 * and 个体工商户 deregister and register again, the portal's rule), its ACTIVE account exists, the new
 * name differs from the one on record, and no other name change for the code is open (held by the
 * database, {@code name_change.open_uscc}, across nodes). The licence is inspected by the document
 * service before anything is recorded: a refused file leaves no case. A case starts with its licence
 * at once (the public page) or first and its licence after (the public API, the window): upload, submit.
 */
@Service
public class NameChanges {

    /** The one document slot: the new business licence. */
    public static final String LICENCE_SLOT = "new-licence";
    static final String VIA_ONLINE = "ONLINE";
    static final String VIA_WINDOW = "WINDOW";
    static final String APPLICANT = "applicant:";

    private final NameChangeRecords records;
    private final NameChangeProperties properties;
    private final EnterpriseAccounts accounts;
    private final DocumentService documents;
    private final MobileProofs mobileProofs;
    private final AccessCodes accessCodes;
    private final CaseDoors doors;
    private final NameChangeReceipt receipt;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditLog audit;
    private final BusinessTime time;
    private final TransactionTemplate transaction;

    NameChanges(NameChangeRecords records, NameChangeProperties properties, EnterpriseAccounts accounts, DocumentService documents,
                MobileProofs mobileProofs, AccessCodes accessCodes, CaseDoors doors, NameChangeReceipt receipt, Outbox outbox,
                RuntimeService runtime, TaskService tasks, AuditLog audit, BusinessTime time, PlatformTransactionManager transactions) {
        this.records = records;
        this.properties = properties;
        this.accounts = accounts;
        this.documents = documents;
        this.mobileProofs = mobileProofs;
        this.accessCodes = accessCodes;
        this.doors = doors;
        this.receipt = receipt;
        this.outbox = outbox;
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- starting a case --------------------------------------------------------------------------

    /**
     * The enterprise's applicant applies online with the new licence at once (the public page), the
     * mobile proven by an SMS code ({@link MobileProofs#request}). The process starts at once; its
     * checks run after the commit.
     *
     * @throws NameChangeRefused a field breaks a rule, or the mobile proof is wrong (field {@code mobileCode})
     * @throws UserFacingException not a 企业 (the portal's rule), no ACTIVE account, the same name, a case
     *     already open, or the licence refused by the inspection
     */
    public NameChangeStarted apply(NameChangeRequest request, MobileProof proof, LicenceFile licence, Locale locale) {
        NameChangeRequest valid = validate(request);
        checkProof(proof, valid);
        return start(valid, licence, VIA_ONLINE, APPLICANT + valid.applicantMobile(), locale, false, () -> useProof(proof, valid));
    }

    /**
     * The enterprise's applicant starts a case online without the licence yet (the public API): the
     * licence is uploaded with {@link #upload} and the case submitted with {@link #submit}. The case
     * holds the credit code from now on.
     *
     * @throws NameChangeRefused a field breaks a rule, or the mobile proof is wrong (field {@code mobileCode})
     * @throws UserFacingException not a 企业, no ACTIVE account, the same name, or a case already open
     */
    public NameChangeStarted startOnline(NameChangeRequest request, MobileProof proof, Locale locale) {
        NameChangeRequest valid = validate(request);
        checkProof(proof, valid);
        return start(valid, null, VIA_ONLINE, APPLICANT + valid.applicantMobile(), locale, false, () -> useProof(proof, valid));
    }

    /**
     * A window clerk applies for a walk-in applicant whose identity they check in person, with the
     * scanned licence. The applicant's ID document is required (the window's identity check compares
     * the original with it); the applicant's mobile gets the number and access code too.
     *
     * @throws org.springframework.security.access.AccessDeniedException the user is no window clerk
     */
    public NameChangeStarted startAtWindow(NameChangeRequest request, LicenceFile licence, CurrentUser clerk, Locale locale) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        if (licence == null || licence.content() == null) {
            throw new UserFacingException("namechange.start.licenceRequired");
        }
        return start(validate(request, true), licence, VIA_WINDOW, clerk.username(), locale, true, () -> { });
    }

    /**
     * A window clerk starts a case for a walk-in applicant, with the applicant's ID document, and scans
     * the licence afterwards ({@link #uploadAtWindow}, then {@link #submitAtWindow}).
     *
     * @throws org.springframework.security.access.AccessDeniedException the user is no window clerk
     */
    public NameChangeStarted startAtWindow(NameChangeRequest request, CurrentUser clerk, Locale locale) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return start(validate(request, true), null, VIA_WINDOW, clerk.username(), locale, true, () -> { });
    }

    private void checkProof(MobileProof proof, NameChangeRequest valid) {
        try {
            mobileProofs.check(proof, valid.applicantMobile());
        } catch (MobileProofRefused refused) {
            throw new NameChangeRefused(List.of(new NameChangeRefused.FieldError("mobileCode", refused.rule())));
        }
    }

    private void useProof(MobileProof proof, NameChangeRequest valid) {
        try {
            mobileProofs.use(proof, valid.applicantMobile());
        } catch (MobileProofRefused refused) {
            throw new NameChangeRefused(List.of(new NameChangeRefused.FieldError("mobileCode", refused.rule())));
        }
    }

    /**
     * Whether a credit code may use this process: the legal-person type its account has (or, with no
     * account, its code says) must be 企业. The refusal carries the portal's rule for the other types.
     */
    public void requireEnterprise(String uscc) {
        UsccCheck check = UsccValidator.check(uscc);
        if (check instanceof UsccCheck.Accepted accepted) {
            LegalPersonType type = accounts.findActive(accepted.normalised()).map(EnterpriseAccount::legalPersonType)
                    .orElse(accepted.legalPersonType());
            requireEnterprise(type);
        }
    }

    private static void requireEnterprise(LegalPersonType type) {
        if (type != LegalPersonType.ENTERPRISE) {
            throw new UserFacingException("namechange.start.reRegister", type.messageKey());
        }
    }

    /**
     * Opens a case, with its licence (submitted at once: the process starts) or without (STARTED). The
     * database holds one open case per code ({@code name_change.open_uscc}): of two starts at once on
     * any nodes one wins, the other is told a case is open (its number only to staff). A licence is
     * inspected and stored before anything is recorded: a refused file leaves no case, and the file
     * of a start that lost the race is swept as an orphan.
     */
    private NameChangeStarted start(NameChangeRequest request, LicenceFile licence, String via, String by, Locale locale,
                                    boolean staff, Runnable inTransaction) {
        String uscc = request.uscc();
        Optional<EnterpriseAccount> found = accounts.findActive(uscc);
        requireEnterprise(found.map(EnterpriseAccount::legalPersonType).orElse(UsccValidator.check(uscc) instanceof UsccCheck.Accepted a
                ? a.legalPersonType() : LegalPersonType.OTHER));
        EnterpriseAccount account = found.orElseThrow(() -> new UserFacingException("namechange.start.noActiveAccount", uscc));
        if (ApplicantFields.sameName(account.name(), request.newName())) {
            throw new UserFacingException("namechange.start.sameName", account.name());
        }
        records.openFor(uscc).filter(open -> !stale(open)).ifPresent(open -> {
            throw alreadyOpen(null, staff, open);
        });
        Locale language = Objects.requireNonNullElse(locale, Locale.SIMPLIFIED_CHINESE);
        String number = newNumber();
        if (licence != null) {
            documents.upload(number, LICENCE_SLOT, licence.originalName(), licence.declaredType(), licence.content(), by);
        }
        String code = AccessCodes.newCode();
        String hash = accessCodes.hash(code);
        try {
            transaction.executeWithoutResult(status -> {
                releaseIfStale(uscc);
                inTransaction.run();
                NameChangeState state = licence == null ? NameChangeState.STARTED : NameChangeState.CHECKING;
                long id = records.insert(number, state, request, account.name(), via, by, language.toLanguageTag(), hash);
                records.event(id, "STARTED_" + via, by, null, true);
                if (licence != null) {
                    records.processStarted(id, runtime.startProcessInstanceByKey(NameChangeProcess.KEY, number).getId());
                }
                audit.record(by, "NAME_CHANGE_STARTED", number, uscc + " via " + via);
                outbox.enqueue(Notification.sms(request.applicantMobile(), number, "namechange.notice.accessCode.sms", language, true,
                        number, code, properties.statusUrl()));
            });
        } catch (DataIntegrityViolationException anotherIsOpen) {
            throw alreadyOpen(anotherIsOpen, staff, transaction.execute(status -> records.openFor(uscc)).orElse(null));
        }
        return new NameChangeStarted(number, code);
    }

    /** Staff see the open case's number; an applicant proved no right to it and is told only that one is open. */
    private static UserFacingException alreadyOpen(Throwable cause, boolean staff, NameChangeCase open) {
        if (staff && open != null) {
            return new UserFacingException(cause, "namechange.start.alreadyOpenNumber", open.number());
        }
        return new UserFacingException(cause, "namechange.start.alreadyOpen");
    }

    private boolean stale(NameChangeCase c) {
        return c.state() == NameChangeState.STARTED && c.createdAt().plus(properties.unsubmittedRetention()).isBefore(records.now());
    }

    /** A case that never got its licence submitted within the retention no longer holds the code. */
    private void releaseIfStale(String uscc) {
        records.openFor(uscc).filter(this::stale).ifPresent(c -> {
            records.state(c.id(), NameChangeState.WITHDRAWN);
            records.event(c.id(), "WITHDRAWN", NameChangeSteps.SYSTEM, null, true);
        });
    }

    /** {@code NC}, the day in China and 6 random digits, drawn again while taken ({@link CaseNumbers}). */
    private String newNumber() {
        return CaseNumbers.draw("NC", time.today(), records::numberTaken)
                .orElseThrow(() -> new IllegalStateException("No free name-change number today"));
    }

    static boolean sameName(String onRecord, String wanted) {
        return ApplicantFields.sameName(onRecord, wanted);
    }

    /** The request with its code and mobile normalised, or every rule it breaks; the ID document only if given. */
    NameChangeRequest validate(NameChangeRequest r) {
        return validate(r, false);
    }

    /**
     * The request with its code, mobile and ID number normalised, or every rule it breaks. At the window
     * ({@code inPerson}) the applicant's ID document is required: the clerk checks it against the case.
     */
    NameChangeRequest validate(NameChangeRequest r, boolean inPerson) {
        if (r == null) {
            throw new NameChangeRefused(List.of(new NameChangeRefused.FieldError("uscc", RuleMessage.of("namechange.form.required"))));
        }
        List<NameChangeRefused.FieldError> errors = new ArrayList<>();
        Optional<String> uscc = ApplicantFields.uscc(r.uscc(), m -> errors.add(new NameChangeRefused.FieldError("uscc", m)));
        Optional<String> newName = ApplicantFields.text(r.newName(), 200, "namechange.form.required",
                m -> errors.add(new NameChangeRefused.FieldError("newName", m)));
        Optional<String> applicant = ApplicantFields.text(r.applicantName(), 100, "namechange.form.required",
                m -> errors.add(new NameChangeRefused.FieldError("applicantName", m)));
        Optional<String> mobile = ApplicantFields.mobile(r.applicantMobile(),
                m -> errors.add(new NameChangeRefused.FieldError("applicantMobile", m)));
        boolean idGiven = inPerson || (r.applicantIdNumber() != null && !r.applicantIdNumber().isBlank());
        Optional<String> idNumber = !idGiven ? Optional.empty()
                : ApplicantFields.idNumber(r.applicantIdType(), r.applicantIdNumber(), time.today(), "namechange.form.required",
                        m -> errors.add(new NameChangeRefused.FieldError("applicantIdType", m)),
                        m -> errors.add(new NameChangeRefused.FieldError("applicantIdNumber", m)));
        if (!errors.isEmpty()) {
            throw new NameChangeRefused(errors);
        }
        return new NameChangeRequest(uscc.orElseThrow(), newName.orElseThrow(), applicant.orElseThrow(), mobile.orElseThrow(),
                idGiven ? r.applicantIdType() : null, idNumber.orElse(null));
    }

    // ---- the licence and the submit ---------------------------------------------------------------

    /**
     * The new licence into the case's one slot ({@value #LICENCE_SLOT}), inspected by the document
     * service (type by content, size, pages, active content); while the case is STARTED.
     */
    public DocumentInfo upload(NameChangeAccess access, String slot, String originalName, String declaredType, InputStream in) {
        return upload(byNumber(access.number()), slot, originalName, declaredType, in, APPLICANT + access.number());
    }

    /** A window clerk scans the walk-in applicant's licence into the case's slot. */
    public DocumentInfo uploadAtWindow(String number, String slot, String originalName, String declaredType, InputStream in,
                                       CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return upload(byNumber(number), slot, originalName, declaredType, in, clerk.username());
    }

    private DocumentInfo upload(NameChangeCase c, String slot, String originalName, String declaredType, InputStream in, String actor) {
        if (!LICENCE_SLOT.equals(slot)) {
            throw new UserFacingException("namechange.upload.unknownSlot", LICENCE_SLOT);
        }
        if (c.state() != NameChangeState.STARTED) {
            throw new UserFacingException("namechange.upload.notNow");
        }
        if (in == null) {
            throw new UserFacingException("namechange.start.licenceRequired");
        }
        return documents.upload(c.number(), slot, originalName, declaredType, in, actor);
    }

    /** Submits a started case once its licence is uploaded: the process starts, its checks run after the commit. */
    public void submit(NameChangeAccess access) {
        submit(access.number(), APPLICANT + access.number());
    }

    /** The window clerk submits what they scanned for the walk-in applicant. */
    public void submitAtWindow(String number, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        submit(number, clerk.username());
    }

    private void submit(String number, String actor) {
        transaction.executeWithoutResult(status -> {
            NameChangeCase c = byNumber(number);
            if (c.state() == NameChangeState.WITHDRAWN) {
                throw new UserFacingException("namechange.submit.withdrawn", c.number());
            }
            if (c.state() != NameChangeState.STARTED) {
                throw new UserFacingException("namechange.submit.alreadySubmitted", c.number());
            }
            if (documents.versions(c.number(), LICENCE_SLOT).isEmpty()) {
                throw new UserFacingException("namechange.start.licenceRequired");
            }
            String pid = runtime.startProcessInstanceByKey(NameChangeProcess.KEY, c.number()).getId();
            records.submitted(c.id(), pid);
            records.event(c.id(), "SUBMITTED", actor, null, true);
            audit.record(actor, "NAME_CHANGE_SUBMITTED", c.number(), c.uscc());
        });
    }

    // ---- the applicant's access -------------------------------------------------------------------

    /**
     * Checks a case number and its access code under a throttle per client address (every attempt
     * counts; a right code gives it back). An unknown number and a wrong code get the same answer.
     */
    public NameChangeAccess open(String number, String accessCode, String clientAddress) {
        CaseDoors.Door door = new CaseDoors.Door("namechange-access", properties.accessMaxFailuresPerAddress(),
                properties.accessLockDuration(), "namechange.access.locked", "namechange.access.denied");
        return new NameChangeAccess(doors.open(door, number, accessCode, clientAddress,
                wanted -> transaction.execute(status -> records.byNumber(wanted).map(NameChangeCase::accessCodeHash))));
    }

    /**
     * The reviewer asked for the licence again: a new version is inspected and stored, and the review
     * goes on with it.
     */
    public DocumentInfo supplyLicence(NameChangeAccess access, LicenceFile licence) {
        NameChangeCase c = byNumber(access.number());
        if (c.state() != NameChangeState.AWAITING_LICENCE) {
            throw new UserFacingException("namechange.supply.notAwaited");
        }
        if (licence == null || licence.content() == null) {
            throw new UserFacingException("namechange.start.licenceRequired");
        }
        DocumentInfo stored = documents.upload(c.number(), LICENCE_SLOT, licence.originalName(), licence.declaredType(),
                licence.content(), APPLICANT + c.number());
        transaction.executeWithoutResult(status -> {
            Task task = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                    .taskDefinitionKey(NameChangeProcess.Activity.SUPPLY_LICENCE).singleResult();
            if (task == null) {
                throw new UserFacingException("namechange.supply.notAwaited");
            }
            records.state(c.id(), NameChangeState.IN_REVIEW);
            records.event(c.id(), "LICENCE_SUPPLIED", APPLICANT + c.number(), null, true);
            tasks.complete(task.getId());
        });
        return stored;
    }

    /** The case as the window clerk's case page shows it to the walk-in applicant. */
    public NameChangeStatus statusAtWindow(String number, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return status(new NameChangeAccess(byNumber(number).number()));
    }

    /** The case as its applicant sees it. */
    public NameChangeStatus status(NameChangeAccess access) {
        return transaction.execute(status -> {
            NameChangeCase c = byNumber(access.number());
            List<NameChangeStatus.Entry> timeline = records.events(c.id(), true).stream()
                    .map(e -> new NameChangeStatus.Entry(e.at(), e.kind())).toList();
            return new NameChangeStatus(c.number(), c.state(), c.uscc(), c.oldName(), c.newName(), timeline,
                    c.state() == NameChangeState.AWAITING_LICENCE ? c.requestReason() : null,
                    c.state() == NameChangeState.REJECTED ? c.decisionText() : null, stopReason(c),
                    documents.versions(c.number(), LICENCE_SLOT).size(), c.renamedAt(), c.submittedAt(),
                    c.state() == NameChangeState.IN_REVIEW ? c.reviewDue() : null, receiptAvailable(c));
        });
    }

    private RuleMessage stopReason(NameChangeCase c) {
        return c.state() != NameChangeState.STOPPED ? null
                : records.checks(c.id()).stream().filter(k -> k.outcome() == CaseLog.Outcome.STOPPED)
                        .map(CaseLog.Check::message).findFirst().orElse(null);
    }

    // ---- the receipt ------------------------------------------------------------------------------

    /**
     * The acceptance receipt (受理回执) of a submitted case as a PDF; once renamed, the confirmation of
     * the change (old name, new name, when, the case number).
     *
     * @throws UserFacingException {@code namechange.receipt.notYet} before the submit; {@code receipt.fontMissing}
     */
    public byte[] receiptPdf(NameChangeAccess access) {
        return receiptPdf(byNumber(access.number()));
    }

    /** The receipt for the window clerk to print for the walk-in applicant. */
    public byte[] receiptPdf(String number, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        NameChangeCase c = byNumber(number);
        byte[] pdf = receiptPdf(c);
        transaction.executeWithoutResult(status -> audit.record(clerk.username(), "NAME_CHANGE_RECEIPT_PRINTED", c.number(), c.uscc()));
        return pdf;
    }

    private byte[] receiptPdf(NameChangeCase c) {
        if (!receiptAvailable(c)) {
            throw new UserFacingException("namechange.receipt.notYet");
        }
        return receipt.render(c, properties.reviewWorkingDays());
    }

    private static boolean receiptAvailable(NameChangeCase c) {
        return c.submittedAt() != null && c.state() != NameChangeState.STARTED && c.state() != NameChangeState.WITHDRAWN;
    }

    private NameChangeCase byNumber(String number) {
        return records.byNumber(number == null ? "" : number.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new UserFacingException("namechange.notFound"));
    }
}
