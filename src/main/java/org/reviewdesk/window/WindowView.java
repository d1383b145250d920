package org.reviewdesk.window;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.accounts.AccountMatch;
import org.reviewdesk.accounts.AccountName;
import org.reviewdesk.accounts.AccountStatus;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Facts;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.StepNames;

/**
 * The window clerk's start page (省政务中心线下窗口): find an organisation by credit code or by any
 * name it has had, see its account (personal data masked) and its cases in every process, start what
 * the processes offer for a walk-in applicant, and record the in-person identity check on a case.
 * The search is in the address ({@code ?q=}), so a reload shows the same organisation.
 */
@Route(WindowView.ROUTE)
@RolesAllowed(Role.WINDOW_CLERK_NAME)
public class WindowView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "window";
    private static final String QUERY_PARAMETER = "q";

    private final WindowDesk desk;
    private final WindowCaseDesk caseDesk;
    private final BusinessTime time;
    private final StepNames names;

    final TextField search = new TextField();
    final Div results = new Div();
    final Div account = new Div();
    final Div cases = new Div();
    final Div actions = new Div();
    final IdentityCheck identity;

    public WindowView(WindowDesk desk, WindowCaseDesk caseDesk, InPersonVerifications verifications, BusinessTime time,
                      StepNames names) {
        this.desk = desk;
        this.caseDesk = caseDesk;
        this.time = time;
        this.names = names;
        this.identity = new IdentityCheck(verifications, time);
        addClassName("window-desk");

        search.setId("window-search");
        search.addClassName("window-search");
        search.setLabel(getTranslation("window.search.label"));
        search.setPlaceholder(getTranslation("window.search.placeholder"));
        search.setHelperText(getTranslation("window.search.helper"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setAutofocus(true);
        Button find = new Button(getTranslation("window.search.button"), e -> lookUp(search.getValue()));
        find.setId("window-search-button");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(Key.ENTER);
        Div bar = new Div(search, find);
        bar.addClassName("window-search-bar");

        results.setId("window-results");
        results.addClassName("window-results");
        account.setId("window-account");
        cases.setId("window-cases");
        actions.setId("window-actions");
        actions.addClassName("window-actions");
        Div columns = new Div(account, new Div(actions, cases, identity));
        columns.addClassName("window-columns");
        add(bar, results, columns);
        clear();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(QUERY_PARAMETER).ifPresent(q -> {
            search.setValue(q);
            lookUp(q);
        });
    }

    // ---- lookup -----------------------------------------------------------------------------------

    void lookUp(String query) {
        clear();
        String q = query == null ? "" : query.strip();
        rememberInAddress(q);
        if (q.isEmpty()) {
            return;
        }
        List<AccountMatch> found = desk.find(q);
        Optional<String> code = WindowDesk.codeOf(q);
        if (found.isEmpty()) {
            results.add(hint(code.isPresent() ? getTranslation("window.search.noAccountForCode", code.get())
                    : getTranslation("window.search.none", q)));
            code.ifPresent(this::showOrganisation);
            return;
        }
        if (code.isPresent() || found.size() == 1) {
            // a code's accounts (the ACTIVE one first) or the only match: straight to it
            show(found.get(0).account());
            if (found.size() > 1) {
                results.add(matchList(found.subList(1, found.size()), "window.search.otherAccounts"));
            }
            return;
        }
        results.add(matchList(found, "window.search.matches"));
    }

    private Component matchList(List<AccountMatch> matches, String titleKey) {
        UnorderedList list = new UnorderedList();
        list.addClassName("window-match-list");
        for (AccountMatch match : matches) {
            EnterpriseAccount a = match.account();
            Button open = new Button(a.name() + " · " + a.uscc(), e -> {
                results.removeAll();
                show(a);
            });
            open.setId("window-match-" + a.id());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            ListItem item = new ListItem(open, statusPill(a.status()));
            if (match.formerName() != null) {
                Span former = new Span(getTranslation("window.account.formerNameMatch", match.formerName()));
                former.addClassName("window-former-name");
                item.add(former);
            }
            list.add(item);
        }
        Span title = new Span(getTranslation(titleKey, matches.size()));
        title.addClassName("window-results-title");
        return new Div(title, list);
    }

    // ---- the organisation ---------------------------------------------------------------------------

    void show(EnterpriseAccount a) {
        account.removeAll();
        Div facts = new Div();
        facts.addClassName("workbench-facts");
        facts.add(row("window.account.name", a.name()));
        facts.add(row("window.account.uscc", a.uscc()));
        facts.add(row("window.account.type", getTranslation(a.legalPersonType().messageKey())));
        Div status = row("window.account.status", "");
        status.getChildren().skip(1).findFirst().ifPresent(value -> status.replace(value, statusPill(a.status())));
        facts.add(status);
        facts.add(row("window.account.representative", a.legalRepNameMasked()));
        facts.add(row("window.account.representativeId", a.representativeIdType() == null ? ""
                : getTranslation(a.representativeIdType().messageKey()) + " " + a.representativeIdNumberMasked()));
        facts.add(row("window.account.mobile", a.representativeMobileMasked()));
        facts.add(row("window.account.openedOn", BusinessTime.day(a.openedOn())));
        facts.add(row("window.account.source", getTranslation(a.source().messageKey())
                + (a.sourceCaseRef() == null ? "" : " · " + a.sourceCaseRef())));
        if (a.status() == AccountStatus.DEREGISTERED) {
            facts.add(row("window.account.deregisteredAt", time.minute(a.deregisteredAt())));
            facts.add(row("window.account.deregistrationReason", a.deregistrationReason()));
            facts.add(row("window.account.deregistrationCase", a.deregistrationCaseRef()));
        }
        UnorderedList names = new UnorderedList();
        names.setId("window-names");
        names.addClassName("window-names");
        List<AccountName> history = desk.names(a.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            AccountName n = history.get(i);
            ListItem item = new ListItem(new Span(n.name()), new Span(" · " + getTranslation("window.account.nameSince", time.day(n.validFrom()))));
            if (i < history.size() - 1) {
                item.addClassName("window-names__former");
            }
            names.add(item);
        }
        account.add(card("window.account.title", facts, new H2(getTranslation("window.account.names")), names));
        showOrganisation(a.uscc());
    }

    /** The code's cases, what can be started for it, and the identity check. */
    private void showOrganisation(String uscc) {
        List<OrganisationCase> found = desk.cases(uscc);
        cases.removeAll();
        UnorderedList list = new UnorderedList();
        list.addClassName("window-case-list");
        for (OrganisationCase c : found) {
            Span state = new Span(getTranslation(c.stateLabelKey()));
            state.addClassNames("workbench-pill", c.open() ? "workbench-pill--warning" : "workbench-pill--neutral");
            ListItem item = new ListItem(new Span(names.process(c.processKey(), getLocale())), new Span(" " + c.caseRef() + " "), state);
            if (c.due() != null) {
                item.add(new Span(" " + getTranslation("window.cases.due", time.minute(c.due()))));
            }
            if (c.open() && caseDesk.handles(c.caseRef())) {
                Button work = new Button(getTranslation("window.case.open"),
                        e -> getUI().ifPresent(ui -> ui.navigate(WindowCaseView.route(c.caseRef()))));
                work.setId("window-case-open-" + c.caseRef());
                work.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(work);
            }
            item.setId("window-case-" + c.caseRef());
            list.add(item);
        }
        cases.add(card("window.cases.title", found.isEmpty() ? hint(getTranslation("window.cases.none")) : list));

        actions.removeAll();
        for (WindowAction action : desk.actions(uscc)) {
            Button start = new Button(getTranslation(action.labelKey()), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(action.route(), QueryParameters.simple(action.query()))));
            start.setId("window-action-" + action.id());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(start);
        }

        identity.show(found.stream().filter(OrganisationCase::open).map(OrganisationCase::caseRef).toList());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void clear() {
        results.removeAll();
        account.removeAll();
        cases.removeAll();
        actions.removeAll();
        identity.removeAll();
    }

    private Span statusPill(AccountStatus status) {
        Span pill = new Span(getTranslation("accounts.status." + status.name()));
        pill.addClassNames("workbench-pill", status == AccountStatus.ACTIVE ? "workbench-pill--passed" : "workbench-pill--neutral");
        return pill;
    }

    private Div row(String labelKey, String value) {
        return Facts.row(getTranslation(labelKey), value);
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("window-hint");
        return p;
    }

    private Div card(String titleKey, Component... content) {
        return IdentityCheck.card(getTranslation(titleKey), content);
    }

    private void rememberInAddress(String q) {
        QueryParameters parameters = q.isEmpty() ? QueryParameters.empty() : QueryParameters.of(QUERY_PARAMETER, q);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, parameters)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("window.title");
    }
}
