package org.reviewdesk.applicants;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import org.reviewdesk.platform.LanguageSwitch;

/**
 * The frame of a process's public pages, in the applicant pages' look (their style classes): the
 * portal's header with the service's start and status pages and the language, a centred column,
 * the footer. Each applicant-facing process extends it with its own keys and views.
 */
public abstract class ApplicantFrame extends Div implements HasDynamicTitle {

    protected final Main main = new Main();

    protected ApplicantFrame(String serviceKey, String startKey, Class<? extends Component> start,
                             String statusKey, Class<? extends Component> status) {
        addClassName("applicant-page");
        main.addClassName("applicant-main");
        add(header(serviceKey, startKey, start, statusKey, status), main, footer());
    }

    private Header header(String serviceKey, String startKey, Class<? extends Component> start,
                          String statusKey, Class<? extends Component> status) {
        Span portal = new Span(getTranslation("applicant.header.portal"));
        portal.addClassName("applicant-header__portal");
        Span service = new Span(getTranslation(serviceKey));
        service.addClassName("applicant-header__service");
        Div names = new Div(portal, service);
        names.addClassName("applicant-header__names");
        Div brand = new Div(names);
        brand.addClassName("applicant-header__brand");
        Div nav = new Div(new RouterLink(getTranslation(startKey), start), new RouterLink(getTranslation(statusKey), status));
        nav.addClassName("applicant-header__nav");
        Div inner = new Div(brand, nav, new LanguageSwitch());
        inner.addClassName("applicant-header__inner");
        Header header = new Header(inner);
        header.addClassName("applicant-header");
        return header;
    }

    private Footer footer() {
        Footer footer = new Footer(new Paragraph(getTranslation("applicant.footer.help")),
                new Paragraph(getTranslation("applicant.footer.privacy")));
        footer.addClassName("applicant-footer");
        return footer;
    }

    /** A label and its value in the summary style; an empty value shows as a dash. */
    protected Div row(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("applicant-summary__label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("applicant-summary__value");
        Div row = new Div(label, text);
        row.addClassName("applicant-summary__row");
        return row;
    }

    /** The client's address as the throttles count it. */
    protected static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }
}
