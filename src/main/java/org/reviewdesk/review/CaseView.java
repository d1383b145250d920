package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One case, read-only ({@code /cases/<number>}): what the case search knows (process, state, code,
 * received, decided), a button to its open task when the user may see one, the process's own body
 * without decision controls ({@link CaseAdapter#caseView}) and the internal comments. Opening it is
 * audited ({@link CaseIndex#open}); a case of a process the user does not work is "not found".
 */
@Route("cases/:" + CaseView.CASE_REF)
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME, Role.HOTLINE_AGENT_NAME, Role.HANDLER_NAME})
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CASE_REF = "caseRef";

    private final CaseIndex cases;
    private final BusinessTime time;
    private final StepNames names;
    private final CurrentUser user;
    private String title = "";

    public CaseView(CaseIndex cases, BusinessTime time, StepNames names) {
        this.cases = cases;
        this.time = time;
        this.names = names;
        this.user = CurrentUser.require();
        setId("case-view");
        addClassNames("review-view", "case-view");
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String ref = event.getRouteParameters().get(CASE_REF).orElse("");
        Optional<CaseEntry> found = cases.open(ref, user);
        if (found.isEmpty()) {
            title = getTranslation("review.cases.title");
            Div missing = new Div(VaadinIcon.EXCLAMATION_CIRCLE_O.create(), new Paragraph(getTranslation("review.cases.notFound", ref)));
            missing.setId("case-not-found");
            missing.addClassNames("card", "card-warning", "review-not-found");
            add(missing, backButton());
            return;
        }
        CaseEntry c = found.get();
        Optional<CaseAdapter> adapter = cases.adapter(c.processKey());
        title = getTranslation("review.cases.titleOf", c.caseRef());
        add(header(c), body(c, adapter), comments(c));
    }

    private Component header(CaseEntry c) {
        H2 number = new H2(c.caseRef());
        number.addClassName("case-view__number");
        Span process = new Span(names.process(c.processKey(), getLocale()));
        process.addClassName("case-view__process");
        Span readOnly = new Span(getTranslation("review.cases.readOnly"));
        readOnly.setId("case-read-only");
        readOnly.addClassNames("workbench-pill", "case-view__read-only");
        Div heading = new Div(number, process, CaseSearchView.phasePill(c), readOnly);
        heading.addClassName("case-view__heading");
        // issue 14: on a phone the received time broke mid-date ("受理于 2026-" / "12-05 18:36"); the code and the
        // time are kept whole, only the name wraps
        Span code = new Span(c.code() == null ? "—" : c.code());
        Span received = new Span(c.receivedAt() == null ? getTranslation("review.cases.notReceived")
                : getTranslation("review.cases.receivedAt", time.minute(c.receivedAt())));
        code.addClassName("case-view__whole");
        received.addClassName("case-view__whole");
        Paragraph facts = new Paragraph(new Text((c.title() == null ? "—" : c.title()) + " · "), code, new Text(" · "), received);
        facts.addClassName("case-view__facts");
        Div actions = new Div(backButton());
        Optional<ReviewTask> task = cases.openTask(c.caseRef(), user);
        task.ifPresent(t -> {
            Button open = new Button(getTranslation("review.cases.openTask"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, t.taskId()))));
            open.setId("case-open-task");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.addComponentAsFirst(open);
        });
        if (task.isEmpty()) {
            Span none = new Span(getTranslation("review.cases.noOpenTask"));
            none.setId("case-no-open-task");
            none.addClassName("case-view__no-task");
            actions.add(none);
        }
        actions.addClassName("case-view__actions");
        Div header = new Div(heading, facts, actions);
        header.setId("case-header");
        header.addClassNames("card", "case-view__header");
        return header;
    }

    private Component body(CaseEntry c, Optional<CaseAdapter> adapter) {
        if (adapter.isEmpty()) {
            return new Paragraph(getTranslation("review.task.noAdapter", c.processKey()));
        }
        try {
            Component body = adapter.get().caseView(c.caseRef(), user);
            body.getElement().getClassList().add("review-body");
            return body;
        } catch (AccessDeniedException e) {
            return refusal(getTranslation("review.cases.bodyDenied"));
        } catch (UserFacingException e) {
            return refusal(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private static Component refusal(String text) {
        Paragraph refused = new Paragraph(text);
        refused.setId("case-body-refused");
        refused.addClassNames("card", "card-warning");
        return refused;
    }

    private Component comments(CaseEntry c) {
        OrderedList list = new OrderedList();
        list.addClassName("review-comments__list");
        CaseCommentsPanel.fill(list, cases.comments(c.caseRef(), user), time);
        Div card = new Div(new H2(getTranslation("review.comments.title")), list);
        card.setId("case-comments");
        card.addClassNames("card", "review-comments");
        return card;
    }

    private Button backButton() {
        Button back = new Button(getTranslation("review.cases.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs(
                        "if (history.length > 1) { history.back(); } else { window.location.href = $0; }",
                        RouteConfiguration.forSessionScope().getUrl(CaseSearchView.class))));
        back.setId("case-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
