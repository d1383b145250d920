package org.reviewdesk.namechange;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.applicants.CaseLog;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.documents.intake.TextCrossCheck;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code name-change.bpmn}, called as {@code ${nameChangeSteps.…(execution)}}.
 * They run in the engine's transaction (the job's, or the caller's that completed a task), so what
 * they write, the account's new name included, commits with the process step or not at all. A check
 * that cannot pass stores its result and throws the BPMN error
 * {@value NameChangeProcess#ERROR_CHECK_STOPPED}. Public only because the engine's expression
 * language calls public methods of public classes.
 */
@Component("nameChangeSteps")
public class NameChangeSteps {

    static final String SYSTEM = "system";
    static final String CHECK_ACCOUNT = "account";
    static final String CHECK_NAME = "name";
    static final String CHECK_LICENCE = "licence";
    static final String CHECK_TEXT = "textLayer";

    private final NameChangeRecords records;
    private final EnterpriseAccounts accounts;
    private final DocumentService documents;
    private final Outbox outbox;
    private final AuditLog audit;
    private final NameChangeProperties properties;
    private final WorkingDayCalendar calendar;
    private final TaskService tasks;

    NameChangeSteps(NameChangeRecords records, EnterpriseAccounts accounts, DocumentService documents, Outbox outbox, AuditLog audit,
                    NameChangeProperties properties, WorkingDayCalendar calendar, TaskService tasks) {
        this.records = records;
        this.accounts = accounts;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.calendar = calendar;
        this.tasks = tasks;
    }

    /** The code's ACTIVE account exists, is a 企业's, and its name on record differs from the new one. */
    public void checkAccount(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        EnterpriseAccount account = accounts.findActive(c.uscc()).orElse(null);
        if (account == null) {
            stop(c, CHECK_ACCOUNT, RuleMessage.of("namechange.check.account.none", c.uscc()));
        }
        if (account.legalPersonType() != LegalPersonType.ENTERPRISE) {
            stop(c, CHECK_ACCOUNT, RuleMessage.of("namechange.check.account.notEnterprise"));
        }
        records.saveCheck(c.id(), CHECK_ACCOUNT, CaseLog.Outcome.PASSED,
                RuleMessage.of("namechange.check.account.passed", account.name()));
        if (NameChanges.sameName(account.name(), c.newName())) {
            stop(c, CHECK_NAME, RuleMessage.of("namechange.check.name.same", account.name()));
        }
        records.saveCheck(c.id(), CHECK_NAME, CaseLog.Outcome.PASSED,
                RuleMessage.of("namechange.check.name.passed", account.name(), c.newName()));
    }

    /**
     * The licence's inspection flags, and whether its text layer shows the code and the new name. A
     * licence without a text layer (a photo, a scan) is flagged for the reviewer, never refused.
     */
    public void checkLicence(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        List<DocumentInfo> versions = documents.versions(c.number(), NameChanges.LICENCE_SLOT);
        if (versions.isEmpty()) {
            records.saveCheck(c.id(), CHECK_LICENCE, CaseLog.Outcome.FLAGGED, RuleMessage.of("namechange.check.licence.missing"));
        } else {
            DocumentInfo licence = versions.get(0);
            boolean flagged = !licence.flags().isEmpty() || licence.previewState() == PreviewState.FAILED;
            records.saveCheck(c.id(), CHECK_LICENCE, flagged ? CaseLog.Outcome.FLAGGED : CaseLog.Outcome.PASSED,
                    RuleMessage.of(flagged ? "namechange.check.licence.flagged" : "namechange.check.licence.passed"));
            TextCrossCheck text = documents.crossCheck(licence.id(), Access.applicantOf(c.number()), c.uscc(), c.newName());
            if (!text.textLayer()) {
                records.saveCheck(c.id(), CHECK_TEXT, CaseLog.Outcome.FLAGGED, RuleMessage.of("namechange.check.text.noTextLayer"));
            } else if (text.codeFound() && text.nameFound()) {
                records.saveCheck(c.id(), CHECK_TEXT, CaseLog.Outcome.PASSED, RuleMessage.of("namechange.check.text.passed"));
            } else {
                records.saveCheck(c.id(), CHECK_TEXT, CaseLog.Outcome.FLAGGED,
                        RuleMessage.of(text.nameFound() ? "namechange.check.text.codeMissing" : "namechange.check.text.nameMissing"));
            }
        }
    }

    /**
     * Starts the review clock ({@code reviewDue}, {@value NameChangeProcess.Var#REVIEW_DUE}: the working days of
     * the configuration on the working-day calendar), or resumes it with the working days it had left
     * when the licence was asked for again.
     */
    public void startReview(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        boolean resuming = c.reviewDaysLeft() != null;
        int days = resuming ? c.reviewDaysLeft() : properties.reviewWorkingDays();
        ZonedDateTime due = calendar.addWorkingDays(records.now().atZoneSameInstant(calendar.zone()), days);
        records.reviewStarted(c.id(), due.toOffsetDateTime());
        execution.setVariable(NameChangeProcess.Var.REVIEW_DUE, NameChangeProcess.Var.date(Date.from(due.toInstant())));
        if (!resuming) {
            records.event(c.id(), "IN_REVIEW", SYSTEM, null, true);
        }
    }

    /** The review is overdue: supervisors become candidates too (the reviewers stay). */
    public void escalateReview(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(NameChangeProcess.Activity.REVIEW).singleResult();
        if (review != null) {
            tasks.addCandidateGroup(review.getId(), NameChangeProcess.SUPERVISORS);
        }
        records.event(c.id(), "ESCALATED", SYSTEM, null, false);
        audit.record(SYSTEM, "NAME_CHANGE_ESCALATED", c.number(), review == null ? null : review.getAssignee());
    }

    public void recordStop(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        records.state(c.id(), NameChangeState.STOPPED);
        records.event(c.id(), "STOPPED", SYSTEM, null, true);
        audit.record(SYSTEM, "NAME_CHANGE_STOPPED", c.number(), c.uscc());
        notify(c, "stopped", c.number());
    }

    public void requestLicence(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        OffsetDateTime now = records.now();
        int left = c.reviewDue() == null ? properties.reviewWorkingDays()
                : Math.max(0, calendar.workingDaysBetween(now.atZoneSameInstant(calendar.zone()).toLocalDate(),
                        c.reviewDue().atZoneSameInstant(calendar.zone()).toLocalDate()));
        records.awaitingLicence(c.id(), left);
        records.event(c.id(), "LICENCE_REQUESTED", SYSTEM, c.requestReason(), true);
        notify(c, "licenceRequested", c.number());
    }

    public void recordRejection(DelegateExecution execution) {
        NameChangeCase c = change(execution);
        records.state(c.id(), NameChangeState.REJECTED);
        records.event(c.id(), "REJECTED", SYSTEM, c.decisionText(), true);
        notify(c, "rejected", c.number());
    }

    public void renameAccount(DelegateExecution execution) {
        rename(execution.getProcessBusinessKey());
    }

    /**
     * Renames the code's account for this case, in the caller's (the engine's) transaction, the old
     * name kept in the account's history. Idempotent: a repeated or retried step finds the case
     * RENAMED and does nothing more, and {@link EnterpriseAccounts#rename} itself leaves an account
     * that already has the name as it is.
     */
    void rename(String number) {
        NameChangeCase c = records.byNumber(number).orElseThrow(() -> new IllegalStateException("No case " + number));
        if (c.state() == NameChangeState.RENAMED) {
            return;
        }
        accounts.rename(c.uscc(), c.newName(), c.number(), c.reviewer());
        records.renamed(c.id(), records.now());
        records.event(c.id(), "RENAMED", c.reviewer(), null, true);
        audit.record(c.reviewer(), "NAME_CHANGE_RENAMED", c.number(), c.uscc() + ": " + c.oldName() + " -> " + c.newName());
        notify(c, "renamed", c.number(), c.newName());
    }

    private void notify(NameChangeCase c, String kind, Object... arguments) {
        outbox.enqueue(Notification.sms(c.applicantMobile(), c.number(), "namechange.notice." + kind + ".sms", c.language(), false,
                arguments));
    }

    private NameChangeCase change(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return records.byNumber(number)
                .orElseThrow(() -> new IllegalStateException("No case " + number + " for process " + execution.getProcessInstanceId()));
    }

    private void stop(NameChangeCase c, String check, RuleMessage message) {
        records.saveCheck(c.id(), check, CaseLog.Outcome.STOPPED, message);
        throw new BpmnError(NameChangeProcess.ERROR_CHECK_STOPPED, message.key());
    }
}
