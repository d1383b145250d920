package org.reviewdesk.hotline;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.reviewdesk.accounts.AccountMatch;
import org.reviewdesk.accounts.AccountName;
import org.reviewdesk.accounts.AccountStatus;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.PersonalDataReveals;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.InboxTab;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.reviewdesk.window.CaseHit;
import org.reviewdesk.window.OrganisationCase;
import org.reviewdesk.window.Organisations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The hotline agent's case screen, as a service: one search for whatever the caller says (a credit
 * code, a mobile, a case number, a few characters of a current or former name), and the record of an
 * organisation (its accounts, names, every process's cases and, once work orders exist, the caller's
 * earlier contacts). Every lookup is exact on an index except the name fragment (see
 * {@code EnterpriseAccounts.search}); results are bounded. Personal data stays masked unless revealed
 * through {@link PersonalDataReveals}, which audits and counts each reveal. Hotline agents and
 * supervisors only.
 */
@Service
public class CaseScreen {

    /** At most this many organisations per search; the screen says when there are more. */
    static final int MAX_HITS = 20;
    /** A name fragment needs this many characters: one character would match half the province. */
    static final int MIN_FRAGMENT = 2;
    static final int MAX_CONTACTS = 20;
    static final String SCREEN = "hotline";
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z]{2}\\d{8,}");
    private static final Set<Role> ALLOWED = Set.copyOf(EnumSet.of(Role.HOTLINE_AGENT, Role.SUPERVISOR));

    /** What the text typed is taken to be. */
    public enum QueryKind { EMPTY, CODE, MOBILE, CASE_NUMBER, NAME, TOO_SHORT }

    /** Why an organisation is in the results. */
    public enum Reason { CODE, NAME, FORMER_NAME, REPRESENTATIVE_MOBILE, CONTACT_MOBILE, CASE_NUMBER, NO_ACCOUNT_YET }

    /**
     * One organisation found.
     *
     * @param status its account's status, or null when the code has no account (only cases)
     * @param detail what matched, when it is not the name shown: the former name or the case number
     */
    public record Hit(String uscc, String name, AccountStatus status, Reason reason, String detail) {
    }

    /**
     * @param mobile the normalised mobile when the query is one (the caller's), else null
     * @param more whether more organisations matched than are listed
     */
    public record Results(QueryKind kind, String query, List<Hit> hits, boolean more, String mobile) {
    }

    /**
     * A case of the organisation, the page that opens it for the signed-in user (null: a read-only line),
     * and its contact mobile masked.
     */
    public record CaseLine(OrganisationCase c, String route, String contactMobileMasked) {
    }

    /**
     * An organisation's record.
     *
     * @param accounts every account the code has had, newest first (the first is the current one)
     * @param names the names of the newest account, oldest first
     * @param earlierContacts the organisation's work orders, or null when nothing provides them yet
     */
    public record OrganisationRecord(String uscc, String name, List<EnterpriseAccount> accounts, List<AccountName> names,
                                     List<CaseLine> cases, List<CallerHistory.EarlierContact> earlierContacts) {
    }

    private final Organisations organisations;
    private final PersonalDataReveals reveals;
    private final List<CallerHistory> callerHistories;
    private final Inbox inbox;

    CaseScreen(Organisations organisations, PersonalDataReveals reveals, List<CallerHistory> callerHistories, Inbox inbox) {
        this.organisations = organisations;
        this.reveals = reveals;
        this.callerHistories = callerHistories;
        this.inbox = inbox;
    }

    /** Takes the text for a code, a mobile, a case number or a name fragment, in that order, and finds organisations. */
    @RolesAllowed({Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public Results search(String query) {
        agent();
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new Results(QueryKind.EMPTY, q, List.of(), false, null);
        }
        if (UsccValidator.check(q) instanceof UsccCheck.Accepted code) {
            return byCode(q, code.normalised());
        }
        if (MobileNumberValidator.check(q) instanceof MobileCheck.Accepted mobile) {
            return byMobile(q, mobile.normalised());
        }
        String compact = q.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (CASE_NUMBER.matcher(compact).matches()) {
            List<Hit> hits = organisations.caseByNumber(compact).filter(c -> c.uscc() != null)
                    .map(c -> List.of(hitFor(c, Reason.CASE_NUMBER))).orElse(List.of());
            return new Results(QueryKind.CASE_NUMBER, q, hits, false, null);
        }
        if (q.codePointCount(0, q.length()) < MIN_FRAGMENT) {
            return new Results(QueryKind.TOO_SHORT, q, List.of(), false, null);
        }
        List<AccountMatch> found = organisations.byCodeOrName(q, MAX_HITS + 1);
        List<Hit> hits = new ArrayList<>();
        for (AccountMatch m : found.subList(0, Math.min(found.size(), MAX_HITS))) {
            EnterpriseAccount a = m.account();
            hits.add(new Hit(a.uscc(), a.name(), a.status(), m.formerName() == null ? Reason.NAME : Reason.FORMER_NAME, m.formerName()));
        }
        return new Results(QueryKind.NAME, q, distinct(hits), found.size() > MAX_HITS, null);
    }

    private Results byCode(String q, String uscc) {
        List<EnterpriseAccount> accounts = organisations.accounts(uscc);
        if (!accounts.isEmpty()) {
            EnterpriseAccount a = accounts.get(0);
            return new Results(QueryKind.CODE, q, List.of(new Hit(uscc, a.name(), a.status(), Reason.CODE, null)), false, null);
        }
        // no account: the code may still have cases (a registration under way)
        List<Hit> hits = organisations.cases(uscc).stream().findFirst()
                .flatMap(c -> organisations.caseByNumber(c.caseRef()))
                .map(c -> List.of(hitFor(c, Reason.NO_ACCOUNT_YET))).orElse(List.of());
        return new Results(QueryKind.CODE, q, hits, false, null);
    }

    private Results byMobile(String q, String mobile) {
        List<Hit> hits = new ArrayList<>();
        for (EnterpriseAccount a : organisations.byRepresentativeMobile(mobile, MAX_HITS + 1)) {
            hits.add(new Hit(a.uscc(), a.name(), a.status(), Reason.REPRESENTATIVE_MOBILE, null));
        }
        for (CaseHit c : organisations.casesByContactMobile(mobile, MAX_HITS + 1)) {
            if (c.uscc() != null) {
                hits.add(hitFor(c, Reason.CONTACT_MOBILE));
            }
        }
        List<Hit> distinct = distinct(hits);
        return new Results(QueryKind.MOBILE, q, distinct.subList(0, Math.min(distinct.size(), MAX_HITS)),
                distinct.size() > MAX_HITS, mobile);
    }

    /** A case's organisation: named by its account when it has one, else as the case names it. */
    private Hit hitFor(CaseHit c, Reason reason) {
        List<EnterpriseAccount> accounts = organisations.accounts(c.uscc());
        if (accounts.isEmpty()) {
            return new Hit(c.uscc(), c.organisationName(), null, reason, c.caseRef());
        }
        EnterpriseAccount a = accounts.get(0);
        return new Hit(c.uscc(), a.name(), a.status(), reason, c.caseRef());
    }

    /** One hit per organisation, the first reason kept. */
    private static List<Hit> distinct(List<Hit> hits) {
        Map<String, Hit> byCode = new LinkedHashMap<>();
        hits.forEach(h -> byCode.putIfAbsent(h.uscc(), h));
        return List.copyOf(byCode.values());
    }

    /** The record of the organisation with this credit code. */
    @RolesAllowed({Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public OrganisationRecord record(String uscc) {
        CurrentUser user = agent();
        List<EnterpriseAccount> accounts = organisations.accounts(uscc);
        List<AccountName> names = accounts.isEmpty() ? List.of() : organisations.names(accounts.get(0).id());
        List<CallerHistory.EarlierContact> contacts = callerHistories.isEmpty() ? null
                : withPages(callerHistories.stream().flatMap(h -> h.byOrganisation(uscc, MAX_CONTACTS).stream()).toList(), user);
        // a work order is both a case of the organisation and an earlier contact: listed once, with the contacts
        Set<String> listedAsContacts = contacts == null ? Set.of()
                : contacts.stream().map(CallerHistory.EarlierContact::ref).collect(java.util.stream.Collectors.toSet());
        List<OrganisationCase> cases = organisations.cases(uscc).stream().filter(c -> !listedAsContacts.contains(c.caseRef())).toList();
        String name = !accounts.isEmpty() ? accounts.get(0).name()
                : cases.stream().findFirst().flatMap(c -> organisations.caseByNumber(c.caseRef())).map(CaseHit::organisationName).orElse(null);
        List<CaseLine> lines = cases.stream().map(c -> new CaseLine(c, c.open() ? pageOf(c.caseRef(), user) : null,
                organisations.contactMobile(c.caseRef()).map(Masking::mobile).orElse(""))).toList();
        return new OrganisationRecord(uscc, name, accounts, names, lines, contacts);
    }

    /** The caller's earlier work orders by mobile, or null when nothing provides them yet. */
    @RolesAllowed({Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<CallerHistory.EarlierContact> callerHistory(String mobile) {
        CurrentUser user = agent();
        if (callerHistories.isEmpty()) {
            return null;
        }
        return withPages(callerHistories.stream().flatMap(h -> h.byMobile(mobile, MAX_CONTACTS).stream()).toList(), user);
    }

    /** Each open contact with the page of its inbox task when the user may open it (as the cases), else a read-only line. */
    private List<CallerHistory.EarlierContact> withPages(List<CallerHistory.EarlierContact> contacts, CurrentUser user) {
        return contacts.stream().map(c -> c.route() != null || !c.open() ? c
                : new CallerHistory.EarlierContact(c.ref(), c.summary(), c.stateLabelKey(), c.open(), c.receivedAt(), c.due(),
                        pageOf(c.ref(), user))).toList();
    }

    /** Whether the screen has a list of earlier work orders to show (a {@link CallerHistory} exists). */
    public boolean knowsCallerHistory() {
        return !callerHistories.isEmpty();
    }

    /**
     * The full ID number or mobile of an account's representative: audited, counted against the daily
     * limit ({@code platform.reveal.limitReached} beyond it).
     */
    @RolesAllowed({Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public String revealAccountField(long accountId, String uscc, PersonalDataField field) {
        agent();
        EnterpriseAccount account = organisations.accounts(uscc).stream().filter(a -> a.id() == accountId).findFirst()
                .orElseThrow(() -> new UserFacingException("platform.reveal.nothing"));
        return reveals.reveal(uscc, field, SCREEN, () -> switch (field) {
            case REPRESENTATIVE_MOBILE -> account.representativeMobile();
            case REPRESENTATIVE_ID_NUMBER -> account.representativeIdNumber();
            default -> throw new IllegalArgumentException("an account has no " + field);
        }).value();
    }

    /** The full contact mobile of a case: audited and counted as {@link #revealAccountField}. */
    @RolesAllowed({Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public String revealContactMobile(String caseRef) {
        agent();
        return reveals.reveal(caseRef, PersonalDataField.CONTACT_MOBILE, SCREEN,
                () -> organisations.contactMobile(caseRef).orElse(null)).value();
    }

    /** The review view of the case's open task, when the user may open it (the inbox decides who sees what). */
    private Optional<String> taskOf(String caseRef, CurrentUser user) {
        List<InboxTab> tabs = inbox.supervisesAny(user) ? List.of(InboxTab.ALL) : List.of(InboxTab.MINE, InboxTab.UNCLAIMED);
        for (InboxTab tab : tabs) {
            List<ReviewTask> found = inbox.page(new InboxQuery(tab, null, caseRef, null, InboxQuery.Sort.DUE, 0, 1), user);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0).taskId());
            }
        }
        return Optional.empty();
    }

    private String pageOf(String caseRef, CurrentUser user) {
        return taskOf(caseRef, user).map(id -> "review/task/" + id).orElse(null);
    }

    private static CurrentUser agent() {
        CurrentUser user = CurrentUser.require();
        if (ALLOWED.stream().noneMatch(user::has)) {
            throw new AccessDeniedException(user.username() + " is neither a hotline agent nor a supervisor");
        }
        return user;
    }
}
