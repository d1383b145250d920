package org.reviewdesk.representative;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.review.CaseReveals;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.CaseSummary;
import org.reviewdesk.review.DecisionReason;
import org.reviewdesk.review.DecisionReasons;
import org.reviewdesk.review.DecisionRule;
import org.reviewdesk.review.DocumentRounds;
import org.reviewdesk.review.DocumentVerdict;
import org.reviewdesk.review.PreviousRound;
import org.reviewdesk.review.EngineRefusals;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff's side of process 2: the case for the workbench, its checks and timeline, the first
 * review (reviewers: approve, reject with reasons, ask for documents) and the second approval
 * (supervisors: approve or reject). Both decisions go through {@link DecisionRule#claimForDecision}:
 * the user works the process, a claimed task only its assignee decides, and the engine's four-eyes
 * listener on the second approval refuses whoever completed the first review (at the claim and again
 * at completion), audited.
 */
@Service
public class RepresentativeReview {

    static final String AUDIT_DECIDED = "REPRESENTATIVE_CHANGE_DECIDED";

    /** A check's result for the workbench: its name, outcome (PASSED, FLAGGED, STOPPED) and text. */
    public record CheckLine(String name, String outcome, RuleMessage message) {
    }

    /** A line of the staff timeline. */
    public record TimelineLine(java.time.OffsetDateTime at, String kind, String actor, String detail) {
    }

    private final RepresentativeRecords records;
    private final RepresentativeDocuments requiredDocuments;
    private final EnterpriseAccounts accounts;
    private final TaskService tasks;
    private final AuditLog audit;
    private final DecisionReasons reasons;
    private final DecisionRule decisionRule;
    private final TransactionTemplate transaction;
    private final CaseReveals caseReveals;
    private final DocumentRounds rounds;

    RepresentativeReview(RepresentativeRecords records, RepresentativeDocuments requiredDocuments, EnterpriseAccounts accounts,
                         TaskService tasks, AuditLog audit, DecisionReasons reasons, DecisionRule decisionRule,
                         PlatformTransactionManager transactions, CaseReveals caseReveals, DocumentRounds rounds) {
        this.records = records;
        this.rounds = rounds;
        this.requiredDocuments = requiredDocuments;
        this.accounts = accounts;
        this.tasks = tasks;
        this.audit = audit;
        this.reasons = reasons;
        this.decisionRule = decisionRule;
        this.transaction = new TransactionTemplate(transactions);
        this.caseReveals = caseReveals;
    }

    public RepresentativeCase reviewCase(String number, CurrentUser user) {
        requireHandler(user);
        return transaction.execute(status -> {
            ChangeCase c = byNumber(number);
            String onRecord = accounts.history(c.uscc()).stream().findFirst().map(EnterpriseAccount::legalRepName).orElse(null);
            return new RepresentativeCase(c.number(), c.state(), c.uscc(), c.accountName(), c.legalPersonType(), c.reason(),
                    c.reasonText(), onRecord, c.representativeName(), c.representativeIdType(),
                    Masking.idNumber(c.representativeIdNumber()), Masking.mobile(c.representativeMobile()), c.agentApplies(),
                    c.agentName(), c.agentIdNumber() == null ? null : Masking.idNumber(c.agentIdNumber()),
                    c.agentMobile() == null ? null : Masking.mobile(c.agentMobile()), c.startedVia(), c.startedBy(),
                    c.submittedAt(), c.reviewDue(), c.firstReviewer(), requiredDocuments.slotsFor(c.reason(), c.agentApplies()),
                    c.supplementSlotList());
        });
    }

    public List<CheckLine> checks(String number, CurrentUser user) {
        requireHandler(user);
        return transaction.execute(status -> records.checks(byNumber(number).id()).stream()
                .map(c -> new CheckLine(c.name(), c.outcome().name(), c.message())).toList());
    }

    public List<TimelineLine> timeline(String number, CurrentUser user) {
        requireHandler(user);
        return transaction.execute(status -> records.events(byNumber(number).id(), false).stream()
                .map(e -> new TimelineLine(e.at(), e.kind(), e.actor(), e.detail())).toList());
    }

    /** The verdicts per document of the last request for new versions, for the reviewer's next round. */
    public PreviousRound previousRound(String number, CurrentUser user) {
        requireHandler(user);
        return transaction.execute(status -> rounds.last(RepresentativeProcess.KEY, byNumber(number).number()));
    }

    /** The active rejection reasons of this process, for the decision form. */
    public List<DecisionReason> rejectionReasons(CurrentUser user) {
        requireHandler(user);
        return reasons.active(RepresentativeProcess.KEY, user);
    }

    /** For the inbox projection (no caller: runs inside the engine); empty before the case is submitted. */
    Optional<CaseSummary> caseSummary(String number) {
        return transaction.execute(status -> records.byNumber(number).filter(c -> c.submittedAt() != null)
                .map(c -> new CaseSummary(c.number(), c.accountName(), c.uscc(), c.submittedAt())));
    }

    /**
     * The first review: approve (on to a supervisor's second approval), reject with a text (and the
     * process's reasons, if any are chosen), or ask for new versions of named documents.
     */
    public void decideFirst(String number, ReviewDecision decision, CurrentUser user) {
        decide(number, decision, user, RepresentativeProcess.Activity.FIRST_REVIEW);
    }

    /**
     * The second approval by a supervisor who did not do the first review: approve (the account is
     * deregistered in the same transaction) or reject with a text.
     */
    public void decideSecond(String number, ReviewDecision decision, CurrentUser user) {
        if (decision instanceof ReviewDecision.RequestDocuments) {
            throw new UserFacingException("representative.review.secondCannotRequest");
        }
        decide(number, decision, user, RepresentativeProcess.Activity.SECOND_APPROVAL);
    }

    private void decide(String number, ReviewDecision decision, CurrentUser user, String activity) {
        requireHandler(user);
        Objects.requireNonNull(decision, "decision");
        if (decision.hasHiddenCharacters()) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        try {
            transaction.executeWithoutResult(status -> {
                ChangeCase c = byNumber(number);
                String taskId = decisionRule.claimForDecision(RepresentativeProcess.KEY, c.processInstanceId(), activity, user)
                        .orElseThrow(() -> new UserFacingException("representative.review.notAtStep", c.state().name()));
                RepresentativeProcess.Decision outcome = record(c, decision, user, activity);
                records.event(c.id(), activity + "_" + outcome.name(), user.username(), detail(decision), false);
                audit.record(user.username(), AUDIT_DECIDED, c.number(), activity + " " + outcome.name());
                tasks.complete(taskId, Variables.createVariables()
                        .putValueTyped(RepresentativeProcess.Var.DECISION, RepresentativeProcess.Var.decision(outcome)));
            });
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
    }

    private RepresentativeProcess.Decision record(ChangeCase c, ReviewDecision decision, CurrentUser user, String activity) {
        boolean first = RepresentativeProcess.Activity.FIRST_REVIEW.equals(activity);
        if (decision instanceof ReviewDecision.Approve) {
            if (decision.verdicts().stream().anyMatch(DocumentVerdict::newVersionNeeded)) {
                throw new UserFacingException("representative.review.approveWithNewVersionNeeded");
            }
            if (first) {
                records.firstApproved(c.id(), user.username());
            } else {
                records.secondApproved(c.id(), user.username());
            }
            return RepresentativeProcess.Decision.APPROVE;
        }
        if (decision instanceof ReviewDecision.Reject reject) {
            List<String> parts = new ArrayList<>();
            if (!reject.reasonCodes().isEmpty()) {
                reasons.chosen(RepresentativeProcess.KEY, reject.reasonCodes(), user).forEach(r -> parts.add(r.templateZh()));
            }
            if (reject.text() != null && !reject.text().isBlank()) {
                parts.add(reject.text().strip());
            }
            if (parts.isEmpty()) {
                throw new UserFacingException("representative.review.reasonRequired");
            }
            String text = String.join(" ", parts);
            records.rejectedBy(c.id(), first ? "first_reviewer" : "second_approver", user.username(),
                    text.length() > 2000 ? text.substring(0, 2000) : text);
            return RepresentativeProcess.Decision.REJECT;
        }
        ReviewDecision.RequestDocuments request = (ReviewDecision.RequestDocuments) decision;
        List<String> allowed = requiredDocuments.slotsFor(c.reason(), c.agentApplies());
        List<String> slots = new ArrayList<>();
        for (DocumentVerdict v : request.verdicts()) {
            if (v == null || !allowed.contains(v.slot())) {
                throw new UserFacingException("representative.review.unknownSlot");
            }
            if (v.newVersionNeeded()) {
                if (v.reason() == null || v.reason().isBlank()) {
                    throw new UserFacingException("representative.review.verdictReasonRequired");
                }
                slots.add(v.slot());
            }
        }
        if (slots.isEmpty()) {
            throw new UserFacingException("representative.review.slotsRequired");
        }
        String why = request.verdicts().stream().filter(DocumentVerdict::newVersionNeeded).map(v -> v.slot() + ": " + v.reason().strip())
                .reduce((a, b) -> a + "; " + b).orElse("") + (request.note() == null || request.note().isBlank() ? "" : " " + request.note().strip());
        records.supplementRequested(c.id(), slots, why.length() > 1000 ? why.substring(0, 1000) : why);
        rounds.requested(RepresentativeProcess.KEY, c.number(), request.verdicts());
        return RepresentativeProcess.Decision.REQUEST_DOCUMENTS;
    }

    private static String detail(ReviewDecision decision) {
        if (decision instanceof ReviewDecision.Reject r) {
            return r.text();
        }
        if (decision instanceof ReviewDecision.RequestDocuments d) {
            return d.note();
        }
        return ((ReviewDecision.Approve) decision).comment();
    }

    /**
     * A personal number of the case in full, for the reviewer comparing it with the scan: only for who
     * may open the review task of this case ({@link CaseReveals}), audited and counted per day.
     */
    public String reveal(String number, String taskId, PersonalDataField field, CurrentUser user) {
        requireHandler(user);
        return caseReveals.reveal(taskId, number, field, user, () -> {
            ChangeCase c = byNumber(number);
            return switch (field) {
                case REPRESENTATIVE_ID_NUMBER -> c.representativeIdNumber();
                case REPRESENTATIVE_MOBILE -> c.representativeMobile();
                case CONTACT_MOBILE -> c.contactMobile();
                default -> null;
            };
        });
    }

    private void requireHandler(CurrentUser user) {
        decisionRule.requireHandler(RepresentativeProcess.KEY, user);
    }

    private ChangeCase byNumber(String number) {
        return records.byNumber(number).orElseThrow(() -> new UserFacingException("representative.notFound"));
    }
}
