package org.reviewdesk.namechange;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.reviewdesk.platform.LanguageSwitch;

/**
 * The frame of process 3's public pages, in the applicant pages' look (their style classes): the
 * portal's header with this service's two pages and the language, a centred column, the footer.
 */
abstract class RenamePage extends Div implements HasDynamicTitle {

    protected final Main main = new Main();

    RenamePage() {
        addClassName("applicant-page");
        main.addClassName("applicant-main");
        add(header(), main, footer());
    }

    private Header header() {
        Span portal = new Span(getTranslation("applicant.header.portal"));
        portal.addClassName("applicant-header__portal");
        Span service = new Span(getTranslation("namechange.page.service"));
        service.addClassName("applicant-header__service");
        Div names = new Div(portal, service);
        names.addClassName("applicant-header__names");
        Div brand = new Div(names);
        brand.addClassName("applicant-header__brand");
        Div nav = new Div(new RouterLink(getTranslation("namechange.page.start"), RenameFormView.class),
                new RouterLink(getTranslation("namechange.page.status"), RenameStatusView.class));
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

    Div row(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("applicant-summary__label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("applicant-summary__value");
        Div row = new Div(label, text);
        row.addClassName("applicant-summary__row");
        return row;
    }

    static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }

    /**
     * An upload of one licence file held in memory until the form is sent (the service inspects it
     * then, before anything is recorded); at most {@code maxBytes}.
     */
    static final class LicenceUpload extends Upload {

        private transient byte[] bytes;
        private String fileName;
        private String contentType;

        LicenceUpload(long maxBytes) {
            setMaxFiles(1);
            setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
            setAcceptedFileTypes("application/pdf", "image/jpeg", "image/png", ".pdf", ".jpg", ".jpeg", ".png");
            setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
                bytes = data;
                fileName = metadata.fileName();
                contentType = metadata.contentType();
            }));
        }

        Optional<LicenceFile> licence() {
            return bytes == null ? Optional.empty()
                    : Optional.of(new LicenceFile(fileName, contentType, new ByteArrayInputStream(bytes)));
        }

        String fileName() {
            return fileName;
        }

        void clear() {
            bytes = null;
            fileName = null;
            clearFileList();
        }
    }
}
