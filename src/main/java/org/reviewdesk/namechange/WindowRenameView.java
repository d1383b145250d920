package org.reviewdesk.namechange;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.window.AccessCodeHandover;
import org.reviewdesk.window.WindowCaseView;

/**
 * {@code /window/namechange?uscc=…}: a window clerk starts a 企业's name change for a walk-in
 * applicant, with the same form and rules as {@code /rename} (no SMS code) plus the applicant's ID
 * document, which the clerk checks against the original in person on the case's page. The case's page
 * then takes over: the access code once, the licence scan, submit, the receipt.
 */
@Route(WindowRenameView.ROUTE)
@RolesAllowed(Role.WINDOW_CLERK_NAME)
public class WindowRenameView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "window/namechange";
    /** Process 2's window form, with the reason a non-企业's name change takes it. */
    static final String CHANGE_ROUTE = "window/representative?reason=NAME_CHANGED";

    private final NameChanges changes;
    private final RenameForm form;

    public WindowRenameView(NameChanges changes) {
        this.changes = changes;
        this.form = new RenameForm(changes, true, CHANGE_ROUTE);
        setId("window-rename-view");
        addClassName("window-start");
        Button start = new Button(getTranslation("namechange.window.startButton"), e -> start());
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("namechange.window.title")), new Paragraph(getTranslation("namechange.window.intro")), form, start);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.preset(event.getLocation().getQueryParameters().getParameters());
    }

    private void start() {
        form.clearErrors();
        try {
            NameChangeStarted started = changes.startAtWindow(form.bean().toRequest(), CurrentUser.require(), getLocale());
            AccessCodeHandover.handOver(started.number(), started.accessCode());
            getUI().ifPresent(ui -> ui.navigate(WindowCaseView.route(started.number())));
        } catch (NameChangeRefused refused) {
            form.show(refused);
        } catch (UserFacingException refused) {
            form.show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("namechange.window.title");
    }
}
