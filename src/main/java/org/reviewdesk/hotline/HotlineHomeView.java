package org.reviewdesk.hotline;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.accounts.AccountSummary;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.StepNames;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.window.OrganisationCase;

/**
 * The hotline agent's start page while the caller speaks: one search box for whatever the caller
 * gives (credit code, mobile, case number, a few characters of a current or former name), the
 * organisations found (arrow keys move, Enter opens, without leaving the box), the organisation's
 * record, and the knowledge base beside it. The searches are in the address ({@code ?q=}, {@code ?kb=}),
 * so a reload shows the same.
 */
@Route(HotlineHomeView.ROUTE)
@RolesAllowed({Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
public class HotlineHomeView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "hotline";
    static final String QUERY_PARAMETER = "q";
    /** Results come when the agent pauses this long (ms): one pause, not every keystroke. */
    static final int SEARCH_PAUSE_MS = 250;

    private final CaseScreen screen;
    private final WorkOrders orders;
    private final BusinessTime time;
    private final StepNames names;

    final TextField search = new TextField();
    final Span status = new Span();
    final Div hitList = new Div();
    final Div caller = new Div();
    final Div record = new Div();
    /** The number of the order just taken or answered, to read out to the caller. */
    final Div taken = new Div();
    final KnowledgePanel knowledge;

    private final List<CaseScreen.Hit> hits = new ArrayList<>();
    private final List<Div> hitRows = new ArrayList<>();
    private int selected = -1;
    private String query = "";
    private String knowledgeQuery = "";
    /** The mobile the agent searched for (the caller's), or null. */
    private String callerMobile;
    /** The organisation whose record is open, or null. */
    private CaseScreen.Hit shown;
    /** The order taken on this call and not yet dispatched or answered: 直接答复 closes it rather than taking another. */
    private String openOrder;
    /** The organisation and mobile on screen when {@link #openOrder} was taken: another call's screen never closes it. */
    private String openOrderContext;

    public HotlineHomeView(CaseScreen screen, KnowledgeBase knowledgeBase, WorkOrders orders, BusinessTime time, StepNames names) {
        this.screen = screen;
        this.orders = orders;
        this.time = time;
        this.names = names;
        addClassName("hotline-screen");

        search.setId("case-search");
        search.addClassName("case-search");
        search.setLabel(getTranslation("hotline.case.searchLabel"));
        search.setPlaceholder(getTranslation("hotline.case.searchPlaceholder"));
        search.setHelperText(getTranslation("hotline.case.searchHelp"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setAutofocus(true);
        search.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(SEARCH_PAUSE_MS);
        search.addValueChangeListener(e -> find(e.getValue()));
        search.getElement().setAttribute("aria-controls", "case-hits");
        Shortcuts.addShortcutListener(search, () -> move(1), Key.ARROW_DOWN).listenOn(search);
        Shortcuts.addShortcutListener(search, () -> move(-1), Key.ARROW_UP).listenOn(search);
        Shortcuts.addShortcutListener(search, this::openSelected, Key.ENTER).listenOn(search);

        status.setId("case-status");
        status.addClassName("case-status");
        hitList.setId("case-hits");
        hitList.addClassName("case-hits");
        hitList.getElement().setAttribute("role", "listbox");
        caller.setId("case-caller");
        record.setId("case-record");
        record.addClassName("case-record");

        taken.setId("case-taken");
        taken.addClassName("case-taken");
        taken.getElement().setAttribute("role", "status");
        taken.setVisible(false);

        Div main = new Div(search, status, taken, hitList, caller, record);
        main.addClassName("hotline-screen__main");
        knowledge = new KnowledgePanel(knowledgeBase, q -> {
            knowledgeQuery = q;
            rememberInAddress();
        });
        knowledge.addClassName("hotline-screen__kb");
        if (takesCalls()) {
            knowledge.onAnswerDirectly(this::answerDirectly);
            // Alt+N: a new work order without leaving the keyboard
            Shortcuts.addShortcutListener(this, this::newWorkOrder, Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);
        }
        add(main, knowledge);
        find("");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter(KnowledgePanel.QUERY_PARAMETER).ifPresent(knowledge::setQuery);
        parameters.getSingleParameter(QUERY_PARAMETER).ifPresent(search::setValue);
    }

    // ---- search -----------------------------------------------------------------------------------

    void find(String text) {
        query = text == null ? "" : text.strip();
        callerMobile = null;
        shown = null;
        rememberInAddress();
        hits.clear();
        hitRows.clear();
        hitList.removeAll();
        caller.removeAll();
        selected = -1;
        CaseScreen.Results results = screen.search(query);
        hits.addAll(results.hits());
        status.setText(statusText(results));
        status.getElement().setAttribute("aria-live", "polite");
        for (int i = 0; i < hits.size(); i++) {
            hitRows.add(hitRow(hits.get(i), i));
        }
        hitRows.forEach(hitList::add);
        if (results.more()) {
            Paragraph more = new Paragraph(getTranslation("hotline.case.more", CaseScreen.MAX_HITS));
            more.addClassName("case-hint");
            hitList.add(more);
        }
        hitList.setVisible(!hits.isEmpty());
        if (results.mobile() != null) {
            callerMobile = results.mobile();
            showCaller(results.mobile());
        }
        if (hits.size() == 1 && results.kind() != CaseScreen.QueryKind.NAME) {
            // an exact code, mobile or number with one organisation: the caller means it
            select(0);
            open(hits.get(0));
        } else {
            record.removeAll();
            if (!hits.isEmpty()) {
                select(0);
            }
        }
    }

    private String statusText(CaseScreen.Results results) {
        String shown = results.kind() == CaseScreen.QueryKind.MOBILE ? Masking.mobile(results.mobile()) : results.query();
        return switch (results.kind()) {
            case EMPTY -> getTranslation("hotline.case.status.empty");
            case TOO_SHORT -> getTranslation("hotline.case.status.tooShort", CaseScreen.MIN_FRAGMENT);
            default -> getTranslation("hotline.case.status." + (results.hits().isEmpty() ? "none." : "found.") + results.kind().name(),
                    results.hits().size(), shown);
        };
    }

    private Div hitRow(CaseScreen.Hit hit, int index) {
        Span name = new Span(hit.name() == null ? hit.uscc() : hit.name());
        name.addClassName("case-hit__name");
        Span code = new Span(hit.uscc());
        code.addClassName("case-hit__code");
        Span pill = hit.status() == null ? noAccountPill() : AccountSummary.statusPill(hit.status());
        Span why = new Span(getTranslation("hotline.case.reason." + hit.reason().name(), hit.detail() == null ? "" : hit.detail()));
        why.addClassName("case-hit__why");
        Div row = new Div(name, pill, code, why);
        row.setId("case-hit-" + hit.uscc());
        row.addClassName("case-hit");
        row.getElement().setAttribute("role", "option");
        row.addClickListener(e -> {
            select(index);
            open(hit);
        });
        return row;
    }

    private Span noAccountPill() {
        Span pill = new Span(getTranslation("hotline.case.noAccount"));
        pill.addClassNames("workbench-pill", "workbench-pill--warning");
        return pill;
    }

    void move(int by) {
        if (hits.isEmpty()) {
            return;
        }
        select(Math.floorMod(selected + by, hits.size()));
    }

    private void select(int index) {
        for (int i = 0; i < hitRows.size(); i++) {
            boolean on = i == index;
            hitRows.get(i).setClassName("case-hit--selected", on);
            hitRows.get(i).getElement().setAttribute("aria-selected", String.valueOf(on));
        }
        selected = index;
        if (index >= 0) {
            hitRows.get(index).getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
        }
    }

    void openSelected() {
        if (selected >= 0 && selected < hits.size()) {
            open(hits.get(selected));
        }
    }

    /** The hit the keyboard is on, or null. */
    CaseScreen.Hit selectedHit() {
        return selected >= 0 && selected < hits.size() ? hits.get(selected) : null;
    }

    // ---- the record -----------------------------------------------------------------------------------

    void open(CaseScreen.Hit hit) {
        shown = hit;
        CaseScreen.OrganisationRecord r = screen.record(hit.uscc());
        record.removeAll();
        Span name = new Span(r.name() == null ? r.uscc() : r.name());
        name.addClassName("case-record__name");
        H2 title = new H2(name);
        title.addClassName("case-record__title");
        Span code = new Span(r.uscc());
        code.addClassName("case-record__code");
        Span pill = r.accounts().isEmpty() ? noAccountPill() : AccountSummary.statusPill(r.accounts().get(0).status());
        Div head = new Div(title, pill, code);
        head.addClassName("case-record__head");
        if (takesCalls()) {
            Button newOrder = new Button(getTranslation("hotline.case.newWorkOrder"), VaadinIcon.PLUS.create(), e -> newWorkOrder());
            newOrder.setId("case-new-work-order");
            newOrder.addClassName("case-record__new");
            newOrder.getElement().setAttribute("title", getTranslation("hotline.case.newWorkOrderShortcut"));
            newOrder.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            head.add(newOrder);
        }
        record.add(head);

        if (r.accounts().isEmpty()) {
            record.add(card("hotline.case.account", "case-account", hint(getTranslation("hotline.case.noAccountHint"))));
        } else {
            EnterpriseAccount current = r.accounts().get(0);
            record.add(card("hotline.case.account", "case-account", new AccountSummary(current, time,
                    field -> screen.revealAccountField(current.id(), r.uscc(), field))));
            record.add(card("hotline.case.names", "case-names", AccountSummary.names(r.names(), time)));
            if (r.accounts().size() > 1) {
                record.add(card("hotline.case.accounts", "case-accounts", formerAccounts(r.accounts().subList(1, r.accounts().size()))));
            }
        }
        record.add(card("hotline.case.cases", "case-cases", r.cases().isEmpty()
                ? hint(getTranslation("hotline.case.noCases")) : caseList(r.cases())));
        if (r.earlierContacts() != null) {
            record.add(card("hotline.case.workOrders", "case-work-orders", contactList(r.earlierContacts())));
        }
    }

    private UnorderedList formerAccounts(List<EnterpriseAccount> former) {
        UnorderedList list = new UnorderedList();
        list.addClassName("case-list");
        for (EnterpriseAccount a : former) {
            ListItem item = new ListItem(new Span(a.name()), AccountSummary.statusPill(a.status()),
                    new Span(getTranslation("hotline.case.formerAccount", a.legalRepNameMasked(), BusinessTime.day(a.openedOn()),
                            a.deregisteredAt() == null ? "—" : time.day(a.deregisteredAt()))));
            item.setId("case-account-" + a.id());
            list.add(item);
        }
        return list;
    }

    private UnorderedList caseList(List<CaseScreen.CaseLine> lines) {
        UnorderedList list = new UnorderedList();
        list.addClassName("case-list");
        for (CaseScreen.CaseLine line : lines) {
            OrganisationCase c = line.c();
            Span process = new Span(names.process(c.processKey(), getLocale()));
            process.addClassName("case-line__process");
            Span ref = new Span(c.caseRef());
            ref.addClassName("case-line__ref");
            Span state = new Span(getTranslation(c.stateLabelKey()));
            state.addClassNames("workbench-pill", c.open() ? "workbench-pill--warning" : "workbench-pill--neutral");
            ListItem item = new ListItem(process, ref, state);
            item.addClassName("case-line");
            item.setId("case-line-" + c.caseRef());
            if (c.due() != null) {
                Span due = new Span(getTranslation("hotline.case.due", time.minute(c.due())));
                due.addClassName("case-line__due");
                item.add(due);
            }
            if (!line.contactMobileMasked().isEmpty()) {
                Span mobile = new Span(getTranslation("hotline.case.contactMobile", line.contactMobileMasked()));
                mobile.addClassName("case-line__mobile");
                Button reveal = AccountSummary.revealButton("case-line-" + c.caseRef() + "-reveal", () -> screen.revealContactMobile(c.caseRef()),
                        full -> mobile.setText(getTranslation("hotline.case.contactMobile", full)));
                item.add(mobile, reveal);
            }
            if (line.route() != null) {
                Button open = new Button(getTranslation("hotline.case.open"), VaadinIcon.ARROW_RIGHT.create(),
                        e -> getUI().ifPresent(ui -> ui.navigate(line.route())));
                open.setId("case-line-" + c.caseRef() + "-open");
                open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.add(open);
            }
            list.add(item);
        }
        return list;
    }

    /** The caller's earlier work orders by the mobile searched, when something provides them. */
    private void showCaller(String mobile) {
        List<CallerHistory.EarlierContact> earlier = screen.callerHistory(mobile);
        if (earlier == null) {
            return;
        }
        caller.add(card("hotline.case.callerWorkOrders", "case-caller-work-orders", contactList(earlier)));
    }

    private Component contactList(List<CallerHistory.EarlierContact> contacts) {
        if (contacts.isEmpty()) {
            return hint(getTranslation("hotline.case.noWorkOrders"));
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("case-list");
        Map<String, CallerHistory.EarlierContact> distinct = new LinkedHashMap<>();
        contacts.forEach(c -> distinct.putIfAbsent(c.ref(), c));
        for (CallerHistory.EarlierContact c : distinct.values()) {
            Span state = new Span(getTranslation(c.stateLabelKey()));
            state.addClassNames("workbench-pill", c.open() ? "workbench-pill--warning" : "workbench-pill--neutral");
            Span ref = new Span(c.ref());
            ref.addClassName("case-line__ref");
            Span summary = new Span(c.summary());
            summary.addClassName("case-line__summary");
            Span received = new Span(time.minute(c.receivedAt()));
            received.addClassName("case-line__received");
            ListItem item = new ListItem(ref, state, received, summary);
            item.addClassName("case-line");
            item.setId("case-work-order-" + c.ref());
            if (c.due() != null) {
                Span due = new Span(getTranslation("hotline.case.due", time.minute(c.due())));
                due.addClassName("case-line__due");
                item.add(due);
            }
            if (c.route() != null) {
                Button open = new Button(getTranslation("hotline.case.open"), VaadinIcon.ARROW_RIGHT.create(),
                        e -> getUI().ifPresent(ui -> ui.navigate(c.route())));
                open.setId("case-work-order-" + c.ref() + "-open");
                open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.add(open);
            } else {
                item.addClassName("case-line--read-only");
            }
            list.add(item);
        }
        return list;
    }

    // ---- taking the call ---------------------------------------------------------------------------------

    /** 受理 from the record: the dialog knows the organisation on screen and the mobile searched. */
    void newWorkOrder() {
        if (!takesCalls()) {
            return;
        }
        new WorkOrderIntakeDialog(orders, org.reviewdesk.platform.CurrentUser.require(), callerMobile,
                shown == null ? null : shown.uscc(), number -> {
                    openOrder = number;
                    openOrderContext = context();
                    showTaken("hotline.case.taken", number);
                }).open();
    }

    /**
     * 直接答复 from a knowledge entry: closes the order taken on this call with the entry, or, when none is
     * open, records one in a small dialog and closes it at once.
     */
    void answerDirectly(KnowledgeEntry entry) {
        org.reviewdesk.platform.CurrentUser agent = org.reviewdesk.platform.CurrentUser.require();
        if (openOrder != null && openOrderContext.equals(context())) {
            String number = openOrder;
            try {
                orders.answerDirectly(number, entry.id(), agent);
                openOrder = null;
                showTaken("hotline.case.answered", number);
                return;
            } catch (org.reviewdesk.platform.UserFacingException stale) {
                // dispatched or merged meanwhile (e.g. from the workbench): this call gets an order of its own
                openOrder = null;
            }
        }
        new DirectAnswerDialog(orders, agent, entry, callerMobile, shown == null ? null : shown.uscc(),
                number -> showTaken("hotline.case.answered", number)).open();
    }

    /** The number to read out, large, and the lists that now hold the order. */
    private void showTaken(String key, String number) {
        taken.removeAll();
        Span line = new Span(getTranslation(key));
        Span big = new Span(number);
        big.setId("case-taken-number");
        big.addClassName("case-taken__number");
        taken.add(VaadinIcon.CHECK_CIRCLE.create(), line, big);
        taken.setVisible(true);
        caller.removeAll();
        if (callerMobile != null) {
            showCaller(callerMobile);
        }
        if (shown != null) {
            open(shown);
        }
    }

    /** What the screen is about: the organisation open and the mobile searched. */
    private String context() {
        return (shown == null ? "" : shown.uscc()) + "|" + (callerMobile == null ? "" : callerMobile);
    }

    private static boolean takesCalls() {
        return org.reviewdesk.platform.CurrentUser.get().map(u -> u.has(Role.HOTLINE_AGENT)).orElse(false);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Div card(String titleKey, String id, Component... content) {
        H3 heading = new H3(getTranslation(titleKey));
        Div card = new Div(heading);
        card.add(content);
        card.setId(id);
        card.addClassNames("card", "case-card");
        return card;
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("case-hint");
        return p;
    }

    private void rememberInAddress() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            parameters.put(QUERY_PARAMETER, query);
        }
        if (!knowledgeQuery.isEmpty()) {
            parameters.put(KnowledgePanel.QUERY_PARAMETER, knowledgeQuery);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, QueryParameters.simple(parameters))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("hotline.case.title");
    }
}
