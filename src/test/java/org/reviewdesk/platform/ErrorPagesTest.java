package org.reviewdesk.platform;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.staff.UserAdminView;

/** Issue 14 item 9: a page the user may not open, or an unknown address, is a translated page in the shell with a way back. */
class ErrorPagesTest extends KaribuTestSupport {

    @Test
    void aPageTheRolesDoNotAllowIsATranslated403InsideTheShellWithTheMenu() {
        signInAs("reviewer", Role.REVIEWER);
        UI.getCurrent().navigate(UserAdminView.class);

        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_get(currentView(), H2.class).getText()).isEqualTo("无权打开此页面");
        MainLayout layout = (MainLayout) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(1);
        assertThat(_find(layout, SideNavItem.class)).extracting(SideNavItem::getPath).contains("review/inbox")
                .doesNotContain("admin/users");
        assertThat(_get(currentView(), Button.class, spec -> spec.withId("access-denied-start")).getText()).isEqualTo("回到首页");
    }

    @Test
    void anUnknownAddressIsATranslated404ThatShowsTheAddressAsText() {
        signInAs("agent", Role.HOTLINE_AGENT);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("no-such-page");

        assertThat(currentView()).isInstanceOf(NotFoundView.class);
        assertThat(_get(currentView(), H2.class).getText()).isEqualTo("Page not found");
        assertThat(currentView().getElement().getText() + _find(currentView(), com.vaadin.flow.component.html.Paragraph.class)
                .stream().map(com.vaadin.flow.component.html.Paragraph::getText).toList())
                .contains("The address you opened: /no-such-page");
        assertThat(((NotFoundView) currentView()).getPageTitle()).isEqualTo("Page not found");
    }

    @Test
    void theStartPageButtonLeadsHome() {
        signInAs("admin", Role.ADMIN);
        open("nowhere/at/all");
        _get(currentView(), Button.class, spec -> spec.withId("not-found-start")).click();

        assertThat(currentView()).isNotInstanceOf(NotFoundView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isNotEqualTo("nowhere/at/all");
    }

    @Test
    void anAnonymousVisitorGetsThe404WithoutAMenuAndASignInButton() {
        open("no-such-page");

        assertThat(currentView()).isInstanceOf(NotFoundView.class);
        MainLayout layout = (MainLayout) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(1);
        assertThat(_find(layout, SideNavItem.class)).isEmpty();
        _get(layout, Button.class, spec -> spec.withId("layout-login")).click();
        assertThat(currentView()).isInstanceOf(LoginView.class);
    }

    /**
     * Opens an address as a browser's page load does: {@code UI.navigate(String)} hands an address that
     * no Flow route has to the client-side router, so the server's router is asked directly.
     */
    private static void open(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new com.vaadin.flow.router.Location(path),
                com.vaadin.flow.router.NavigationTrigger.PAGE_LOAD);
    }
}
