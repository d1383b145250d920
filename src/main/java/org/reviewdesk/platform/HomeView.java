package org.reviewdesk.platform;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * The root: sends each user to the landing page of their highest-ranked role. A user with no
 * role yet sees why there is nothing for them.
 */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final List<LandingPage> landings;

    public HomeView(List<LandingPage> landings) {
        this.landings = landings;
        add(new H2(getTranslation("platform.home.noRole.title")), new Paragraph(getTranslation("platform.home.noRole.message")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser.get().flatMap(user -> landings.stream()
                        .filter(l -> user.has(l.role()))
                        .max(Comparator.comparingInt(l -> l.role().ordinal())))
                .ifPresent(landing -> event.forwardTo(landing.view()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.product.name");
    }
}
