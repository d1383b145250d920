package org.reviewdesk.platform;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address no page has: a translated 404 inside the staff shell (an anonymous visitor sees the shell
 * without a menu, and the start page button leads to sign-in).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("platform.error.notFound.title", "platform.error.notFound.message", event.getLocation().getPath());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
