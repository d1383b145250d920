package org.reviewdesk.review;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.documents.intake.TextCrossCheckBadges;
import org.reviewdesk.platform.BusinessTime;

/**
 * A case's documents on the review workbench of any process, one card per slot: the newest version's
 * pages with paging, zoom and rotation, the original as a download, an older version side by side when
 * there is one, the file's flags, and the text-layer check against the case's code and name. Every page
 * and original is read through {@link DocumentService} with the reviewer's access, which checks on
 * every read that the reader's role handles the case's process and audits each view of an ID scan. A
 * reader who may not read the case gets no panel at all (refused when it is built).
 */
public class DocumentPanel extends Div {

    /**
     * The case as the panel shows it.
     *
     * @param slots the document slots in their order, each with the bundle key of its name
     * @param requestedAgain the slots a new version was asked for
     * @param code the credit code the text layer should show, or null
     * @param name the organisation's name the text layer should show, or null
     * @param previous the last round's verdicts, shown beside each document
     */
    public record Case(String caseRef, List<DecisionForm.Slot> slots, Set<String> requestedAgain, String code, String name,
                       PreviousRound previous) {

        public Case {
            slots = List.copyOf(slots);
            requestedAgain = Set.copyOf(requestedAgain);
            previous = previous == null ? PreviousRound.NONE : previous;
        }

        /** A case whose documents were never judged before. */
        public Case(String caseRef, List<DecisionForm.Slot> slots, Set<String> requestedAgain, String code, String name) {
            this(caseRef, slots, requestedAgain, code, name, PreviousRound.NONE);
        }
    }

    private final BusinessTime time;
    private final DocumentService documents;
    private final Access access;
    private final Case shown;
    private final Map<String, PreviousRound.Verdict> priorVerdicts = new LinkedHashMap<>();

    /** @throws org.springframework.security.access.AccessDeniedException {@code access} may not read the case's documents */
    public DocumentPanel(DocumentService documents, Access access, Case shown, BusinessTime time) {
        documents.requireReadable(shown.caseRef(), access);
        this.time = time;
        this.documents = documents;
        this.access = access;
        this.shown = shown;
        setId("workbench-documents");
        addClassName("workbench-documents");
        for (DecisionForm.Slot slot : shown.slots()) {
            add(slot(slot, shown.requestedAgain().contains(slot.id())));
        }
    }

    /** The last round's verdict per slot that had one, and whether its document is still the one judged. */
    public Map<String, PreviousRound.Verdict> priorVerdicts() {
        return Collections.unmodifiableMap(priorVerdicts);
    }

    private Component slot(DecisionForm.Slot documentSlot, boolean requestedAgain) {
        String slot = documentSlot.id();
        List<DocumentInfo> versions = documents.versions(shown.caseRef(), slot);
        Div card = new Div();
        card.addClassNames("card", "workbench-slot");
        card.setId("slot-" + slot);
        H3 name = new H3(getTranslation(documentSlot.nameKey()));
        name.addClassName("workbench-slot__name");
        Div head = new Div(name);
        head.addClassName("workbench-slot__head");
        if (requestedAgain) {
            Span again = new Span(getTranslation("review.documents.requestedAgain"));
            again.addClassNames("workbench-pill", "workbench-pill--warning");
            head.add(again);
        }
        card.add(head);
        shown.previous().of(slot).ifPresent(verdict -> {
            // versions come newest first; a slot emptied since cannot be the document judged then
            boolean unchanged = !versions.isEmpty() && !versions.get(0).createdAt().isAfter(shown.previous().decidedAt());
            priorVerdicts.put(slot, new PreviousRound.Verdict(verdict, unchanged));
            card.add(previousVerdict(slot, verdict, unchanged));
        });
        if (versions.isEmpty()) {
            Span none = new Span(getTranslation("review.documents.none"));
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
            older.setLabel(getTranslation("review.documents.compare"));
            older.setItems(versions.subList(1, versions.size()));
            older.setItemLabelGenerator(d -> d == null ? getTranslation("review.documents.compareNone")
                    : getTranslation("review.documents.versionOf", d.version(),
                    time.minute(d.createdAt())));
            older.setEmptySelectionAllowed(true);
            older.setEmptySelectionCaption(getTranslation("review.documents.compareNone"));
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

    private Component previousVerdict(String slot, DocumentVerdict verdict, boolean unchanged) {
        Span kind = new Span(getTranslation(verdict.kind().messageKey()));
        kind.addClassNames("workbench-pill", verdict.newVersionNeeded() ? "workbench-pill--warning" : "workbench-pill--passed");
        Div line = new Div(new Span(getTranslation("review.documents.previousRound", time.minute(shown.previous().decidedAt()))), kind);
        if (verdict.reason() != null) {
            Span reason = new Span(verdict.reason());
            reason.addClassName("workbench-slot__previous-reason");
            line.add(reason);
        }
        Span since = new Span(getTranslation(unchanged ? "review.documents.unchangedSince" : "review.documents.changedSince"));
        since.addClassName("workbench-muted");
        line.add(since);
        line.setId("previous-" + slot);
        line.addClassName("workbench-slot__previous");
        return line;
    }

    private Component version(DocumentInfo document, boolean newest) {
        Div box = new Div();
        box.addClassNames("workbench-version", newest ? "workbench-version--newest" : "workbench-version--older");
        box.getElement().setAttribute("data-version", String.valueOf(document.version()));

        Span label = new Span(getTranslation(newest ? "review.documents.newest" : "review.documents.older",
                document.version()));
        label.addClassName("workbench-version__label");
        Span meta = new Span(document.displayName() + " · " + size(document.sizeBytes()) + " · "
                + time.minute(document.createdAt()));
        meta.addClassName("workbench-version__meta");
        meta.setTitle(document.displayName());
        Anchor download = new Anchor(original(document.id()), AttachmentType.DOWNLOAD,
                getTranslation("review.documents.download"));
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
        box.add(new TextCrossCheckBadges(documents.crossCheck(document.id(), access, shown.code(), shown.name())));
        box.add(pages(document));
        return box;
    }

    private Component pages(DocumentInfo document) {
        if (document.previewState() != PreviewState.READY) {
            Span waiting = new Span(getTranslation(document.previewState() == PreviewState.FAILED
                    ? "review.documents.previewFailed" : "review.documents.previewPending"));
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

            previous.setAriaLabel(getTranslation("review.documents.previous"));
            next.setAriaLabel(getTranslation("review.documents.next"));
            previous.addClassName("workbench-pager__previous");
            next.addClassName("workbench-pager__next");
            previous.addClickListener(e -> show(page - 1));
            next.addClickListener(e -> show(page + 1));
            Button zoom = new Button(VaadinIcon.SEARCH_PLUS.create(), e -> frame.getElement().getClassList()
                    .set("workbench-pager__frame--zoomed", !frame.getElement().getClassList().contains("workbench-pager__frame--zoomed")));
            zoom.setAriaLabel(getTranslation("review.documents.zoom"));
            zoom.setTooltipText(getTranslation("review.documents.zoom"));
            Button rotate = new Button(VaadinIcon.ROTATE_RIGHT.create(), e -> {
                image.getElement().getClassList().remove("rotate-" + rotation);
                rotation = (rotation + 90) % 360;
                image.getElement().getClassList().add("rotate-" + rotation);
            });
            rotate.setAriaLabel(getTranslation("review.documents.rotate"));
            rotate.setTooltipText(getTranslation("review.documents.rotate"));
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
            image.setAlt(getTranslation("review.documents.pageAlt", document.displayName(), page));
            position.setText(getTranslation("review.documents.page", page, pageCount));
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
