package org.reviewdesk.registration;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.documents.intake.TextCrossCheckBadges;
import org.reviewdesk.platform.BusinessTime;

/**
 * The application's documents, one card per slot: the newest version's pages with paging, zoom and
 * rotation, the original as a download, and an older version side by side when there is one. Every
 * page and original is read through {@link DocumentService} with the reviewer's access, which
 * audits each view of an ID scan.
 */
class RegistrationWorkbenchDocuments extends Div {

    private final BusinessTime time;

    private final DocumentService documents;
    private final Access access;
    private final String caseRef;
    private final RegistrationWorkbenchCase application;

    RegistrationWorkbenchDocuments(DocumentService documents, Access access, RegistrationWorkbenchCase application,
                                   BusinessTime time) {
        this.time = time;
        this.documents = documents;
        this.access = access;
        this.caseRef = application.number();
        this.application = application;
        setId("workbench-documents");
        addClassName("workbench-documents");
        for (String slot : application.requiredSlots()) {
            add(slot(slot, application.supplementSlots().contains(slot)));
        }
    }

    private Component slot(String slot, boolean requestedAgain) {
        List<DocumentInfo> versions = documents.versions(caseRef, slot);
        Div card = new Div();
        card.addClassNames("card", "workbench-slot");
        card.setId("slot-" + slot);
        H3 name = new H3(getTranslation(RegistrationService.slotKey(slot)));
        name.addClassName("workbench-slot__name");
        Div head = new Div(name);
        head.addClassName("workbench-slot__head");
        if (requestedAgain) {
            Span again = new Span(getTranslation("registration.workbench.documents.requestedAgain"));
            again.addClassNames("workbench-pill", "workbench-pill--warning");
            head.add(again);
        }
        card.add(head);
        if (versions.isEmpty()) {
            Span none = new Span(getTranslation("registration.workbench.documents.none"));
            none.addClassName("workbench-muted");
            card.add(none);
            return card;
        }
        Div side = new Div();
        side.addClassName("workbench-slot__versions");
        side.add(version(versions.get(0), true));
        side.setId("versions-" + slot);
        if (versions.size() > 1) {
            Select<DocumentInfo> older = new Select<>();
            older.addClassName("workbench-slot__compare");
            older.setLabel(getTranslation("registration.workbench.documents.compare"));
            older.setItems(versions.subList(1, versions.size()));
            older.setItemLabelGenerator(d -> d == null ? getTranslation("registration.workbench.documents.compareNone")
                    : getTranslation("registration.workbench.documents.versionOf", d.version(),
                    time.minute(d.createdAt())));
            older.setEmptySelectionAllowed(true);
            older.setEmptySelectionCaption(getTranslation("registration.workbench.documents.compareNone"));
            older.addValueChangeListener(e -> {
                while (side.getComponentCount() > 1) {
                    side.remove(side.getComponentAt(1));
                }
                if (e.getValue() != null) {
                    side.add(version(e.getValue(), false));
                }
                side.getElement().getClassList().set("workbench-slot__versions--compare", e.getValue() != null);
            });
            // the version just replaced is what a reviewer compares with: shown at once
            older.setValue(versions.get(1));
            head.add(older);
        }
        card.add(side);
        return card;
    }

    private Component version(DocumentInfo document, boolean newest) {
        Div box = new Div();
        box.addClassNames("workbench-version", newest ? "workbench-version--newest" : "workbench-version--older");
        box.getElement().setAttribute("data-version", String.valueOf(document.version()));

        Span label = new Span(getTranslation(newest ? "registration.workbench.documents.newest" : "registration.workbench.documents.older",
                document.version()));
        label.addClassName("workbench-version__label");
        Span meta = new Span(document.displayName() + " · " + size(document.sizeBytes()) + " · "
                + time.minute(document.createdAt()));
        meta.addClassName("workbench-version__meta");
        meta.setTitle(document.displayName());
        Anchor download = new Anchor(original(document.id()), AttachmentType.DOWNLOAD,
                getTranslation("registration.workbench.documents.download"));
        download.addClassName("workbench-version__download");
        Div info = new Div(label, meta, download);
        info.addClassName("workbench-version__info");
        box.add(info);
        if (!document.flags().isEmpty()) {
            Div flags = new Div();
            flags.addClassName("workbench-version__flags");
            document.flags().forEach(f -> {
                Span flag = new Span(getTranslation(f.messageKey()));
                flag.addClassNames("workbench-pill", "workbench-pill--warning");
                flags.add(flag);
            });
            box.add(flags);
        }
        box.add(new TextCrossCheckBadges(documents.crossCheck(document.id(), access, application.uscc(), application.name())));
        box.add(pages(document));
        return box;
    }

    private Component pages(DocumentInfo document) {
        if (document.previewState() != PreviewState.READY) {
            Span waiting = new Span(getTranslation(document.previewState() == PreviewState.FAILED
                    ? "registration.workbench.documents.previewFailed" : "registration.workbench.documents.previewPending"));
            waiting.addClassName("workbench-muted");
            return waiting;
        }
        int pageCount = Math.max(1, documents.previews(document.id()).size());
        return new Pager(document, pageCount);
    }

    /** One document's rendered pages, one at a time. */
    private final class Pager extends Div {

        private final DocumentInfo document;
        private final int pageCount;
        private final Image image = new Image();
        private final Span position = new Span();
        private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
        private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
        private int page = 1;
        private int rotation;

        Pager(DocumentInfo document, int pageCount) {
            this.document = document;
            this.pageCount = pageCount;
            addClassName("workbench-pager");
            image.addClassName("workbench-pager__image");
            Div frame = new Div(image);
            frame.addClassName("workbench-pager__frame");

            previous.setAriaLabel(getTranslation("registration.workbench.documents.previous"));
            next.setAriaLabel(getTranslation("registration.workbench.documents.next"));
            previous.addClassName("workbench-pager__previous");
            next.addClassName("workbench-pager__next");
            previous.addClickListener(e -> show(page - 1));
            next.addClickListener(e -> show(page + 1));
            Button zoom = new Button(VaadinIcon.SEARCH_PLUS.create(), e -> frame.getElement().getClassList()
                    .set("workbench-pager__frame--zoomed", !frame.getElement().getClassList().contains("workbench-pager__frame--zoomed")));
            zoom.setAriaLabel(getTranslation("registration.workbench.documents.zoom"));
            zoom.setTooltipText(getTranslation("registration.workbench.documents.zoom"));
            Button rotate = new Button(VaadinIcon.ROTATE_RIGHT.create(), e -> {
                image.getElement().getClassList().remove("rotate-" + rotation);
                rotation = (rotation + 90) % 360;
                image.getElement().getClassList().add("rotate-" + rotation);
            });
            rotate.setAriaLabel(getTranslation("registration.workbench.documents.rotate"));
            rotate.setTooltipText(getTranslation("registration.workbench.documents.rotate"));
            for (Button b : List.of(previous, next, zoom, rotate)) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            }
            position.addClassName("workbench-pager__position");
            Div controls = new Div(previous, position, next, zoom, rotate);
            controls.addClassName("workbench-pager__controls");
            add(frame, controls);
            show(1);
        }

        private void show(int wanted) {
            page = Math.max(1, Math.min(pageCount, wanted));
            image.setSrc(preview(document.id(), page));
            image.setAlt(getTranslation("registration.workbench.documents.pageAlt", document.displayName(), page));
            position.setText(getTranslation("registration.workbench.documents.page", page, pageCount));
            previous.setEnabled(page > 1);
            next.setEnabled(page < pageCount);
        }

        int page() {
            return page;
        }
    }

    private DownloadHandler preview(long documentId, int page) {
        return DocumentDownloads.handler(() -> documents.openPreview(documentId, page, access), false);
    }

    private DownloadHandler original(long documentId) {
        return DocumentDownloads.handler(() -> documents.openOriginal(documentId, access), true);
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f KB", Math.max(1, bytes / 1024.0))
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
