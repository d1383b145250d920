package org.reviewdesk.representative;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.applicants.AccessCodes;
import org.reviewdesk.applicants.ApplicantFields;
import org.reviewdesk.applicants.CaseDoors;
import org.reviewdesk.applicants.CaseLog;
import org.reviewdesk.applicants.CaseNumbers;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant's side of process 2, legal-representative change and deregistration (认证注销), and
 * its one public door for other capabilities: starting a case online (the new representative, mobile
 * proven by SMS), at the window (a window clerk) or for a hotline caller (a hotline agent); the
 * documents, the submit that starts the process, the answer to a request for documents, the status.
 *
 * <p>Every rule is enforced here, whoever calls: the code has an ACTIVE account (none: nothing is
 * opened), the new representative is not the one on record, a 企业 changes its name by process 3, and
 * the database holds one open case per credit code ({@code representative_change.open_uscc}).
 */
@Service
public class RepresentativeChanges {

    static final String VIA_ONLINE = "ONLINE";
    static final String VIA_WINDOW = "WINDOW";
    static final String VIA_HOTLINE = "HOTLINE";
    static final String APPLICANT = "applicant:";
    static final String AUDIT_STARTED = "REPRESENTATIVE_CHANGE_STARTED";
    private static final String REQUIRED = "representative.form.required";
    private static final String ACCESS_SCOPE = "representative-access";
    static final String NUMBER_PREFIX = "DR";
    /** Numbers drawn in one start when the drawn one was taken by a start committing at the same moment. */
    private static final int NUMBER_ATTEMPTS = 3;

    private final RepresentativeRecords records;
    private final RepresentativeDocuments requiredDocuments;
    private final RepresentativeNotices notices;
    private final RepresentativeReceipts receipts;
    private final RepresentativeProperties properties;
    private final EnterpriseAccounts accounts;
    private final DocumentService documents;
    private final MobileProofs mobileProofs;
    private final AccessCodes accessCodes;
    private final CaseDoors doors;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditLog audit;
    private final BusinessTime time;
    private final TransactionTemplate transaction;

    RepresentativeChanges(RepresentativeRecords records, RepresentativeDocuments requiredDocuments, RepresentativeNotices notices,
                          RepresentativeReceipts receipts, RepresentativeProperties properties, EnterpriseAccounts accounts, DocumentService documents,
                          MobileProofs mobileProofs, AccessCodes accessCodes, CaseDoors doors, RuntimeService runtime,
                          TaskService tasks, AuditLog audit, BusinessTime time, PlatformTransactionManager transactions) {
        this.records = records;
        this.requiredDocuments = requiredDocuments;
        this.notices = notices;
        this.receipts = receipts;
        this.properties = properties;
        this.accounts = accounts;
        this.documents = documents;
        this.mobileProofs = mobileProofs;
        this.accessCodes = accessCodes;
        this.doors = doors;
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- starting a case --------------------------------------------------------------------------

    /**
     * The new representative (or their agent) starts a case online, the contact mobile proven by an
     * SMS code ({@link MobileProofs#request}).
     *
     * @throws ChangeRefused a field breaks a rule, or the mobile proof is wrong (field {@code mobileCode})
     * @throws UserFacingException no ACTIVE account, the same representative, or a case already open
     */
    public ChangeStarted startOnline(ChangeRequest request, MobileProof proof, Locale locale) {
        ChangeRequest valid = validate(request);
        try {
            mobileProofs.check(proof, valid.contactMobile());
        } catch (MobileProofRefused refused) {
            throw new ChangeRefused(List.of(new ChangeRefused.FieldError("mobileCode", refused.rule())));
        }
        return open(valid, VIA_ONLINE, APPLICANT + valid.contactMobile(), locale, false,
                () -> {
                    try {
                        mobileProofs.use(proof, valid.contactMobile());
                    } catch (MobileProofRefused refused) {
                        throw new ChangeRefused(List.of(new ChangeRefused.FieldError("mobileCode", refused.rule())));
                    }
                });
    }

    /**
     * A window clerk starts a case for a walk-in applicant, whose identity they checked in person.
     * The applicant's mobile gets the number and access code too.
     *
     * @throws org.springframework.security.access.AccessDeniedException the user is no window clerk
     */
    public ChangeStarted startAtWindow(ChangeRequest request, CurrentUser clerk, Locale locale) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return open(validate(request), VIA_WINDOW, clerk.username(), locale, true, () -> { });
    }

    /**
     * A hotline agent starts a case for a caller whose former representative cannot be reached: the
     * caller receives an SMS with the status page's link and the access code, and uploads there.
     *
     * @throws org.springframework.security.access.AccessDeniedException the user is no hotline agent
     */
    public ChangeStarted startForCaller(ChangeRequest request, CurrentUser agent, Locale locale) {
        Objects.requireNonNull(agent, "agent").requireRole(Role.HOTLINE_AGENT);
        return open(validate(request), VIA_HOTLINE, agent.username(), locale, true, () -> { });
    }

    private ChangeStarted open(ChangeRequest request, String via, String by, Locale locale, boolean staff, Runnable inTransaction) {
        String uscc = request.uscc();
        EnterpriseAccount account = accounts.findActive(uscc)
                .orElseThrow(() -> new UserFacingException("representative.start.noActiveAccount", uscc));
        if (RepresentativeOnRecord.isOnRecord(account, request.representativeName(), request.representativeIdType(),
                request.representativeIdNumber())) {
            throw new UserFacingException("representative.start.sameRepresentative");
        }
        if (request.reason() == ChangeReason.NAME_CHANGED && account.legalPersonType() == LegalPersonType.ENTERPRISE) {
            throw new UserFacingException("representative.start.enterpriseRenames");
        }
        Locale language = Objects.requireNonNullElse(locale, Locale.SIMPLIFIED_CHINESE);
        String code = AccessCodes.newCode();
        String hash = accessCodes.hash(code);
        String number = transaction.execute(status -> {
            releaseIfStale(uscc);
            inTransaction.run();
            for (int attempt = 1; ; attempt++) {
                String drawn = CaseNumbers.draw(NUMBER_PREFIX, time.today(), taken -> records.byNumber(taken).isPresent())
                        .orElseThrow(() -> new UserFacingException("representative.start.retry"));
                OptionalLong id = records.insertUnlessTaken(drawn, request, uscc, account.name(), account.legalPersonType(), via,
                        by, language.toLanguageTag(), hash);
                if (id.isPresent()) {
                    records.event(id.getAsLong(), "STARTED_" + via, by, null, true);
                    audit.record(by, AUDIT_STARTED, drawn, uscc + " via " + via);
                    notices.accessCode(request.contactMobile(), drawn, code, language);
                    return drawn;
                }
                Optional<ChangeCase> open = records.openFor(uscc);
                if (open.isPresent()) {
                    throw staff ? new UserFacingException("representative.start.alreadyOpenNumber", open.get().number(),
                            open.get().state().name()) : new UserFacingException("representative.start.alreadyOpen");
                }
                if (attempt == NUMBER_ATTEMPTS) {
                    throw new UserFacingException("representative.start.retry");
                }
                // no case holds the code: another start took the same number at the same moment; draw again
            }
        });
        return new ChangeStarted(number, code, new ChangeAccess(number));
    }

    /** A case that never got its documents submitted within the retention no longer holds the code. */
    private void releaseIfStale(String uscc) {
        records.openFor(uscc)
                .filter(c -> c.state() == ChangeState.AWAITING_DOCUMENTS)
                .filter(c -> c.createdAt().plus(properties.unsubmittedRetention()).isBefore(records.now()))
                .ifPresent(c -> {
                    records.state(c.id(), ChangeState.WITHDRAWN);
                    records.event(c.id(), "WITHDRAWN", "system", null, true);
                });
    }

    /** The request with its codes normalised, or every rule it breaks (the field rules of {@link ApplicantFields}). */
    ChangeRequest validate(ChangeRequest r) {
        List<ChangeRefused.FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw new ChangeRefused(List.of(new ChangeRefused.FieldError("uscc", RuleMessage.of(REQUIRED))));
        }
        Optional<String> uscc = ApplicantFields.uscc(r.uscc(), at(errors, "uscc"));
        if (r.reason() == null) {
            errors.add(new ChangeRefused.FieldError("reason", RuleMessage.of(REQUIRED)));
        } else if (r.reason() == ChangeReason.OTHER && blank(r.reasonText())) {
            errors.add(new ChangeRefused.FieldError("reasonText", RuleMessage.of("representative.form.reasonTextRequired")));
        }
        Optional<String> repName = ApplicantFields.text(r.representativeName(), 100, REQUIRED, at(errors, "representativeName"));
        Optional<String> repId = ApplicantFields.idNumber(r.representativeIdType(), r.representativeIdNumber(), time.today(), REQUIRED,
                at(errors, "representativeIdType"), at(errors, "representativeIdNumber"));
        Optional<String> repMobile = ApplicantFields.mobile(r.representativeMobile(), at(errors, "representativeMobile"));
        Optional<String> agentName = Optional.empty();
        Optional<String> agentId = Optional.empty();
        Optional<String> agentMobile = Optional.empty();
        if (r.agentApplies()) {
            agentName = ApplicantFields.text(r.agentName(), 100, REQUIRED, at(errors, "agentName"));
            agentId = ApplicantFields.idNumber(r.agentIdType(), r.agentIdNumber(), time.today(), REQUIRED,
                    at(errors, "agentIdType"), at(errors, "agentIdNumber"));
            agentMobile = ApplicantFields.mobile(r.agentMobile(), at(errors, "agentMobile"));
        }
        if (!errors.isEmpty()) {
            throw new ChangeRefused(errors);
        }
        String text = blank(r.reasonText()) ? null : r.reasonText().strip();
        if (text != null && text.length() > 500) {
            text = text.substring(0, 500);
        }
        return new ChangeRequest(uscc.orElseThrow(), r.reason(), text, repName.orElseThrow(), r.representativeIdType(),
                repId.orElseThrow(), repMobile.orElseThrow(), r.agentApplies(), agentName.orElse(null), r.agentIdType(),
                agentId.orElse(null), agentMobile.orElse(null));
    }

    /** Where a field's rule message goes: the refusal's list, at that field. */
    private static Consumer<RuleMessage> at(List<ChangeRefused.FieldError> errors, String field) {
        return message -> errors.add(new ChangeRefused.FieldError(field, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- the applicant's access -------------------------------------------------------------------

    /**
     * Checks a case number and its access code under a throttle per client address (every attempt
     * counts; a right code gives it back). An unknown number and a wrong code get the same answer.
     */
    public ChangeAccess open(String number, String accessCode, String clientAddress) {
        CaseDoors.Door door = new CaseDoors.Door(ACCESS_SCOPE, properties.accessMaxFailuresPerAddress(), properties.accessLockDuration(),
                "representative.access.locked", "representative.access.denied");
        return new ChangeAccess(doors.open(door, number, accessCode, clientAddress,
                wanted -> transaction.execute(status -> records.byNumber(wanted).map(ChangeCase::accessCodeHash))));
    }

    /** How the applicant's own document views are authorised for this case. */
    public org.reviewdesk.documents.intake.Access documentAccess(ChangeAccess access) {
        return org.reviewdesk.documents.intake.Access.applicantOf(access.number());
    }

    /** The slots the case needs (the DMN table), in order. */
    public List<String> requiredSlots(ChangeAccess access) {
        ChangeCase c = byNumber(access.number());
        return requiredDocuments.slotsFor(c.reason(), c.agentApplies());
    }

    /**
     * A document into one of the case's slots, inspected by the document service (type by content,
     * size, pages, active content); while documents are awaited, or a slot the reviewer asked for.
     */
    public DocumentInfo upload(ChangeAccess access, String slot, String originalName, String declaredType, InputStream in) {
        return upload(byNumber(access.number()), slot, originalName, declaredType, in, APPLICANT + access.number());
    }

    /** A window clerk scans a walk-in applicant's document into the case's slot. */
    public DocumentInfo uploadAtWindow(String number, String slot, String originalName, String declaredType, InputStream in,
                                       CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return upload(byNumber(number), slot, originalName, declaredType, in, clerk.username());
    }

    private DocumentInfo upload(ChangeCase c, String slot, String originalName, String declaredType, InputStream in, String actor) {
        boolean open = c.state() == ChangeState.AWAITING_DOCUMENTS
                || (c.state() == ChangeState.AWAITING_SUPPLEMENT && c.supplementSlotList().contains(slot));
        if (!open || !requiredDocuments.slotsFor(c.reason(), c.agentApplies()).contains(slot)) {
            throw new UserFacingException("representative.upload.notNow");
        }
        return documents.upload(c.number(), slot, originalName, declaredType, in, actor);
    }

    /** Submits the case once every slot holds a document: the process starts, its checks run after the commit. */
    public void submit(ChangeAccess access) {
        submit(access.number(), APPLICANT + access.number());
    }

    /** The window clerk submits what they scanned for the walk-in applicant. */
    public void submitAtWindow(String number, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        submit(number, clerk.username());
    }

    private void submit(String number, String actor) {
        transaction.executeWithoutResult(status -> {
            ChangeCase c = byNumber(number);
            if (c.state() != ChangeState.AWAITING_DOCUMENTS) {
                throw new UserFacingException("representative.submit.alreadySubmitted", c.number());
            }
            long missing = requiredDocuments.slotsFor(c.reason(), c.agentApplies()).stream()
                    .filter(slot -> documents.versions(c.number(), slot).isEmpty()).count();
            if (missing > 0) {
                throw new UserFacingException("representative.submit.missingDocuments", missing);
            }
            String pid = runtime.startProcessInstanceByKey(RepresentativeProcess.KEY, c.number()).getId();
            records.submitted(c.id(), pid);
            records.event(c.id(), "SUBMITTED", actor, null, true);
            audit.record(actor, "REPRESENTATIVE_CHANGE_SUBMITTED", c.number(), c.uscc());
        });
    }

    /** The applicant uploaded a new version of every slot asked for: the review clock resumes. */
    public void answerSupplement(ChangeAccess access) {
        transaction.executeWithoutResult(status -> {
            ChangeCase c = byNumber(access.number());
            if (c.state() != ChangeState.AWAITING_SUPPLEMENT) {
                throw new UserFacingException("representative.supplement.notAwaited");
            }
            OffsetDateTime askedAt = records.events(c.id(), false).stream().filter(e -> e.kind().equals("SUPPLEMENT_REQUESTED"))
                    .map(CaseLog.Event::at).reduce((a, b) -> b).orElse(c.submittedAt());
            long missing = c.supplementSlotList().stream()
                    .filter(slot -> documents.versions(c.number(), slot).stream().noneMatch(d -> !d.createdAt().isBefore(askedAt)))
                    .count();
            if (missing > 0) {
                throw new UserFacingException("representative.supplement.missing", missing);
            }
            Task task = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                    .taskDefinitionKey(RepresentativeProcess.Activity.SUPPLEMENT).singleResult();
            if (task == null) {
                throw new UserFacingException("representative.supplement.notAwaited");
            }
            records.event(c.id(), "SUPPLEMENT_ANSWERED", APPLICANT + c.number(), null, true);
            tasks.complete(task.getId());
        });
    }

    /** The case as its applicant sees it. */
    public ChangeStatus status(ChangeAccess access) {
        return status(access.number());
    }

    /** The case as the window clerk serving its applicant sees it (the same as the applicant's status). */
    public ChangeStatus statusAtWindow(String number, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return status(number);
    }

    private ChangeStatus status(String number) {
        return transaction.execute(status -> {
            ChangeCase c = byNumber(number);
            List<ChangeStatus.Slot> slots = requiredDocuments.slotsFor(c.reason(), c.agentApplies()).stream()
                    .map(slot -> new ChangeStatus.Slot(slot, documents.versions(c.number(), slot).size())).toList();
            List<ChangeStatus.Entry> timeline = records.events(c.id(), true).stream()
                    .map(e -> new ChangeStatus.Entry(e.at(), e.kind(), e.kind().startsWith("REJECTED") ? e.detail() : null)).toList();
            return new ChangeStatus(c.number(), c.state(), c.uscc(), c.accountName(), c.reason(),
                    Masking.personName(c.representativeName()), slots, timeline, c.supplementSlotList(), c.supplementReason(),
                    c.state() == ChangeState.REJECTED ? c.decisionText() : null, c.deregisteredAt(),
                    c.state() == ChangeState.DEREGISTERED && !c.sichuan() ? notices.reRegistrationLink(c) : null,
                    RepresentativeReceipts.available(c));
        });
    }

    /**
     * A receipt of the case for its applicant: the acceptance receipt once submitted, the
     * deregistration receipt once deregistered (a PDF in Chinese, no full ID numbers, no staff named).
     *
     * @throws UserFacingException {@code representative.receipt.notYet} when the case has no such receipt yet
     */
    public byte[] receipt(ChangeAccess access, ChangeReceipt kind) {
        return receipt(access.number(), kind);
    }

    /** The same receipt, printed by a window clerk for the walk-in applicant. */
    public byte[] receiptAtWindow(String number, ChangeReceipt kind, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return receipt(number, kind);
    }

    private byte[] receipt(String number, ChangeReceipt kind) {
        ChangeCase c = transaction.execute(status -> byNumber(number));
        if (kind == null || !RepresentativeReceipts.available(c).contains(kind)) {
            throw new UserFacingException("representative.receipt.notYet");
        }
        return receipts.render(c, kind);
    }

    /**
     * The deregistration still open for a credit code, if any: registration refuses a new application
     * for the code meanwhile.
     */
    public Optional<OpenDeregistration> openDeregistration(String uscc) {
        if (uscc == null || uscc.isBlank()) {
            return Optional.empty();
        }
        return transaction.execute(status -> records.openFor(uscc.strip().toUpperCase(Locale.ROOT))
                .map(c -> new OpenDeregistration(c.number(), c.state())));
    }

    private ChangeCase byNumber(String number) {
        return records.byNumber(number).orElseThrow(() -> new UserFacingException("representative.notFound"));
    }
}
