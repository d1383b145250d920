package org.reviewdesk.registration;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import org.reviewdesk.documents.intake.DocumentContent;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.LanguageSwitch;
import org.reviewdesk.rules.RuleMessage;

/**
 * The frame of the applicant's public pages: the portal's header (name, the two pages, language),
 * a centred column for the page and a footer with the hotline. Not the staff shell: applicants
 * never see staff navigation.
 */
abstract class ApplicantPage extends Div implements HasDynamicTitle {

    /** Times are shown as a clock in the business zone reads them. */
    final BusinessTime businessTime;

    /** The page's own content goes here. */
    protected final Main main = new Main();

    ApplicantPage(BusinessTime businessTime) {
        this.businessTime = businessTime;
        addClassName("applicant-page");
        main.addClassName("applicant-main");
        add(header(), main, footer());
    }

    private Header header() {
        Span mark = new Span(getTranslation("applicant.header.mark"));
        mark.addClassName("applicant-header__mark");
        mark.getElement().setAttribute("aria-hidden", "true");
        Span portal = new Span(getTranslation("applicant.header.portal"));
        portal.addClassName("applicant-header__portal");
        Span service = new Span(getTranslation("applicant.header.service"));
        service.addClassName("applicant-header__service");
        Div names = new Div(portal, service);
        names.addClassName("applicant-header__names");
        Div brand = new Div(mark, names);
        brand.addClassName("applicant-header__brand");

        RouterLink apply = new RouterLink(getTranslation("applicant.header.apply"), ApplicationFormView.class);
        RouterLink status = new RouterLink(getTranslation("applicant.header.status"), ApplicationStatusView.class);
        Div nav = new Div(apply, status);
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

    String translate(RuleMessage message) {
        return getTranslation(message.key(), message.argumentArray());
    }

    String time(OffsetDateTime at) {
        return businessTime.minute(at);
    }

    String day(OffsetDateTime at) {
        return businessTime.day(at);
    }

    /** A label and its value, one row of a summary. */
    Div row(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("applicant-summary__label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("applicant-summary__value");
        Div row = new Div(label, text);
        row.addClassName("applicant-summary__row");
        return row;
    }

    /** The acceptance receipt (受理回执) as a download, rendered when it is asked for. */
    Anchor receiptLink(RegistrationService registrations, ApplicantAccess access) {
        String fileName = "受理回执-" + access.number() + ".pdf"; // the receipt is always in Chinese, so is its name
        DownloadHandler handler = DocumentDownloads.handler(() -> {
            byte[] pdf = registrations.receipt(access);
            return new DocumentContent(new ByteArrayInputStream(pdf), "application/pdf", fileName, pdf.length);
        }, true);
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("applicant.receipt.download"));
        link.addClassName("applicant-receipt-link");
        link.setId("receipt-download");
        return link;
    }
}
