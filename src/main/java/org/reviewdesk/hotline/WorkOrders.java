package org.reviewdesk.hotline;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.representative.ChangeStarted;
import org.reviewdesk.representative.RepresentativeChanges;
import org.reviewdesk.review.CaseSummary;
import org.reviewdesk.review.DecisionRule;
import org.reviewdesk.review.EngineRefusals;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.reviewdesk.staff.HandlingUnit;
import org.reviewdesk.staff.HandlingUnits;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 4, the 12345 work order, and its one door for other capabilities and views: intake (受理),
 * direct answer (直接答复), dispatch (派单) to a handling unit, sign (签收), handle with extension (延期)
 * and return (退单), reply (答复), callback (回访) with one reopen (重办), merge (并单), and the orders of
 * an organisation or a caller for the case screen.
 *
 * <p>Every method checks the caller's role, and every task action goes through
 * {@link DecisionRule#claimForDecision}: the user works the process, a claimed task only its assignee
 * acts on, an unclaimed one only a member of one of its candidate groups (a handling unit's group for
 * sign and handle: a handler of another unit is refused).
 *
 * <p>Time is the engine's clock ({@link ClockUtil}) in the business zone, so the limits this service
 * writes and the engine's timers that watch them are reckoned on one clock (and process tests fix it).
 */
@Service
public class WorkOrders {

    static final String SYSTEM = "system";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom NUMBER_RANDOM = new SecureRandom();
    static final int TEXT_MAX = 4000;
    /** The longest caller name taken. */
    static final int NAME_MAX = 100;
    /** A linked application or case number, upper case. */
    static final java.util.regex.Pattern LINKED_REF = java.util.regex.Pattern.compile("[A-Z0-9-]{4,40}");

    private final WorkOrderRecords records;
    private final WorkOrderProperties properties;
    private final HandlingUnits units;
    private final KnowledgeBase knowledge;
    private final RepresentativeChanges representativeChanges;
    private final WorkingDayCalendar calendar;
    private final DecisionRule decisionRule;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identities;
    private final Outbox outbox;
    private final AuditLog audit;
    private final BusinessTime time;
    private final TransactionTemplate transaction;

    WorkOrders(WorkOrderRecords records, WorkOrderProperties properties, HandlingUnits units, KnowledgeBase knowledge,
               RepresentativeChanges representativeChanges, WorkingDayCalendar calendar, DecisionRule decisionRule,
               RuntimeService runtime, TaskService tasks, IdentityService identities, Outbox outbox, AuditLog audit,
               BusinessTime time, PlatformTransactionManager transactions) {
        this.records = records;
        this.properties = properties;
        this.units = units;
        this.knowledge = knowledge;
        this.representativeChanges = representativeChanges;
        this.calendar = calendar;
        this.decisionRule = decisionRule;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identities = identities;
        this.outbox = outbox;
        this.audit = audit;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- intake -----------------------------------------------------------------------------------------

    /**
     * 受理: records the call as a work order and starts process 4; the caller gets the number by SMS.
     * The order waits for the agent's dispatch or direct answer.
     *
     * @return the order's number ({@code GD}, the day in China, 6 random digits), read out to the caller
     * @throws UserFacingException a field breaks a rule; the category needs its own door (legal representative unreachable)
     */
    public String intake(WorkOrderRequest request, CurrentUser agent, Locale locale) {
        requireAgent(agent);
        WorkOrderRequest valid = validate(request);
        if (valid.category() == WorkOrderCategory.REPRESENTATIVE_UNREACHABLE) {
            throw new UserFacingException("workorders.intake.representativeNeedsChange");
        }
        return open(valid, null, agent, locale);
    }

    /**
     * 受理 of "legal representative unreachable": starts process 2 for the caller through the
     * representative capability (the caller gets its upload link and code by SMS from there) and records
     * the order with the DR number linked, in one transaction: if process 2 refuses (no active account,
     * same representative, a case already open) or the order cannot be written, neither is recorded and
     * no SMS goes out.
     */
    public String intakeRepresentativeChange(WorkOrderRequest request, ChangeRequest change, CurrentUser agent, Locale locale) {
        requireAgent(agent);
        WorkOrderRequest valid = validate(request);
        if (valid.category() != WorkOrderCategory.REPRESENTATIVE_UNREACHABLE) {
            throw new UserFacingException("workorders.intake.notRepresentative");
        }
        if (change == null) {
            throw new UserFacingException("workorders.form.required");
        }
        if (valid.uscc() != null && change.uscc() != null
                && !valid.uscc().equalsIgnoreCase(change.uscc().strip())) {
            throw new UserFacingException("workorders.intake.codeMismatch");
        }
        WorkOrderRequest withCode = valid.uscc() != null ? valid
                : new WorkOrderRequest(valid.callerName(), valid.callerMobile(), valid.category(), valid.description(),
                        change.uscc(), valid.linkedRef(), valid.channel());
        // process 2 undoes its own refused insert (a savepoint), so a case already open or a number taken at the
        // same moment does not abort this shared transaction on PostgreSQL
        return transaction.execute(status -> {
            ChangeStarted started = representativeChanges.startForCaller(change, agent, locale);
            return open(withCode, started.number(), agent, locale);
        });
    }

    private String open(WorkOrderRequest request, String representativeCase, CurrentUser agent, Locale locale) {
        Locale language = Objects.requireNonNullElse(locale, Locale.SIMPLIFIED_CHINESE);
        String number = newNumber();
        try {
            transaction.executeWithoutResult(status -> {
                OffsetDateTime now = now();
                long id = records.insert(number, request, representativeCase, language.toLanguageTag(), agent.username(), now);
                records.event(id, "TAKEN", agent.username(), request.category().name(), now);
                if (representativeCase != null) {
                    records.event(id, "REPRESENTATIVE_CHANGE_STARTED", agent.username(), representativeCase, now);
                }
                String pid = runtime.startProcessInstanceByKey(WorkOrderProcess.KEY, number, Variables.createVariables()
                        .putValueTyped(WorkOrderProcess.Var.DISPATCHER, WorkOrderProcess.Var.text(agent.username()))
                        .putValueTyped(WorkOrderProcess.Var.REOPENED, WorkOrderProcess.Var.flag(false))).getId();
                records.set(id, Map.of("process_instance_id", pid));
                audit.record(agent.username(), "WORK_ORDER_TAKEN", number, request.category().name());
                outbox.enqueue(Notification.sms(request.callerMobile(), number, "workorders.notice.taken.sms", language, false,
                        number));
            });
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
        return number;
    }

    /** {@code GD}, the day in China and 6 random digits, drawn again while taken (the unique column decides at last). */
    private String newNumber() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = "GD" + now().toLocalDate().format(DAY) + String.format(Locale.ROOT, "%06d", NUMBER_RANDOM.nextInt(1_000_000));
            if (!records.numberTaken(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free work-order number today");
    }

    WorkOrderRequest validate(WorkOrderRequest r) {
        if (r == null || r.category() == null || r.channel() == null) {
            throw new UserFacingException("workorders.form.required");
        }
        if (TextRules.hasHiddenCharacters(r.callerName() == null ? null : r.callerName().strip())
                || TextRules.hasHiddenCharactersInLines(r.description())) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        if (blank(r.callerName()) || r.callerName().strip().length() > NAME_MAX) {
            throw new UserFacingException("workorders.form.callerName");
        }
        if (!(MobileNumberValidator.check(r.callerMobile()) instanceof MobileCheck.Accepted mobile)) {
            throw new UserFacingException("workorders.form.callerMobile");
        }
        if (blank(r.description()) || r.description().strip().length() > TEXT_MAX) {
            throw new UserFacingException("workorders.form.description", TEXT_MAX);
        }
        String uscc = null;
        if (!blank(r.uscc())) {
            if (!(UsccValidator.check(r.uscc()) instanceof UsccCheck.Accepted code)) {
                throw new UserFacingException("workorders.form.uscc");
            }
            uscc = code.normalised();
        }
        String linked = blank(r.linkedRef()) ? null : r.linkedRef().strip().toUpperCase(Locale.ROOT);
        if (linked != null && !LINKED_REF.matcher(linked).matches()) {
            throw new UserFacingException("workorders.form.linkedRef");
        }
        return new WorkOrderRequest(r.callerName().strip(), mobile.normalised(), r.category(), r.description().strip(), uscc,
                linked, r.channel());
    }

    // ---- the agent's steps -----------------------------------------------------------------------------

    /** 直接答复: the agent answered on the call from a knowledge-base entry; the order is closed at once. */
    public void answerDirectly(String number, String knowledgeEntryId, CurrentUser agent) {
        requireAgent(agent);
        KnowledgeEntry entry = (knowledgeEntryId == null ? Optional.<KnowledgeEntry>empty() : knowledge.find(knowledgeEntryId))
                .orElseThrow(() -> new UserFacingException("workorders.answer.unknownEntry"));
        act(number, WorkOrderProcess.Activity.DISPATCH, agent, (row, now) -> {
            records.set(row.id(), columns("state", WorkOrderState.ANSWERED, "knowledge_entry", entry.id(), "closed_at", now));
            records.event(row.id(), "ANSWERED_DIRECTLY", agent.username(), entry.id(), now);
            return Variables.createVariables().putValueTyped(WorkOrderProcess.Var.ROUTE,
                    WorkOrderProcess.Var.route(WorkOrderProcess.Route.DIRECT));
        });
    }

    /**
     * 受理 and 直接答复 in one step, for a call the knowledge base answers: the entry is checked first, so
     * an unknown entry records nothing.
     *
     * @return the order's number, read out to the caller
     */
    public String answerOnTheCall(WorkOrderRequest request, String knowledgeEntryId, CurrentUser agent, Locale locale) {
        requireAgent(agent);
        if (knowledgeEntryId == null || knowledge.find(knowledgeEntryId).isEmpty()) {
            throw new UserFacingException("workorders.answer.unknownEntry");
        }
        String number = intake(request, agent, locale);
        answerDirectly(number, knowledgeEntryId, agent);
        return number;
    }

    /**
     * The manual identity check of an account or password recovery, after the portal's self-service
     * routes failed: who checked, and what (e.g. "身份证号与姓名核对一致，回拨预留手机"). Required before
     * such an order is dispatched.
     */
    public void recordIdentityCheck(String number, String whatWasChecked, CurrentUser agent) {
        requireAgent(agent);
        refuseHidden(whatWasChecked);
        if (blank(whatWasChecked) || whatWasChecked.strip().length() > 1000) {
            throw new UserFacingException("workorders.identity.required");
        }
        transaction.executeWithoutResult(status -> {
            WorkOrderRecords.Row row = locked(number);
            if (!row.state().open()) {
                throw new UserFacingException("workorders.notOpen", number);
            }
            OffsetDateTime now = now();
            records.set(row.id(), columns("identity_checked_by", agent.username(), "identity_check", whatWasChecked.strip(),
                    "identity_checked_at", now));
            records.event(row.id(), "IDENTITY_CHECKED", agent.username(), whatWasChecked.strip(), now);
            audit.record(agent.username(), "WORK_ORDER_IDENTITY_CHECKED", number, whatWasChecked.strip());
        });
    }

    /**
     * 派单: to a handling unit, whose group is offered the order to sign for within the category's
     * sign-for limit; the handling limit runs from now too (working days on the calendar).
     */
    public void dispatch(String number, String unitCode, CurrentUser agent) {
        requireAgent(agent);
        HandlingUnit unit = units.byCode(unitCode).filter(HandlingUnit::active)
                .orElseThrow(() -> new UserFacingException("workorders.dispatch.unknownUnit", String.valueOf(unitCode)));
        act(number, WorkOrderProcess.Activity.DISPATCH, agent, (row, now) -> {
            if (row.category() == WorkOrderCategory.ACCOUNT_RECOVERY && row.identityCheckedBy() == null) {
                throw new UserFacingException("workorders.dispatch.identityCheckRequired");
            }
            WorkOrderProperties.Limits limits = properties.limitsOf(row.category());
            OffsetDateTime signDue = workingDaysAfter(now, limits.signWorkingDays());
            OffsetDateTime handleDue = workingDaysAfter(now, limits.handleWorkingDays());
            records.set(row.id(), columns("state", WorkOrderState.AWAITING_SIGN, "unit_code", unit.code(),
                    "unit_group", unit.camundaGroup(), "dispatched_by", agent.username(), "dispatched_at", now,
                    "sign_due", signDue, "handle_due", handleDue, "overdue", false, "signed_by", null, "signed_at", null));
            records.event(row.id(), "DISPATCHED", agent.username(), unit.code(), now);
            return Variables.createVariables()
                    .putValueTyped(WorkOrderProcess.Var.ROUTE, WorkOrderProcess.Var.route(WorkOrderProcess.Route.DISPATCH))
                    .putValueTyped(WorkOrderProcess.Var.UNIT_GROUP, WorkOrderProcess.Var.text(unit.camundaGroup()))
                    .putValueTyped(WorkOrderProcess.Var.DISPATCHER, WorkOrderProcess.Var.text(agent.username()))
                    .putValueTyped(WorkOrderProcess.Var.SIGN_DUE, WorkOrderProcess.Var.date(signDue))
                    .putValueTyped(WorkOrderProcess.Var.HANDLE_DUE, WorkOrderProcess.Var.date(handleDue));
        });
    }

    /**
     * 回访: the agent called the caller back. 满意 or 基本满意 close the order; 不满意 (with the caller's
     * words) reopens it once (重办) to the same unit and handler, with a fresh handling limit; a second
     * 不满意 closes it as it stands.
     */
    public void callback(String number, Satisfaction satisfaction, String callerWords, CurrentUser agent) {
        requireAgent(agent);
        if (satisfaction == null) {
            throw new UserFacingException("workorders.callback.satisfactionRequired");
        }
        refuseHidden(callerWords);
        if (satisfaction == Satisfaction.DISSATISFIED && blank(callerWords)) {
            throw new UserFacingException("workorders.callback.wordsRequired");
        }
        String words = blank(callerWords) ? null : clip(callerWords.strip(), 2000);
        boolean[] reopen = {false};
        act(number, WorkOrderProcess.Activity.CALLBACK, agent, row -> { }, (row, now) -> {
            reopen[0] = satisfaction == Satisfaction.DISSATISFIED && !row.reopened();
            VariableMap variables = Variables.createVariables()
                    .putValueTyped(WorkOrderProcess.Var.SATISFACTION, WorkOrderProcess.Var.satisfaction(satisfaction));
            if (reopen[0]) {
                OffsetDateTime handleDue = workingDaysAfter(now, properties.limitsOf(row.category()).handleWorkingDays());
                records.set(row.id(), columns("state", WorkOrderState.HANDLING, "satisfaction", satisfaction,
                        "caller_words", words, "reopened", true, "handle_due", handleDue, "reply_text", null, "replied_at", null));
                records.event(row.id(), "REOPENED", agent.username(), words, now);
                variables.putValueTyped(WorkOrderProcess.Var.HANDLE_DUE, WorkOrderProcess.Var.date(handleDue));
            } else {
                records.set(row.id(), columns("state", WorkOrderState.CLOSED, "satisfaction", satisfaction,
                        "caller_words", words, "closed_at", now));
                records.event(row.id(), "CALLED_BACK_" + satisfaction.name(), agent.username(), words, now);
                records.event(row.id(), "CLOSED", agent.username(), null, now);
            }
            return variables;
        }, (taskId, pid, variables) -> {
            tasks.complete(taskId, variables);
            if (reopen[0]) {
                // after the gateway has read the old value: the next 不满意 closes
                runtime.setVariable(pid, WorkOrderProcess.Var.REOPENED, WorkOrderProcess.Var.flag(true));
            }
        });
    }

    /**
     * 并单: an open order about the same matter as another open one (same organisation or same caller)
     * is closed as merged into it; its caller is told the main order's number by SMS, and both orders
     * show the link.
     */
    public void merge(String number, String intoNumber, CurrentUser agent) {
        requireAgent(agent);
        if (number == null || number.equals(intoNumber)) {
            throw new UserFacingException("workorders.merge.same");
        }
        try {
            transaction.executeWithoutResult(status -> {
                // both rows locked in number order, so two merges of the same pair wait rather than deadlock
                WorkOrderRecords.Row first = locked(number.compareTo(intoNumber) < 0 ? number : intoNumber);
                WorkOrderRecords.Row second = locked(number.compareTo(intoNumber) < 0 ? intoNumber : number);
                WorkOrderRecords.Row merged = first.number().equals(number) ? first : second;
                WorkOrderRecords.Row main = merged == first ? second : first;
                if (!merged.state().open()) {
                    throw new UserFacingException("workorders.notOpen", merged.number());
                }
                if (!main.state().open()) {
                    throw new UserFacingException("workorders.notOpen", main.number());
                }
                boolean sameOrganisation = merged.uscc() != null && merged.uscc().equals(main.uscc());
                boolean sameCaller = merged.callerMobile().equals(main.callerMobile());
                if (!sameOrganisation && !sameCaller) {
                    throw new UserFacingException("workorders.merge.unrelated");
                }
                OffsetDateTime now = now();
                records.set(merged.id(), columns("state", WorkOrderState.MERGED, "merged_into", main.number(), "closed_at", now));
                records.event(merged.id(), "MERGED_INTO", agent.username(), main.number(), now);
                records.event(main.id(), "MERGED_FROM", agent.username(), merged.number(), now);
                runtime.createMessageCorrelation(WorkOrderProcess.MERGED_MESSAGE)
                        .processInstanceId(merged.processInstanceId()).correlateWithResult();
                audit.record(agent.username(), "WORK_ORDER_MERGED", merged.number(), "into " + main.number());
                outbox.enqueue(Notification.sms(merged.callerMobile(), merged.number(), "workorders.notice.merged.sms",
                        Locale.forLanguageTag(merged.locale()), false, merged.number(), main.number()));
            });
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
    }

    // ---- the handling unit's steps ----------------------------------------------------------------------

    /** 签收: a member of the unit signs for the order and handles it from now on. */
    public void sign(String number, CurrentUser handler) {
        act(number, WorkOrderProcess.Activity.SIGN, handler, (row, now) -> {
            records.set(row.id(), columns("state", WorkOrderState.HANDLING, "signed_by", handler.username(), "signed_at", now));
            records.event(row.id(), row.overdue() ? "SIGNED_LATE" : "SIGNED", handler.username(), row.unitCode(), now);
            return Variables.createVariables()
                    .putValueTyped(WorkOrderProcess.Var.HANDLER, WorkOrderProcess.Var.text(handler.username()));
        });
    }

    /**
     * 延期: the handler asks a supervisor for a later handling limit, with a reason. The handle task
     * stays the handler's: an order solved before the supervisor decides can still be replied to (or
     * returned), which withdraws the request.
     */
    public void requestExtension(String number, String reason, LocalDate until, CurrentUser handler) {
        refuseHidden(reason);
        if (blank(reason)) {
            throw new UserFacingException("workorders.extension.reasonRequired");
        }
        act(number, WorkOrderProcess.Activity.HANDLE, handler, row -> {
            if (row.state() == WorkOrderState.EXTENSION_REQUESTED) {
                throw new UserFacingException("workorders.extension.alreadyPending", BusinessTime.day(row.extensionUntil()));
            }
        }, (row, now) -> {
            LocalDate due = row.handleDue() == null ? time.dayOf(now) : time.dayOf(row.handleDue());
            if (until == null || !until.isAfter(due)) {
                throw new UserFacingException("workorders.extension.dateAfterDue", BusinessTime.day(due));
            }
            records.set(row.id(), columns("state", WorkOrderState.EXTENSION_REQUESTED, "extension_reason", clip(reason.strip(), 1000),
                    "extension_until", until));
            records.event(row.id(), "EXTENSION_REQUESTED", handler.username(), BusinessTime.day(until) + " " + reason.strip(), now);
            return Variables.createVariables();
        }, (taskId, pid, variables) -> runtime.createMessageCorrelation(WorkOrderProcess.EXTENSION_REQUESTED_MESSAGE)
                .processInstanceId(pid).correlateWithResult());
    }

    /**
     * A supervisor approves (the handling limit, and the timer that escalates it, move to the end of the
     * asked day) or refuses an extension. Refused with its own message when the request is no longer
     * pending: the handler replied or returned the order meanwhile, or another supervisor decided.
     */
    public void decideExtension(String number, boolean approve, String note, CurrentUser supervisor) {
        Objects.requireNonNull(supervisor, "supervisor").requireRole(Role.SUPERVISOR);
        refuseHidden(note);
        if (!approve && blank(note)) {
            throw new UserFacingException("workorders.extension.refusalReasonRequired");
        }
        act(number, WorkOrderProcess.Activity.DECIDE_EXTENSION, supervisor, row -> {
            if (row.state() != WorkOrderState.EXTENSION_REQUESTED) {
                boolean withdrawn = records.events(row.id()).stream().map(WorkOrder.Event::kind)
                        .filter(kind -> kind.startsWith("EXTENSION_")).reduce((first, last) -> last)
                        .filter("EXTENSION_WITHDRAWN"::equals).isPresent();
                throw new UserFacingException(withdrawn ? "workorders.extension.withdrawn" : "workorders.extension.notPending",
                        row.number());
            }
        }, (row, now) -> {
            VariableMap variables = Variables.createVariables()
                    .putValueTyped(WorkOrderProcess.Var.EXTENSION_GRANTED, WorkOrderProcess.Var.flag(approve));
            if (approve) {
                OffsetDateTime due = row.extensionUntil().atTime(LocalTime.of(23, 59)).atZone(time.zone()).toOffsetDateTime();
                // within the new limit again: red no more until it passes (the timeline keeps any escalation)
                records.set(row.id(), columns("state", WorkOrderState.HANDLING, "handle_due", due, "overdue", false));
                records.event(row.id(), "EXTENSION_APPROVED", supervisor.username(), note, now);
                variables.putValueTyped(WorkOrderProcess.Var.HANDLE_DUE, WorkOrderProcess.Var.date(due));
            } else {
                records.set(row.id(), columns("state", WorkOrderState.HANDLING));
                records.event(row.id(), "EXTENSION_REFUSED", supervisor.username(), note, now);
            }
            return variables;
        }, this::complete);
    }

    /**
     * 退单: a misrouted order goes back to the agent who dispatched it, with the reason; allowed only
     * within the configured working days (2) of dispatch.
     */
    public void returnOrder(String number, String reason, CurrentUser handler) {
        refuseHidden(reason);
        if (blank(reason)) {
            throw new UserFacingException("workorders.return.reasonRequired");
        }
        act(number, WorkOrderProcess.Activity.HANDLE, handler, (row, now) -> {
            OffsetDateTime last = workingDaysAfter(row.dispatchedAt(), properties.returnWorkingDays());
            if (now.isAfter(last)) {
                throw new UserFacingException("workorders.return.tooLate", properties.returnWorkingDays(), time.minute(last));
            }
            withdrawPendingExtension(row, handler, now);
            records.set(row.id(), columns("state", WorkOrderState.AWAITING_DISPATCH, "overdue", false));
            records.event(row.id(), "RETURNED", handler.username(), row.unitCode() + ": " + reason.strip(), now);
            return Variables.createVariables()
                    .putValueTyped(WorkOrderProcess.Var.ACTION, WorkOrderProcess.Var.action(WorkOrderProcess.Action.RETURN));
        });
    }

    /**
     * 答复: what was done; the caller gets it by SMS, and the agent calls back. Allowed while an
     * extension request waits too (the matter was solved early): the request is withdrawn.
     */
    public void reply(String number, String text, CurrentUser handler) {
        refuseHidden(text);
        if (blank(text) || text.strip().length() > TEXT_MAX) {
            throw new UserFacingException("workorders.reply.required", TEXT_MAX);
        }
        act(number, WorkOrderProcess.Activity.HANDLE, handler, (row, now) -> {
            withdrawPendingExtension(row, handler, now);
            records.set(row.id(), columns("state", WorkOrderState.AWAITING_CALLBACK, "reply_text", text.strip(), "replied_at", now));
            records.event(row.id(), "REPLIED", handler.username(), text.strip(), now);
            outbox.enqueue(Notification.sms(row.callerMobile(), row.number(), "workorders.notice.replied.sms",
                    Locale.forLanguageTag(row.locale()), false, row.number(), clip(text.strip(), 300)));
            return Variables.createVariables()
                    .putValueTyped(WorkOrderProcess.Var.ACTION, WorkOrderProcess.Var.action(WorkOrderProcess.Action.REPLY));
        });
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** One order; agents and supervisors read any, a handling unit's members (handlers, reviewers) their unit's. */
    public WorkOrder byNumber(String number, CurrentUser user) {
        return transaction.execute(status -> {
            WorkOrderRecords.Row row = found(number);
            requireReader(row, user);
            return view(row);
        });
    }

    public List<WorkOrder.Event> timeline(String number, CurrentUser user) {
        return transaction.execute(status -> {
            WorkOrderRecords.Row row = found(number);
            requireReader(row, user);
            return records.events(row.id());
        });
    }

    /** Every work order of an organisation, newest first (agents and supervisors). */
    public List<WorkOrder> ordersForOrganisation(String uscc, CurrentUser user) {
        requireDesk(user);
        if (!(UsccValidator.check(uscc) instanceof UsccCheck.Accepted code)) {
            return List.of();
        }
        return transaction.execute(status -> records.forOrganisation(code.normalised(), properties.listLimit()).stream()
                .map(this::view).toList());
    }

    /** Every work order of a caller's mobile, newest first, with or without an organisation (agents and supervisors). */
    public List<WorkOrder> ordersForCaller(String mobile, CurrentUser user) {
        requireDesk(user);
        if (!(MobileNumberValidator.check(mobile) instanceof MobileCheck.Accepted valid)) {
            return List.of();
        }
        return transaction.execute(status -> records.forCaller(valid.normalised(), properties.listLimit()).stream()
                .map(this::view).toList());
    }

    /** The units an agent may dispatch to. */
    public List<HandlingUnit> dispatchUnits(CurrentUser agent) {
        requireAgent(agent);
        return units.active();
    }

    /** The name of a handling unit in the language, for the order's readers; the code when the unit is gone. */
    String unitName(String unitCode, Locale locale) {
        return unitCode == null ? null : units.byCode(unitCode).map(u -> u.name(locale)).orElse(unitCode);
    }

    /** For the inbox projection (no caller: runs inside the engine). */
    Optional<CaseSummary> caseSummary(String number) {
        return records.byNumber(number).map(r -> new CaseSummary(r.number(),
                clip(r.description().replaceAll("\\s+", " "), 80), r.uscc(), r.createdAt()));
    }

    /** The engine's clock in the business zone (see the class comment). */
    OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(time.zone()).toOffsetDateTime();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private interface Step {
        VariableMap apply(WorkOrderRecords.Row row, OffsetDateTime now);
    }

    /** A check of the locked order before its task is claimed, for a clearer refusal than "not at this step". */
    private interface Guard {
        void check(WorkOrderRecords.Row row);
    }

    /** How the step moves the process on: completing the claimed task unless said otherwise. */
    private interface Completion {
        void run(String taskId, String processInstanceId, VariableMap variables);
    }

    private void complete(String taskId, String processInstanceId, VariableMap variables) {
        tasks.complete(taskId, variables);
    }

    private void act(String number, String activity, CurrentUser user, Step step) {
        act(number, activity, user, row -> { }, step, this::complete);
    }

    /** Locks the order, claims its task at {@code activity} for the user (the workbench's one rule), records and completes. */
    private void act(String number, String activity, CurrentUser user, Guard guard, Step step, Completion completion) {
        Objects.requireNonNull(user, "user");
        try {
            transaction.executeWithoutResult(status -> {
                WorkOrderRecords.Row row = locked(number);
                guard.check(row);
                String taskId = decisionRule.claimForDecision(WorkOrderProcess.KEY, row.processInstanceId(), activity, user)
                        .orElseThrow(() -> new UserFacingException("workorders.notAtStep", number));
                VariableMap variables = step.apply(row, now());
                audit.record(user.username(), "WORK_ORDER_" + activity.toUpperCase(Locale.ROOT), number, null);
                completion.run(taskId, row.processInstanceId(), variables);
            });
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
    }

    /**
     * Replying or returning ends the handling stage, and with it a request still waiting for a
     * supervisor (the model's terminate end); the timeline says so, and the request's fields are cleared.
     */
    private void withdrawPendingExtension(WorkOrderRecords.Row row, CurrentUser handler, OffsetDateTime now) {
        if (row.state() == WorkOrderState.EXTENSION_REQUESTED) {
            records.set(row.id(), columns("extension_reason", null, "extension_until", null));
            records.event(row.id(), "EXTENSION_WITHDRAWN", handler.username(), BusinessTime.day(row.extensionUntil()), now);
            audit.record(handler.username(), "WORK_ORDER_EXTENSION_WITHDRAWN", row.number(), BusinessTime.day(row.extensionUntil()));
        }
    }

    private OffsetDateTime workingDaysAfter(OffsetDateTime from, int workingDays) {
        return calendar.addWorkingDays(from.atZoneSameInstant(time.zone()), workingDays).toOffsetDateTime();
    }

    private WorkOrderRecords.Row locked(String number) {
        return records.lock(number == null ? "" : number.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new UserFacingException("workorders.notFound", number));
    }

    private WorkOrderRecords.Row found(String number) {
        return records.byNumber(number == null ? "" : number.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new UserFacingException("workorders.notFound", number));
    }

    private WorkOrder view(WorkOrderRecords.Row r) {
        return new WorkOrder(r.number(), r.state(), r.category(), r.channel(), r.callerName(), Masking.mobile(r.callerMobile()),
                r.description(), r.uscc(), r.linkedRef(), r.representativeCase(), r.takenBy(), r.createdAt(), r.knowledgeEntry(),
                r.identityCheckedBy(), r.identityCheck(), r.unitCode(), r.dispatchedBy(), r.dispatchedAt(), r.signDue(),
                r.signedBy(), r.signedAt(), r.handleDue(), r.overdue(), r.extensionReason(), r.extensionUntil(), r.replyText(),
                r.repliedAt(), r.satisfaction(), r.callerWords(), r.reopened(), r.closedAt(), r.mergedInto(),
                records.mergedInto(r.number()));
    }

    private static void requireAgent(CurrentUser user) {
        Objects.requireNonNull(user, "user").requireRole(Role.HOTLINE_AGENT);
    }

    private static void requireDesk(CurrentUser user) {
        if (user == null || !(user.has(Role.HOTLINE_AGENT) || user.has(Role.SUPERVISOR))) {
            throw new AccessDeniedException((user == null ? "nobody" : user.username()) + " reads no work orders");
        }
    }

    private void requireReader(WorkOrderRecords.Row row, CurrentUser user) {
        if (user != null && (user.has(Role.HOTLINE_AGENT) || user.has(Role.SUPERVISOR))) {
            return;
        }
        if (user != null && row.unitGroup() != null && inGroup(user, row.unitGroup())) {
            return;
        }
        throw new AccessDeniedException((user == null ? "nobody" : user.username()) + " may not read " + row.number());
    }

    private boolean inGroup(CurrentUser user, String group) {
        return user.roles().stream().anyMatch(r -> r.camundaGroup().equals(group))
                || identities.createGroupQuery().groupMember(user.username()).groupId(group).count() > 0;
    }

    private static Map<String, Object> columns(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Texts shown to staff and sent to callers by SMS: no direction overrides, zero-width or control characters. */
    private static void refuseHidden(String text) {
        if (TextRules.hasHiddenCharactersInLines(text)) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
