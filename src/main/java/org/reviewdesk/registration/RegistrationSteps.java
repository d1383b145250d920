package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.rules.IdNumberCheck;
import org.reviewdesk.rules.IdNumberValidator;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code registration.bpmn}, called as {@code ${registrationSteps.…(execution)}}.
 * They run in the engine's transaction (the job's, or the caller's that completed a task), so what
 * they write commits with the process step. A check that cannot pass stores its result and throws
 * the BPMN error {@value RegistrationProcess#ERROR_CHECK_STOPPED}. Public only because the
 * engine's expression language calls public methods of public classes.
 */
@Component("registrationSteps")
public class RegistrationSteps {

    static final String SYSTEM = "system";
    static final String CHECK_CREDIT_CODE = "creditCode";
    static final String CHECK_EXISTING = "existing";
    static final String CHECK_IDENTITIES = "identities";
    static final String CHECK_DOCUMENTS = "documents";

    private final RegistrationRepository applications;
    private final BusinessTime time;
    private final RegistrationRecords records;
    private final RegistrationNotices notices;
    private final RequiredDocuments requiredDocuments;
    private final DocumentService documents;
    private final EnterpriseAccounts accounts;
    private final WorkingDayCalendar calendar;
    private final RegistrationProperties properties;
    private final TaskService tasks;
    private final AuditLog audit;

    RegistrationSteps(RegistrationRepository applications, RegistrationRecords records, RegistrationNotices notices,
                      RequiredDocuments requiredDocuments, DocumentService documents, EnterpriseAccounts accounts,
                      WorkingDayCalendar calendar, RegistrationProperties properties, TaskService tasks, AuditLog audit,
                      BusinessTime time) {
        this.time = time;
        this.applications = applications;
        this.records = records;
        this.notices = notices;
        this.requiredDocuments = requiredDocuments;
        this.documents = documents;
        this.accounts = accounts;
        this.calendar = calendar;
        this.properties = properties;
        this.tasks = tasks;
        this.audit = audit;
    }

    public void checkCreditCode(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        UsccCheck check = UsccValidator.check(a.uscc());
        if (check instanceof UsccCheck.Refused refused) {
            stop(a, CHECK_CREDIT_CODE, refused.message());
        }
        UsccCheck.Accepted code = (UsccCheck.Accepted) check;
        if (code.isSichuan()) {
            stop(a, CHECK_CREDIT_CODE, RuleMessage.of("registration.uscc.sichuan"));
        }
        if (code.legalPersonType() != a.legalPersonType()) {
            stop(a, CHECK_CREDIT_CODE, RuleMessage.of("registration.uscc.typeMismatch." + code.legalPersonType().name()));
        }
        if (code.reviewerFlag().isPresent()) {
            records.saveCheck(a.id(), CHECK_CREDIT_CODE, CheckResult.Outcome.FLAGGED, code.reviewerFlag().get());
        } else {
            records.saveCheck(a.id(), CHECK_CREDIT_CODE, CheckResult.Outcome.PASSED, RuleMessage.of("registration.check.creditCode.passed"));
        }
    }

    public void checkExistingRegistrations(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        if (accounts.findActive(a.uscc()).isPresent()) {
            stop(a, CHECK_EXISTING, RuleMessage.of("registration.uscc.activeAccount"));
        }
        applications.findByOpenUscc(a.uscc()).filter(open -> !open.id().equals(a.id())).ifPresent(open ->
                stop(a, CHECK_EXISTING, RuleMessage.of("registration.uscc.openApplication", open.number())));
        records.saveCheck(a.id(), CHECK_EXISTING, CheckResult.Outcome.PASSED, RuleMessage.of("registration.check.existing.passed"));
    }

    public void checkIdentities(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        if (IdNumberValidator.check(a.representativeIdType(), a.representativeIdNumber(), time.today()) instanceof IdNumberCheck.Refused r) {
            stop(a, CHECK_IDENTITIES, r.message());
        }
        if (a.agentApplies() && IdNumberValidator.check(a.agentIdType(), a.agentIdNumber(), time.today()) instanceof IdNumberCheck.Refused r) {
            stop(a, CHECK_IDENTITIES, r.message());
        }
        records.saveCheck(a.id(), CHECK_IDENTITIES, CheckResult.Outcome.PASSED, RuleMessage.of("registration.check.identities.passed"));
    }

    /** Every required slot holds an inspected document; flags and failed previews go to the reviewer. */
    public void checkDocuments(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        List<String> slots = requiredDocuments.slotsFor(a.legalPersonType(), a.agentApplies());
        Map<String, DocumentInfo> newest = documents.latestVersions(a.number());
        List<DocumentInfo> latest = new java.util.ArrayList<>();
        for (String slot : slots) {
            DocumentInfo version = newest.get(slot);
            if (version == null) {
                // the slot's own message ("请上传：营业执照。"), so the applicant reads a name, not a slot id
                stop(a, CHECK_DOCUMENTS, RuleMessage.of("registration.documents.missing." + slot));
            }
            latest.add(version);
        }
        long flagged = latest.stream().filter(d -> !d.flags().isEmpty() || d.previewState() == PreviewState.FAILED).count();
        if (flagged > 0) {
            records.saveCheck(a.id(), CHECK_DOCUMENTS, CheckResult.Outcome.FLAGGED,
                    RuleMessage.of("registration.check.documents.flagged", flagged, latest.size()));
        } else {
            records.saveCheck(a.id(), CHECK_DOCUMENTS, CheckResult.Outcome.PASSED,
                    RuleMessage.of("registration.check.documents.passed", latest.size()));
        }
    }

    public void recordStop(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        a.close(RegistrationState.STOPPED, records.now());
        records.event(a.id(), "STOPPED", SYSTEM, null, true);
        audit.record(SYSTEM, "REGISTRATION_STOPPED", a.number(), a.uscc());
        notices.send(a, "stopped", a.number());
    }

    /** Starts the review clock, or resumes it with the working days it had left when documents were asked for. */
    public void startReview(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        boolean resuming = a.reviewDaysLeft() != null;
        int days = resuming ? a.reviewDaysLeft() : properties.reviewWorkingDays();
        ZonedDateTime due = calendar.addWorkingDays(records.now().atZoneSameInstant(calendar.zone()), days);
        a.startReview(due.toOffsetDateTime());
        execution.setVariable(RegistrationProcess.Var.REVIEW_DUE, RegistrationProcess.Var.reviewDue(Date.from(due.toInstant())));
        records.event(a.id(), resuming ? "REVIEW_RESUMED" : "IN_REVIEW", SYSTEM, null, true);
    }

    /** The review is overdue: supervisors become candidates too, and the case is marked. */
    public void escalateReview(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RegistrationProcess.Activity.REVIEW).singleResult();
        if (review != null) {
            tasks.addCandidateGroup(review.getId(), RegistrationProcess.SUPERVISORS);
        }
        a.markEscalated();
        records.event(a.id(), "ESCALATED", SYSTEM, null, false);
        audit.record(SYSTEM, "REGISTRATION_ESCALATED", a.number(), review == null ? null : review.getAssignee());
    }

    public void openAccount(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        // closed before the account's flush writes it, so the row (and its case entry) is written once
        a.close(RegistrationState.APPROVED, records.now());
        accounts.open(a.uscc(), a.name(), a.legalPersonType(), new EnterpriseAccounts.Representative(a.representativeName(),
                a.representativeIdType(), a.representativeIdNumber(), a.representativeMobile()), a.number(), a.decidedBy());
        records.event(a.id(), "APPROVED", a.decidedBy(), null, true);
        notices.approved(a);
    }

    public void recordRejection(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        a.close(RegistrationState.REJECTED, records.now());
        records.event(a.id(), "REJECTED", a.decidedBy(), a.decisionText(), true);
        notices.send(a, "rejected", a.number());
    }

    /** Pauses the review clock (the working days left are kept) and gives the applicant their own limit. */
    public void requestSupplement(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        OffsetDateTime now = records.now();
        int left = a.reviewDue() == null ? properties.reviewWorkingDays()
                : Math.max(0, calendar.workingDaysBetween(now.atZoneSameInstant(calendar.zone()).toLocalDate(),
                        a.reviewDue().atZoneSameInstant(calendar.zone()).toLocalDate()));
        ZonedDateTime due = calendar.addWorkingDays(now.atZoneSameInstant(calendar.zone()), properties.supplementWorkingDays());
        a.awaitSupplement(left, now, due.toOffsetDateTime());
        execution.setVariable(RegistrationProcess.Var.SUPPLEMENT_DUE, RegistrationProcess.Var.supplementDue(Date.from(due.toInstant())));
        records.event(a.id(), "SUPPLEMENT_REQUESTED", SYSTEM, a.supplementReason(), true);
        notices.send(a, "supplement", a.number(), due.toLocalDate().toString());
    }

    public void withdraw(DelegateExecution execution) {
        RegistrationApplication a = application(execution);
        a.close(RegistrationState.WITHDRAWN, records.now());
        records.event(a.id(), "WITHDRAWN", SYSTEM, null, true);
        notices.send(a, "withdrawn", a.number());
    }

    private RegistrationApplication application(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return applications.findByNumber(number)
                .orElseThrow(() -> new IllegalStateException("No application " + number + " for process " + execution.getProcessInstanceId()));
    }

    private void stop(RegistrationApplication a, String check, RuleMessage message) {
        records.saveCheck(a.id(), check, CheckResult.Outcome.STOPPED, message);
        throw new BpmnError(RegistrationProcess.ERROR_CHECK_STOPPED, message.key());
    }
}
