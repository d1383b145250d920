package org.reviewdesk.platform;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The staff shell: side navigation by role, the signed-in user, language and sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    public MainLayout(List<NavigationEntry> entries, AccessAnnotationChecker access, AuthenticationContext authentication) {
        addClassName("main-layout");
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("platform.layout.menu"));
        viewTitle.addClassName("view-title");
        HorizontalLayout navbar = new HorizontalLayout(toggle, viewTitle, new LanguageSwitch());
        navbar.addClassName("navbar");
        navbar.setWidthFull();
        navbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        navbar.expand(viewTitle);
        addToNavbar(navbar);

        Span brand = new Span(getTranslation("platform.product.name"));
        brand.addClassName("brand");
        SideNav nav = new SideNav();
        nav.addClassName("side-nav");
        entries.stream()
                .filter(e -> access.hasAccess(e.view()))
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .forEach(e -> nav.addItem(new SideNavItem(getTranslation(e.messageKey()),
                        RouteConfiguration.forSessionScope().getUrl(e.view()), e.icon().create())));
        Div drawer = new Div(brand, nav, userFooter(authentication));
        drawer.addClassName("drawer-content");
        addToDrawer(drawer);
    }

    private Div userFooter(AuthenticationContext authentication) {
        Div footer = new Div();
        footer.addClassName("user-footer");
        CurrentUser.get().ifPresent(user -> {
            Span name = new Span(user.displayName());
            name.setTitle(user.username());
            name.addClassName("user-name");
            Span roles = new Span(user.roles().stream().map(r -> getTranslation(r.messageKey())).collect(Collectors.joining(" · ")));
            roles.addClassName("user-roles");
            footer.add(name, roles);
        });
        if (CurrentUser.get().isEmpty()) {
            // an anonymous visitor sees the shell only around the 404 page
            Button login = new Button(getTranslation("platform.layout.login"), VaadinIcon.SIGN_IN.create(),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(LoginView.class)));
            login.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            login.setId("layout-login");
            footer.add(login);
            return footer;
        }
        Button logout = new Button(getTranslation("platform.layout.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("logout");
        footer.add(logout);
        return footer;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(getContent() instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
    }
}
