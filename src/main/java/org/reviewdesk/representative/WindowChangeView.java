package org.reviewdesk.representative;

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
 * {@code /window/representative?uscc=…}: a window clerk starts a legal-representative change for a
 * walk-in applicant, with the same form and rules as {@code /change} (no SMS code: the clerk checks
 * the applicant in person). The case's page then takes over: the access code once, the scans, submit,
 * the receipt.
 */
@Route(WindowChangeView.ROUTE)
@RolesAllowed(Role.WINDOW_CLERK_NAME)
public class WindowChangeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "window/representative";

    private final RepresentativeChanges changes;
    private final ChangeForm form;

    public WindowChangeView(RepresentativeChanges changes) {
        this.changes = changes;
        this.form = new ChangeForm(changes);
        setId("window-change-view");
        addClassName("window-start");
        Button start = new Button(getTranslation("representative.window.startButton"), e -> start());
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("representative.window.title")), new Paragraph(getTranslation("representative.window.intro")),
                form, start);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.preset(event.getLocation().getQueryParameters().getParameters());
    }

    private void start() {
        form.clearErrors();
        try {
            ChangeStarted started = changes.startAtWindow(form.bean().toRequest(), CurrentUser.require(), getLocale());
            AccessCodeHandover.handOver(started.number(), started.accessCode());
            getUI().ifPresent(ui -> ui.navigate(WindowCaseView.route(started.number())));
        } catch (UserFacingException refused) {
            form.show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("representative.window.title");
    }
}
