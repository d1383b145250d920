package org.reviewdesk.representative;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.applicants.CaseLog;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.documents.intake.TextCrossCheck;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code representative-change.bpmn}, called as
 * {@code ${representativeSteps.…(execution)}}. They run in the engine's transaction (the job's, or
 * the caller's that completed a task), so what they write, the account's deregistration included,
 * commits with the process step or not at all. A check that cannot pass stores its result and throws
 * the BPMN error {@value RepresentativeProcess#ERROR_CHECK_STOPPED}. Public only because the engine's
 * expression language calls public methods of public classes.
 */
@Component("representativeSteps")
public class RepresentativeSteps {

    static final String SYSTEM = "system";
    static final String CHECK_ACCOUNT = "account";
    static final String CHECK_REPRESENTATIVE = "representative";
    static final String CHECK_OPEN_CASE = "openCase";
    static final String CHECK_DOCUMENTS = "documents";
    static final String CHECK_TEXT = "textLayer";
    /** The slot whose text layer should show the code and the new representative's name. */
    static final String LICENCE_SLOT = "new-licence";
    static final String AUDIT_DEREGISTERED = "REPRESENTATIVE_DEREGISTERED";

    private final RepresentativeRecords records;
    private final RepresentativeDocuments requiredDocuments;
    private final RepresentativeNotices notices;
    private final RepresentativeProperties properties;
    private final EnterpriseAccounts accounts;
    private final DocumentService documents;
    private final WorkingDayCalendar calendar;
    private final TaskService tasks;
    private final AuditLog audit;

    RepresentativeSteps(RepresentativeRecords records, RepresentativeDocuments requiredDocuments, RepresentativeNotices notices,
                        RepresentativeProperties properties, EnterpriseAccounts accounts, DocumentService documents,
                        WorkingDayCalendar calendar, TaskService tasks, AuditLog audit) {
        this.records = records;
        this.requiredDocuments = requiredDocuments;
        this.notices = notices;
        this.properties = properties;
        this.accounts = accounts;
        this.documents = documents;
        this.calendar = calendar;
        this.tasks = tasks;
        this.audit = audit;
    }

    /** An ACTIVE account for the code, a representative other than the one on record, this case the code's one open case. */
    public void checkAccount(DelegateExecution execution) {
        ChangeCase c = change(execution);
        EnterpriseAccount account = accounts.findActive(c.uscc()).orElse(null);
        if (account == null) {
            stop(c, CHECK_ACCOUNT, RuleMessage.of("representative.check.account.none", c.uscc()));
        }
        records.saveCheck(c.id(), CHECK_ACCOUNT, CaseLog.Outcome.PASSED,
                RuleMessage.of("representative.check.account.passed", account.name()));
        if (RepresentativeOnRecord.isOnRecord(account, c.representativeName(), c.representativeIdType(), c.representativeIdNumber())) {
            stop(c, CHECK_REPRESENTATIVE, RuleMessage.of("representative.check.representative.same"));
        }
        records.saveCheck(c.id(), CHECK_REPRESENTATIVE, CaseLog.Outcome.PASSED,
                RuleMessage.of("representative.check.representative.passed"));
        boolean holdsCode = records.openFor(c.uscc()).map(open -> open.id() == c.id()).orElse(false);
        if (!holdsCode) {
            stop(c, CHECK_OPEN_CASE, RuleMessage.of("representative.check.openCase.other"));
        }
        records.saveCheck(c.id(), CHECK_OPEN_CASE, CaseLog.Outcome.PASSED,
                RuleMessage.of("representative.check.openCase.passed"));
    }

    /** Every slot holds an inspected document; flags and the licence's text cross-check go to the reviewer. */
    public void checkDocuments(DelegateExecution execution) {
        ChangeCase c = change(execution);
        List<DocumentInfo> latest = new ArrayList<>();
        for (String slot : requiredDocuments.slotsFor(c.reason(), c.agentApplies())) {
            List<DocumentInfo> versions = documents.versions(c.number(), slot);
            if (versions.isEmpty()) {
                stop(c, CHECK_DOCUMENTS, RuleMessage.of("representative.check.documents.missing", slot));
            }
            latest.add(versions.get(0));
        }
        long flagged = latest.stream().filter(d -> !d.flags().isEmpty() || d.previewState() == PreviewState.FAILED).count();
        records.saveCheck(c.id(), CHECK_DOCUMENTS,
                flagged > 0 ? CaseLog.Outcome.FLAGGED : CaseLog.Outcome.PASSED,
                flagged > 0 ? RuleMessage.of("representative.check.documents.flagged", flagged, latest.size())
                        : RuleMessage.of("representative.check.documents.passed", latest.size()));
        latest.stream().filter(d -> LICENCE_SLOT.equals(d.slot())).findFirst().ifPresent(licence -> {
            TextCrossCheck text = documents.crossCheck(licence.id(), Access.applicantOf(c.number()), c.uscc(),
                    c.representativeName());
            if (!text.textLayer()) {
                records.saveCheck(c.id(), CHECK_TEXT, CaseLog.Outcome.FLAGGED,
                        RuleMessage.of("representative.check.text.noTextLayer"));
            } else if (text.codeFound() && text.nameFound()) {
                records.saveCheck(c.id(), CHECK_TEXT, CaseLog.Outcome.PASSED,
                        RuleMessage.of("representative.check.text.passed"));
            } else {
                records.saveCheck(c.id(), CHECK_TEXT, CaseLog.Outcome.FLAGGED,
                        RuleMessage.of(text.codeFound() ? "representative.check.text.nameMissing" : "representative.check.text.codeMissing"));
            }
        });
    }

    public void recordStop(DelegateExecution execution) {
        ChangeCase c = change(execution);
        records.state(c.id(), ChangeState.STOPPED);
        records.event(c.id(), "STOPPED", SYSTEM, null, true);
        audit.record(SYSTEM, "REPRESENTATIVE_CHANGE_STOPPED", c.number(), c.uscc());
        notices.send(c, "stopped", c.number());
    }

    /** Starts the review clock, or resumes it with the working days it had left when documents were asked for. */
    public void startReview(DelegateExecution execution) {
        ChangeCase c = change(execution);
        boolean resuming = c.reviewDaysLeft() != null;
        int days = resuming ? c.reviewDaysLeft() : properties.reviewWorkingDays();
        ZonedDateTime due = calendar.addWorkingDays(records.now().atZoneSameInstant(calendar.zone()), days);
        records.reviewStarted(c.id(), due.toOffsetDateTime());
        execution.setVariable(RepresentativeProcess.Var.REVIEW_DUE, RepresentativeProcess.Var.date(Date.from(due.toInstant())));
        records.event(c.id(), resuming ? "REVIEW_RESUMED" : "IN_REVIEW", SYSTEM, null, true);
    }

    /** The first review is overdue: supervisors become candidates too. */
    public void escalateReview(DelegateExecution execution) {
        ChangeCase c = change(execution);
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RepresentativeProcess.Activity.FIRST_REVIEW).singleResult();
        if (review != null) {
            tasks.addCandidateGroup(review.getId(), RepresentativeProcess.SUPERVISORS);
        }
        records.event(c.id(), "ESCALATED", SYSTEM, null, false);
        audit.record(SYSTEM, "REPRESENTATIVE_CHANGE_ESCALATED", c.number(), review == null ? null : review.getAssignee());
    }

    /** Pauses the review clock (the working days left are kept) and gives the applicant their own limit. */
    public void requestSupplement(DelegateExecution execution) {
        ChangeCase c = change(execution);
        OffsetDateTime now = records.now();
        int left = c.reviewDue() == null ? properties.reviewWorkingDays()
                : Math.max(0, calendar.workingDaysBetween(now.atZoneSameInstant(calendar.zone()).toLocalDate(),
                        c.reviewDue().atZoneSameInstant(calendar.zone()).toLocalDate()));
        ZonedDateTime due = calendar.addWorkingDays(now.atZoneSameInstant(calendar.zone()), properties.supplementWorkingDays());
        records.awaitingSupplement(c.id(), left);
        execution.setVariable(RepresentativeProcess.Var.SUPPLEMENT_DUE, RepresentativeProcess.Var.date(Date.from(due.toInstant())));
        records.event(c.id(), "SUPPLEMENT_REQUESTED", SYSTEM, c.supplementReason(), true);
        notices.send(c, "supplement", c.number(), due.toLocalDate().toString());
    }

    public void withdraw(DelegateExecution execution) {
        ChangeCase c = change(execution);
        records.state(c.id(), ChangeState.WITHDRAWN);
        records.event(c.id(), "WITHDRAWN", SYSTEM, null, true);
        notices.send(c, "withdrawn", c.number());
    }

    public void recordRejection(DelegateExecution execution) {
        ChangeCase c = change(execution);
        records.state(c.id(), ChangeState.REJECTED);
        records.event(c.id(), "REJECTED", SYSTEM, c.decisionText(), true);
        notices.send(c, "rejected", c.number());
    }

    public void deregisterAccount(DelegateExecution execution) {
        deregister(execution.getProcessBusinessKey());
    }

    /**
     * Deregisters the code's account for this case, in the caller's (the engine's) transaction.
     * Idempotent: a repeated or retried step finds the case DEREGISTERED and does nothing more, and
     * {@link EnterpriseAccounts#deregister} itself answers the same account again for the same case.
     */
    void deregister(String number) {
        ChangeCase c = records.byNumber(number).orElseThrow(() -> new IllegalStateException("No case " + number));
        if (c.state() == ChangeState.DEREGISTERED) {
            return;
        }
        String reason = c.reason().name() + (c.reasonText() == null ? "" : " " + c.reasonText());
        EnterpriseAccount account = accounts.deregister(c.uscc(), reason, c.number(), c.firstReviewer(), c.secondApprover());
        records.deregistered(c.id(), account.deregisteredAt() == null ? records.now() : account.deregisteredAt());
        records.event(c.id(), "DEREGISTERED", c.secondApprover(), null, true);
        audit.record(c.secondApprover(), AUDIT_DEREGISTERED, c.number(),
                c.uscc() + " first review " + c.firstReviewer() + ", second approval " + c.secondApprover());
        notices.deregistered(c);
    }

    private ChangeCase change(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return records.byNumber(number)
                .orElseThrow(() -> new IllegalStateException("No case " + number + " for process " + execution.getProcessInstanceId()));
    }

    private void stop(ChangeCase c, String check, RuleMessage message) {
        records.saveCheck(c.id(), check, CaseLog.Outcome.STOPPED, message);
        throw new BpmnError(RepresentativeProcess.ERROR_CHECK_STOPPED, message.key());
    }
}
