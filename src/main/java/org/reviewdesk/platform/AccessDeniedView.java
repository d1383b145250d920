package org.reviewdesk.platform;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A signed-in user opened a page their roles do not allow: a translated 403 inside the staff shell,
 * with the menu of what they may open. (Anonymous users never get here: they are sent to sign in.)
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("access-denied");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("platform.error.denied.title", "platform.error.denied.message", event.getLocation().getPath());
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
