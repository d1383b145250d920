package org.reviewdesk.staff;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.OperatorWarningSource;
import org.reviewdesk.platform.Role;

/** The administrator's landing page: what needs attention, and the staff at a glance. */
@Route("admin")
@RolesAllowed(Role.ADMIN_NAME)
public class AdminHomeView extends VerticalLayout implements HasDynamicTitle {

    public AdminHomeView(List<OperatorWarningSource> warningSources, StaffDirectory directory) {
        addClassName("admin-home");
        H2 warningsTitle = new H2(getTranslation("staff.admin.warnings"));
        List<OperatorWarning> warnings = warningSources.stream().flatMap(s -> s.currentWarnings().stream()).toList();
        Div warningsCard = new Div(warningsTitle);
        warningsCard.addClassNames("card", warnings.isEmpty() ? "card-ok" : "card-warning");
        warningsCard.setId("operator-warnings");
        if (warnings.isEmpty()) {
            warningsCard.add(new Paragraph(getTranslation("staff.admin.noWarnings")));
        } else {
            UnorderedList list = new UnorderedList();
            warnings.forEach(w -> list.add(new ListItem(VaadinIcon.WARNING.create(),
                    new com.vaadin.flow.component.html.Span(getTranslation(w.messageKey(), w.arguments().toArray())))));
            warningsCard.add(list);
        }

        List<StaffMember> staff = directory.list();
        long disabled = staff.stream().filter(s -> !s.enabled()).count();
        Div usersCard = new Div(new H2(getTranslation("staff.admin.users")),
                new Paragraph(getTranslation("staff.admin.usersSummary", staff.size(), disabled)),
                new RouterLink(getTranslation("staff.admin.manageUsers"), UserAdminView.class));
        usersCard.addClassName("card");
        add(warningsCard, usersCard);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.admin.title");
    }
}
