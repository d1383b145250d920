package org.reviewdesk.namechange;

import java.time.Duration;
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
import org.reviewdesk.applicants.CaseNumbers;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
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
 * name differs from the one on record, and no other name change for the code is open. The licence is
 * inspected by the document service before anything is recorded: a refused file leaves no case.
 */
@Service
public class NameChanges {

    /** The one document slot: the new business licence. */
    public static final String LICENCE_SLOT = "new-licence";
    static final String VIA_ONLINE = "ONLINE";
    static final String VIA_WINDOW = "WINDOW";
    static final String APPLICANT = "applicant:";
    private static final String ACCESS_SCOPE = "namechange-access";

    private final NameChangeRecords records;
    private final NameChangeProperties properties;
    private final EnterpriseAccounts accounts;
    private final DocumentService documents;
    private final MobileProofs mobileProofs;
    private final AccessCodes accessCodes;
    private final AttemptThrottle throttle;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditLog audit;
    private final BusinessTime time;
    private final TransactionTemplate transaction;

    NameChanges(NameChangeRecords records, NameChangeProperties properties, EnterpriseAccounts accounts, DocumentService documents,
                MobileProofs mobileProofs, AccessCodes accessCodes, AttemptThrottle throttle, Outbox outbox, RuntimeService runtime,
                TaskService tasks, AuditLog audit, BusinessTime time, PlatformTransactionManager transactions) {
        this.records = records;
        this.properties = properties;
        this.accounts = accounts;
        this.documents = documents;
        this.mobileProofs = mobileProofs;
        this.accessCodes = accessCodes;
        this.throttle = throttle;
        this.outbox = outbox;
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- starting a case --------------------------------------------------------------------------

    /**
     * The enterprise's applicant applies online with the new licence, the mobile proven by an SMS code
     * ({@link MobileProofs#request}). The process starts at once; its checks run after the commit.
     *
     * @throws NameChangeRefused a field breaks a rule, or the mobile proof is wrong (field {@code mobileCode})
     * @throws UserFacingException not a 企业 (the portal's rule), no ACTIVE account, the same name, a case
     *     already open, or the licence refused by the inspection
     */
    public NameChangeStarted apply(NameChangeRequest request, MobileProof proof, LicenceFile licence, Locale locale) {
        NameChangeRequest valid = validate(request);
        try {
            mobileProofs.check(proof, valid.applicantMobile());
        } catch (MobileProofRefused refused) {
            throw new NameChangeRefused(List.of(new NameChangeRefused.FieldError("mobileCode", refused.rule())));
        }
        return start(valid, licence, VIA_ONLINE, APPLICANT + valid.applicantMobile(), locale, () -> {
            try {
                mobileProofs.use(proof, valid.applicantMobile());
            } catch (MobileProofRefused refused) {
                throw new NameChangeRefused(List.of(new NameChangeRefused.FieldError("mobileCode", refused.rule())));
            }
        });
    }

    /**
     * A window clerk applies for a walk-in applicant whose identity they checked in person, with the
     * scanned licence. The applicant's mobile gets the number and access code too.
     *
     * @throws org.springframework.security.access.AccessDeniedException the user is no window clerk
     */
    public NameChangeStarted startAtWindow(NameChangeRequest request, LicenceFile licence, CurrentUser clerk, Locale locale) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return start(validate(request), licence, VIA_WINDOW, clerk.username(), locale, () -> { });
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

    private NameChangeStarted start(NameChangeRequest request, LicenceFile licence, String via, String by, Locale locale,
                                    Runnable inTransaction) {
        String uscc = request.uscc();
        Optional<EnterpriseAccount> found = accounts.findActive(uscc);
        requireEnterprise(found.map(EnterpriseAccount::legalPersonType).orElse(UsccValidator.check(uscc) instanceof UsccCheck.Accepted a
                ? a.legalPersonType() : LegalPersonType.OTHER));
        EnterpriseAccount account = found.orElseThrow(() -> new UserFacingException("namechange.start.noActiveAccount", uscc));
        if (sameName(account.name(), request.newName())) {
            throw new UserFacingException("namechange.start.sameName", account.name());
        }
        records.openFor(uscc).ifPresent(open -> {
            throw new UserFacingException("namechange.start.alreadyOpen");
        });
        if (licence == null || licence.content() == null) {
            throw new UserFacingException("namechange.start.licenceRequired");
        }
        Locale language = Objects.requireNonNullElse(locale, Locale.SIMPLIFIED_CHINESE);
        String number = newNumber();
        // inspected and stored first: a refused file leaves nothing; a stored one without its case is swept as an orphan
        documents.upload(number, LICENCE_SLOT, licence.originalName(), licence.declaredType(), licence.content(), by);
        String code = AccessCodes.newCode();
        String hash = accessCodes.hash(code);
        transaction.executeWithoutResult(status -> {
            inTransaction.run();
            long id = records.insert(number, request, account.name(), via, by, language.toLanguageTag(), hash);
            records.event(id, "STARTED_" + via, by, null, true);
            String pid = runtime.startProcessInstanceByKey(NameChangeProcess.KEY, number).getId();
            records.processStarted(id, pid);
            audit.record(by, "NAME_CHANGE_STARTED", number, uscc + " via " + via);
            outbox.enqueue(Notification.sms(request.applicantMobile(), number, "namechange.notice.accessCode.sms", language, true,
                    number, code, properties.statusUrl()));
        });
        return new NameChangeStarted(number, code);
    }

    /** {@code NC}, the day in China and 6 random digits, drawn again while taken ({@link CaseNumbers}). */
    private String newNumber() {
        return CaseNumbers.draw("NC", time.today(), records::numberTaken)
                .orElseThrow(() -> new IllegalStateException("No free name-change number today"));
    }

    static boolean sameName(String onRecord, String wanted) {
        return onRecord != null && wanted != null
                && onRecord.replaceAll("\\s", "").equalsIgnoreCase(wanted.replaceAll("\\s", ""));
    }

    /** The request with its code and mobile normalised, or every rule it breaks. */
    NameChangeRequest validate(NameChangeRequest r) {
        List<NameChangeRefused.FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw new NameChangeRefused(List.of(new NameChangeRefused.FieldError("uscc", RuleMessage.of("namechange.form.required"))));
        }
        String uscc = null;
        UsccCheck code = UsccValidator.check(r.uscc());
        if (code instanceof UsccCheck.Refused refused) {
            errors.add(new NameChangeRefused.FieldError("uscc", refused.message()));
        } else {
            uscc = ((UsccCheck.Accepted) code).normalised();
        }
        if (blank(r.newName()) || r.newName().strip().length() > 200) {
            errors.add(new NameChangeRefused.FieldError("newName", RuleMessage.of("namechange.form.required")));
        }
        if (blank(r.applicantName()) || r.applicantName().strip().length() > 100) {
            errors.add(new NameChangeRefused.FieldError("applicantName", RuleMessage.of("namechange.form.required")));
        }
        String mobile = null;
        MobileCheck check = MobileNumberValidator.check(r.applicantMobile());
        if (check instanceof MobileCheck.Refused refused) {
            errors.add(new NameChangeRefused.FieldError("applicantMobile", refused.message()));
        } else {
            mobile = ((MobileCheck.Accepted) check).normalised();
        }
        if (!errors.isEmpty()) {
            throw new NameChangeRefused(errors);
        }
        return new NameChangeRequest(uscc, r.newName().strip(), r.applicantName().strip(), mobile);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- the applicant's access -------------------------------------------------------------------

    /**
     * Checks a case number and its access code under a throttle per client address (every attempt
     * counts; a right code gives it back). An unknown number and a wrong code get the same answer.
     */
    public NameChangeAccess open(String number, String accessCode, String clientAddress) {
        String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope(ACCESS_SCOPE, Integer.MAX_VALUE,
                properties.accessMaxFailuresPerAddress(), properties.accessLockDuration());
        AttemptThrottle.Attempt attempt = throttle.attempt(scope, null, clientAddress);
        if (!attempt.allowed()) {
            long minutes = Math.max(1, Duration.between(records.now(), attempt.lockedUntil()).toMinutes() + 1);
            throw new UserFacingException("namechange.access.locked", minutes);
        }
        Optional<String> hash = wanted.isEmpty() ? Optional.empty()
                : transaction.execute(status -> records.byNumber(wanted).map(NameChangeCase::accessCodeHash));
        if (hash.isEmpty() || !accessCodes.matches(accessCode, hash.get())) {
            throw new UserFacingException("namechange.access.denied");
        }
        throttle.recordSuccess(scope, null, clientAddress);
        return new NameChangeAccess(wanted);
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

    /** The case as its applicant sees it. */
    public NameChangeStatus status(NameChangeAccess access) {
        return transaction.execute(status -> {
            NameChangeCase c = byNumber(access.number());
            List<NameChangeStatus.Entry> timeline = records.events(c.id(), true).stream()
                    .map(e -> new NameChangeStatus.Entry(e.at(), e.kind())).toList();
            return new NameChangeStatus(c.number(), c.state(), c.uscc(), c.oldName(), c.newName(), timeline,
                    c.state() == NameChangeState.AWAITING_LICENCE ? c.requestReason() : null,
                    c.state() == NameChangeState.REJECTED ? c.decisionText() : null, stopReason(c),
                    documents.versions(c.number(), LICENCE_SLOT).size(), c.renamedAt());
        });
    }

    private RuleMessage stopReason(NameChangeCase c) {
        return c.state() != NameChangeState.STOPPED ? null
                : records.checks(c.id()).stream().filter(k -> k.outcome() == NameChangeRecords.Outcome.STOPPED)
                        .map(NameChangeRecords.Check::message).findFirst().orElse(null);
    }

    private NameChangeCase byNumber(String number) {
        return records.byNumber(number).orElseThrow(() -> new UserFacingException("namechange.notFound"));
    }
}
