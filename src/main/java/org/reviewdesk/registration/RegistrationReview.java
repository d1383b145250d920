package org.reviewdesk.registration;

import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.DocumentVerdict;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.review.CaseReveals;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.CaseSummary;
import org.reviewdesk.review.DecisionReason;
import org.reviewdesk.review.DecisionReasons;
import org.reviewdesk.review.DecisionRule;
import org.reviewdesk.review.EngineRefusals;
import org.reviewdesk.review.PreviousRound;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff's side of a registration (SPEC.md, process 1): the automated checks' results, the
 * timeline, the masked case for the workbench and the reviewer's decision. Every method checks the
 * role, and the decision the task's assignment.
 */
@Service
public class RegistrationReview {

    static final String AUDIT_DECIDED = "REGISTRATION_DECIDED";

    private final RegistrationRepository applications;
    private final RegistrationRecords records;
    private final RequiredDocuments requiredDocuments;
    private final TaskService tasks;
    private final AuditLog audit;
    private final DecisionReasons reasons;
    private final DecisionRule decisionRule;
    private final TransactionTemplate transaction;
    private final CaseReveals caseReveals;

    RegistrationReview(RegistrationRepository applications, RegistrationRecords records, RequiredDocuments requiredDocuments,
                       TaskService tasks, AuditLog audit, DecisionReasons reasons, DecisionRule decisionRule,
                       PlatformTransactionManager transactions, CaseReveals caseReveals) {
        this.applications = applications;
        this.records = records;
        this.requiredDocuments = requiredDocuments;
        this.tasks = tasks;
        this.audit = audit;
        this.reasons = reasons;
        this.decisionRule = decisionRule;
        this.transaction = new TransactionTemplate(transactions);
        this.caseReveals = caseReveals;
    }

    /** The automated checks' results, for reviewers and supervisors. */
    public List<CheckResult> checks(String number, CurrentUser user) {
        requireReviewer(user);
        return transaction.execute(status -> records.checks(byNumber(number).id()));
    }

    /** The whole timeline, staff acts included. */
    public List<TimelineEntry> timeline(String number, CurrentUser user) {
        requireReviewer(user);
        return transaction.execute(status -> records.timeline(byNumber(number).id(), false));
    }

    /** The verdicts per document of the last request for documents, for the reviewer's next round. */
    public PreviousRound previousRound(String number, CurrentUser user) {
        requireReviewer(user);
        return transaction.execute(status -> records.lastRequest(byNumber(number).id()));
    }

    /** The application for the reviewer's workbench, personal numbers masked. */
    public RegistrationWorkbenchCase reviewCase(String number, CurrentUser user) {
        requireReviewer(user);
        return transaction.execute(status -> {
            RegistrationApplication a = byNumber(number);
            return new RegistrationWorkbenchCase(a.number(), a.state(), a.legalPersonType(), a.name(), a.uscc(),
                    a.usccConfirmed(), a.representativeName(), a.representativeIdType(),
                    Masking.idNumber(a.representativeIdNumber()), Masking.mobile(a.representativeMobile()),
                    a.agentApplies(), a.agentName(), a.agentIdType(), Masking.idNumber(a.agentIdNumber()),
                    Masking.mobile(a.agentMobile()), Masking.mobile(a.contactMobile()), a.submittedAt(), a.reviewDue(),
                    a.escalated(), requiredSlots(a.legalPersonType(), a.agentApplies()), a.supplementSlots(),
                    a.supplementReason());
        });
    }

    /**
     * The case behind a business key for the review inbox's projection (no caller: the projection's
     * listeners run inside the engine); empty for an unknown number or one not yet submitted.
     */
    Optional<CaseSummary> caseSummary(String number) {
        return transaction.execute(status -> applications.findByNumber(number)
                .filter(a -> a.submittedAt() != null)
                .map(a -> new CaseSummary(a.number(), a.name(), a.uscc(), a.submittedAt())));
    }

    public RegistrationState state(String number, CurrentUser user) {
        requireReviewer(user);
        return transaction.execute(status -> byNumber(number).state());
    }

    /**
     * The reviewer's decision on the review task. Only a candidate of the task (reviewers, or
     * supervisors once it is overdue) decides, and only while nobody else has claimed it; an
     * unclaimed task is claimed for the decider. Approval opens the account in the same transaction.
     *
     * @throws UserFacingException the task is someone else's or already decided, or the decision is incomplete
     */
    public void decide(String number, ReviewDecision decision, CurrentUser user) {
        requireReviewer(user);
        Objects.requireNonNull(decision, "decision");
        if (decision.hasHiddenCharacters()) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        try {
            transaction.executeWithoutResult(status -> decideInTransaction(number, decision, user));
        } catch (RuntimeException e) {
            // a rule the engine enforces in a task listener (four eyes) refuses with its own message
            throw EngineRefusals.unwrap(e);
        }
    }

    private void decideInTransaction(String number, ReviewDecision decision, CurrentUser user) {
        RegistrationApplication application = byNumber(number);
        String taskId = decisionRule.claimForDecision(RegistrationProcess.KEY, application.processInstanceId(),
                RegistrationProcess.Activity.REVIEW, user).orElseThrow(() -> {
                    if (application.state().isFinal() && application.decidedBy() != null) {
                        return new UserFacingException("registration.review.alreadyDecided", application.decidedBy(),
                                application.decidedAt());
                    }
                    return new UserFacingException("registration.review.notInReview", application.state().name());
                });
        List<DocumentVerdict> verdicts = verdicts(application, decision);
        RegistrationProcess.Decision outcome = record(application, decision, verdicts, user);
        long event = records.event(application.id(), "DECIDED_" + outcome.name(), user.username(), timelineDetail(decision), false);
        records.saveVerdicts(application.id(), event, verdicts);
        audit.record(user.username(), AUDIT_DECIDED, application.number(), outcome.name() + ": " + summary(decision));
        tasks.complete(taskId, Variables.createVariables()
                .putValueTyped(RegistrationProcess.Var.DECISION, RegistrationProcess.Var.decision(outcome)));
    }

    /** The active rejection reasons the decision form offers, in their order. */
    public List<DecisionReason> rejectionReasons(CurrentUser user) {
        requireReviewer(user);
        return reasons.active(RegistrationProcess.KEY, user);
    }

    /**
     * The decision's verdicts, checked: each names a slot of this application once, and a slot that
     * needs a new version says why.
     */
    private List<DocumentVerdict> verdicts(RegistrationApplication application, ReviewDecision decision) {
        List<String> allowed = requiredSlots(application.legalPersonType(), application.agentApplies());
        Set<String> seen = new HashSet<>();
        List<DocumentVerdict> checked = new ArrayList<>();
        for (DocumentVerdict v : decision.verdicts()) {
            if (v == null || v.kind() == null || !allowed.contains(v.slot())) {
                throw new UserFacingException("registration.review.unknownSlot");
            }
            if (!seen.add(v.slot())) {
                throw new UserFacingException("registration.review.verdictTwice");
            }
            String reason = clean(v.reason(), 1000);
            if (v.newVersionNeeded() && reason == null) {
                throw new UserFacingException("registration.review.verdictReasonRequired");
            }
            checked.add(new DocumentVerdict(v.slot(), v.kind(), v.newVersionNeeded() ? reason : null));
        }
        return checked;
    }

    private RegistrationProcess.Decision record(RegistrationApplication application, ReviewDecision decision,
                                                List<DocumentVerdict> verdicts, CurrentUser user) {
        OffsetDateTime now = records.now();
        boolean newVersionNeeded = verdicts.stream().anyMatch(DocumentVerdict::newVersionNeeded);
        if (decision instanceof ReviewDecision.Approve approve) {
            if (newVersionNeeded) {
                throw new UserFacingException("registration.review.approveWithNewVersionNeeded");
            }
            application.recordDecision(List.of(), clean(approve.comment(), 2000), user.username(), now);
            return RegistrationProcess.Decision.APPROVE;
        }
        if (decision instanceof ReviewDecision.Reject reject) {
            String text = clean(reject.text(), 2000);
            if (reject.reasonCodes().isEmpty()) {
                throw new UserFacingException("registration.review.reasonRequired");
            }
            List<DecisionReason> chosen = reasons.chosen(RegistrationProcess.KEY, reject.reasonCodes(), user);
            chosen.stream().filter(DecisionReason::textRequired).findFirst().ifPresent(r -> {
                if (text == null) {
                    // the template is a sentence; the message quotes it without its full stop
                    throw new UserFacingException("registration.review.reasonNeedsText", r.templateZh().replaceAll("[。.]+$", ""));
                }
            });
            application.recordDecision(chosen.stream().map(DecisionReason::code).toList(), text, user.username(), now);
            records.saveRejectionReasons(application.id(), chosen.stream().map(DecisionReason::stated).toList());
            return RegistrationProcess.Decision.REJECT;
        }
        if (!newVersionNeeded) {
            throw new UserFacingException("registration.review.slotsRequired");
        }
        List<String> slots = verdicts.stream().filter(DocumentVerdict::newVersionNeeded).map(DocumentVerdict::slot).toList();
        application.recordSupplementRequest(slots, clean(((ReviewDecision.RequestDocuments) decision).note(), 1000));
        return RegistrationProcess.Decision.REQUEST_DOCUMENTS;
    }

    /** What the staff timeline shows of a decision: the reviewer's own words (the slots show as the request itself). */
    private static String timelineDetail(ReviewDecision decision) {
        if (decision instanceof ReviewDecision.Reject r) {
            return r.text();
        }
        if (decision instanceof ReviewDecision.RequestDocuments d) {
            return d.note();
        }
        return ((ReviewDecision.Approve) decision).comment();
    }

    private static String summary(ReviewDecision decision) {
        if (decision instanceof ReviewDecision.Reject r) {
            return String.join(",", r.reasonCodes()) + (r.text() == null ? "" : " " + r.text());
        }
        if (decision instanceof ReviewDecision.RequestDocuments d) {
            return d.verdicts().stream().filter(DocumentVerdict::newVersionNeeded).map(v -> v.slot() + ": " + v.reason())
                    .collect(Collectors.joining("; ")) + (d.note() == null ? "" : " " + d.note());
        }
        return Objects.requireNonNullElse(((ReviewDecision.Approve) decision).comment(), "");
    }

    /**
     * A personal number of the application in full, for the reviewer comparing it with the scan: only for
     * who may open the review task of this case ({@link CaseReveals}), audited and counted per day.
     */
    public String reveal(String number, String taskId, PersonalDataField field, CurrentUser user) {
        requireReviewer(user);
        return caseReveals.reveal(taskId, number, field, user, () -> {
            RegistrationApplication a = byNumber(number);
            return switch (field) {
                case REPRESENTATIVE_ID_NUMBER -> a.representativeIdNumber();
                case REPRESENTATIVE_MOBILE -> a.representativeMobile();
                case AGENT_ID_NUMBER -> a.agentApplies() ? a.agentIdNumber() : null;
                case AGENT_MOBILE -> a.agentApplies() ? a.agentMobile() : null;
                case CONTACT_MOBILE -> a.contactMobile();
                default -> null;
            };
        });
    }

    private void requireReviewer(CurrentUser user) {
        decisionRule.requireHandler(RegistrationProcess.KEY, user);
    }

    private RegistrationApplication byNumber(String number) {
        return applications.findByNumber(number).orElseThrow(() -> new UserFacingException("registration.notFound"));
    }

    private static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    /** A stored application always has its type, so its slots come straight from the DMN table. */
    private List<String> requiredSlots(LegalPersonType type, boolean agentApplies) {
        return requiredDocuments.slotsFor(type, agentApplies);
    }
}
