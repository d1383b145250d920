package org.reviewdesk.namechange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.accounts.AccountName;
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
 * The staff's side of process 3: the case for the workbench, its checks and timeline, and the one
 * review (reviewers: approve, reject with reasons, or ask for the licence again), decided through
 * {@link DecisionRule#claimForDecision}: the user works the process, a claimed task only its
 * assignee decides.
 */
@Service
public class NameChangeReview {

    /** A name change as the reviewer sees it: the account's names so far beside the new one. */
    public record ReviewCase(String number, NameChangeState state, String uscc, String oldName, String newName,
                             List<AccountName> nameHistory, String applicantName, String applicantMobileMasked, String startedVia,
                             String startedBy, OffsetDateTime createdAt, boolean licenceRequested) {
    }

    /** A check's result for the workbench: its name, outcome (PASSED, FLAGGED, STOPPED) and text. */
    public record CheckLine(String name, String outcome, RuleMessage message) {
    }

    /** A line of the staff timeline. */
    public record TimelineLine(OffsetDateTime at, String kind, String actor, String detail) {
    }

    private final NameChangeRecords records;
    private final EnterpriseAccounts accounts;
    private final TaskService tasks;
    private final AuditLog audit;
    private final DecisionReasons reasons;
    private final DecisionRule decisionRule;
    private final TransactionTemplate transaction;
    private final CaseReveals caseReveals;
    private final DocumentRounds rounds;

    NameChangeReview(NameChangeRecords records, EnterpriseAccounts accounts, TaskService tasks, AuditLog audit,
                     DecisionReasons reasons, DecisionRule decisionRule, PlatformTransactionManager transactions,
                     CaseReveals caseReveals, DocumentRounds rounds) {
        this.records = records;
        this.rounds = rounds;
        this.accounts = accounts;
        this.tasks = tasks;
        this.audit = audit;
        this.reasons = reasons;
        this.decisionRule = decisionRule;
        this.transaction = new TransactionTemplate(transactions);
        this.caseReveals = caseReveals;
    }

    public ReviewCase reviewCase(String number, CurrentUser user) {
        requireHandler(user);
        return transaction.execute(status -> {
            NameChangeCase c = byNumber(number);
            List<AccountName> history = accounts.history(c.uscc()).stream().findFirst()
                    .map(a -> accounts.names(a.id())).orElse(List.of());
            return new ReviewCase(c.number(), c.state(), c.uscc(), c.oldName(), c.newName(), history, c.applicantName(),
                    Masking.mobile(c.applicantMobile()), c.startedVia(), c.startedBy(), c.createdAt(), c.requestReason() != null);
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
        return transaction.execute(status -> rounds.last(NameChangeProcess.KEY, byNumber(number).number()));
    }

    /** The active rejection reasons of this process, for the decision form. */
    public List<DecisionReason> rejectionReasons(CurrentUser user) {
        requireHandler(user);
        return reasons.active(NameChangeProcess.KEY, user);
    }

    /** For the inbox projection (no caller: runs inside the engine). */
    Optional<CaseSummary> caseSummary(String number) {
        return transaction.execute(status -> records.byNumber(number)
                .map(c -> new CaseSummary(c.number(), c.oldName() + " → " + c.newName(), c.uscc(), c.createdAt())));
    }

    /** Approve (the account is renamed in the same transaction), reject with reasons, or ask for the licence again. */
    public void decide(String number, ReviewDecision decision, CurrentUser user) {
        requireHandler(user);
        Objects.requireNonNull(decision, "decision");
        if (decision.hasHiddenCharacters()) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        try {
            transaction.executeWithoutResult(status -> {
                NameChangeCase c = byNumber(number);
                String taskId = decisionRule.claimForDecision(NameChangeProcess.KEY, c.processInstanceId(),
                                NameChangeProcess.Activity.REVIEW, user)
                        .orElseThrow(() -> new UserFacingException("namechange.review.notAtStep", c.state().name()));
                NameChangeProcess.Decision outcome = record(c, decision, user);
                records.event(c.id(), "REVIEW_" + outcome.name(), user.username(), detail(decision), false);
                audit.record(user.username(), "NAME_CHANGE_DECIDED", c.number(), outcome.name());
                tasks.complete(taskId, Variables.createVariables()
                        .putValueTyped(NameChangeProcess.Var.DECISION, NameChangeProcess.Var.decision(outcome)));
            });
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
    }

    private NameChangeProcess.Decision record(NameChangeCase c, ReviewDecision decision, CurrentUser user) {
        if (decision instanceof ReviewDecision.Approve) {
            if (decision.verdicts().stream().anyMatch(DocumentVerdict::newVersionNeeded)) {
                throw new UserFacingException("namechange.review.approveWithNewVersionNeeded");
            }
            records.decided(c.id(), user.username(), null, null);
            return NameChangeProcess.Decision.APPROVE;
        }
        if (decision instanceof ReviewDecision.Reject reject) {
            List<String> parts = new ArrayList<>();
            if (!reject.reasonCodes().isEmpty()) {
                reasons.chosen(NameChangeProcess.KEY, reject.reasonCodes(), user).forEach(r -> parts.add(r.templateZh()));
            }
            if (reject.text() != null && !reject.text().isBlank()) {
                parts.add(reject.text().strip());
            }
            if (parts.isEmpty()) {
                throw new UserFacingException("namechange.review.reasonRequired");
            }
            String text = String.join(" ", parts);
            records.decided(c.id(), user.username(), text.length() > 2000 ? text.substring(0, 2000) : text, null);
            return NameChangeProcess.Decision.REJECT;
        }
        ReviewDecision.RequestDocuments request = (ReviewDecision.RequestDocuments) decision;
        List<String> why = new ArrayList<>();
        for (DocumentVerdict v : request.verdicts()) {
            if (v == null || !NameChanges.LICENCE_SLOT.equals(v.slot())) {
                throw new UserFacingException("namechange.review.unknownSlot");
            }
            if (v.newVersionNeeded()) {
                if (v.reason() == null || v.reason().isBlank()) {
                    throw new UserFacingException("namechange.review.verdictReasonRequired");
                }
                why.add(v.reason().strip());
            }
        }
        if (why.isEmpty()) {
            throw new UserFacingException("namechange.review.slotsRequired");
        }
        if (request.note() != null && !request.note().isBlank()) {
            why.add(request.note().strip());
        }
        String reason = String.join(" ", why);
        records.decided(c.id(), user.username(), null, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        rounds.requested(NameChangeProcess.KEY, c.number(), request.verdicts());
        return NameChangeProcess.Decision.REQUEST_DOCUMENTS;
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
     * The applicant's mobile in full, for the reviewer: only for who may open the review task of this case
     * ({@link CaseReveals}), audited and counted per day.
     */
    public String reveal(String number, String taskId, PersonalDataField field, CurrentUser user) {
        requireHandler(user);
        return caseReveals.reveal(taskId, number, field, user, () -> field == PersonalDataField.APPLICANT_MOBILE
                ? byNumber(number).applicantMobile() : null);
    }

    private void requireHandler(CurrentUser user) {
        decisionRule.requireHandler(NameChangeProcess.KEY, user);
    }

    private NameChangeCase byNumber(String number) {
        return records.byNumber(number).orElseThrow(() -> new UserFacingException("namechange.notFound"));
    }
}
