package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document slot of a case as a form field: a Vaadin {@link Upload} (one file, PDF/JPEG/PNG,
 * the configured size limit, all as hints to the browser) whose bytes stream straight into
 * {@link DocumentService#upload} (never buffered whole), then the stored version (name, size,
 * version) and a thumbnail of page 1 once its preview is rendered.
 *
 * <p>The service decides: a refused file shows the service's reason at the field, in the user's
 * language, and nothing is stored. An accepted one fires a {@link DocumentUploadedEvent}. When the
 * slot already holds versions, the newest is shown from the start; uploading again adds a version.
 *
 * <p>Usable by staff views and by the applicant's form: {@code actor} is recorded as the uploader,
 * {@code access} is whoever reads the thumbnail ({@link Access#applicantOf} only after the access
 * code was checked). {@link DocumentUploadFields} builds it with the configured size limit.
 */
@NamedInterface("intake")
public class DocumentUploadField extends Composite<Div> implements HasEnabled, HasValidation {

    /** What the browser's file chooser offers; the server decides by content. */
    static final List<String> ACCEPTED_TYPES =
            List.of("application/pdf", "image/jpeg", "image/png", ".pdf", ".jpg", ".jpeg", ".png");
    /** How long the field polls for a rendered preview before it leaves it to the refresh button. */
    static final Duration PREVIEW_WAIT = Duration.ofMinutes(2);
    static final String CLASS_NAME = "document-upload-field";
    private static final int REFUSED_STATUS = 422;
    /** Set by the upload thread for {@link Receiving#responseHandled}: the file was refused. */
    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();
    private static final Logger log = LoggerFactory.getLogger(DocumentUploadField.class);

    private final DocumentService documents;
    private final String caseRef;
    private final String slot;
    private final String actor;
    private final Access access;
    private final long maxBytes;

    private final Span label = new Span();
    private final Upload upload = new Upload();
    private final Span error = new Span();
    private final Div stored = new Div();
    private final Span summary = new Span();
    private final Div thumbnail = new Div();

    private UploadTarget target;
    private DocumentInfo document;
    private boolean invalid;
    private Registration polling;
    private Instant waitingSince;

    /**
     * @param maxBytes the configured file limit ({@link InspectionLimits#maxBytes()}), a hint to the browser
     * @param labelText the slot's name as the user sees it (already translated)
     * @param actor who uploads, recorded with each version (a staff username, or the applicant's case)
     * @param access who reads the thumbnails
     */
    public DocumentUploadField(DocumentService documents, long maxBytes, String caseRef, String slot,
                               String labelText, String actor, Access access) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.caseRef = Objects.requireNonNull(caseRef, "caseRef");
        this.slot = Objects.requireNonNull(slot, "slot");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.access = Objects.requireNonNull(access, "access");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;

        Div root = getContent();
        root.addClassName(CLASS_NAME);
        root.getElement().setAttribute("data-slot", slot);
        label.addClassName(CLASS_NAME + "__label");
        label.setText(Objects.requireNonNullElse(labelText, ""));

        upload.setUploadHandler(new Receiving());
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(ACCEPTED_TYPES.toArray(String[]::new));
        upload.addClassName(CLASS_NAME + "__upload");
        upload.getElement().setAttribute("aria-label", label.getText());
        // the stored version replaces the upload's own file list; a refusal is explained at the field
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));

        error.addClassName(CLASS_NAME + "__error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        summary.addClassName(CLASS_NAME + "__summary");
        thumbnail.addClassName(CLASS_NAME + "__thumbnail");
        stored.addClassName(CLASS_NAME + "__stored");
        stored.add(summary, thumbnail);
        stored.setVisible(false);

        root.add(label, upload, error, stored);
        documents.versions(caseRef, slot).stream().findFirst().ifPresent(this::show);
    }

    /** With the configured size limit. */
    public DocumentUploadField(DocumentService documents, InspectionLimits limits, String caseRef, String slot,
                               String labelText, String actor, Access access) {
        this(documents, limits.maxBytes(), caseRef, slot, labelText, actor, access);
    }

    /**
     * Where accepted files go instead of straight into {@link DocumentService#upload}: a capability's
     * service that checks its own rules first (e.g. that the application still takes documents) and
     * then stores through the document service. Its {@link UserFacingException}s show at the field.
     */
    public void setUploadTarget(UploadTarget target) {
        this.target = target;
    }

    /** Stores one file of this field's slot; see {@link #setUploadTarget}. */
    @FunctionalInterface
    public interface UploadTarget extends Serializable {
        DocumentInfo upload(String fileName, String declaredType, InputStream in);
    }

    public Registration addDocumentUploadedListener(ComponentEventListener<DocumentUploadedEvent> listener) {
        return addListener(DocumentUploadedEvent.class, listener);
    }

    /** The version the field shows: the one just uploaded, or the slot's newest when it was built. */
    public Optional<DocumentInfo> getDocument() {
        return Optional.ofNullable(document);
    }

    public String getCaseRef() {
        return caseRef;
    }

    public String getSlot() {
        return slot;
    }

    /** An error of the surrounding form (e.g. "required") or the last refusal; {@code null} or blank clears it. */
    @Override
    public void setErrorMessage(String errorMessage) {
        boolean present = errorMessage != null && !errorMessage.isBlank();
        error.setText(present ? errorMessage : "");
        error.setVisible(present && invalid);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        this.invalid = invalid;
        getContent().getElement().setAttribute("invalid", invalid);
        error.setVisible(invalid && !error.getText().isEmpty());
    }

    @Override
    public boolean isInvalid() {
        return invalid;
    }

    /**
     * Receives one file: the upload handler's work, package-private so tests can stream into it.
     * Runs on the upload's request thread; the UI is changed only through {@code ui.access}.
     *
     * @return whether the file was stored
     */
    boolean receive(String fileName, String declaredType, InputStream in, UI ui) {
        DocumentInfo info;
        try {
            info = target != null ? target.upload(fileName, declaredType, in)
                    : documents.upload(caseRef, slot, fileName, declaredType, in, actor);
        } catch (UserFacingException e) {
            String key = e.messageKey();
            Object[] arguments = e.arguments();
            update(ui, () -> refused(key, arguments));
            return false;
        } catch (RuntimeException e) {
            log.error("An upload to {}/{} failed unexpectedly", caseRef, slot, e);
            update(ui, () -> refused("intake.upload.field.failed", new Object[0]));
            return false;
        }
        update(ui, () -> accepted(info));
        return true;
    }

    /** Looks at the preview state again (the refresh button, and every poll while PENDING). */
    void refreshPreview() {
        if (document == null) {
            return;
        }
        documents.find(document.id()).ifPresent(found -> {
            document = found;
            showPreview();
        });
    }

    /** The thumbnail's content: page 1's preview, read with the field's access. */
    /** The first page's preview of a version, read as this field's reader may. */
    DocumentContent thumbnail(long documentId) {
        return documents.openPreview(documentId, 1, access);
    }

    /** The number shown with the unit: MB from 1 MB on, else KB; one decimal. */
    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1 ? String.format(Locale.ROOT, "%.1f", mb) : String.format(Locale.ROOT, "%.1f", Math.max(0.1, bytes / 1024.0));
    }

    private String sizeText(long bytes) {
        boolean megabytes = bytes >= 1024L * 1024L;
        return getTranslation(megabytes ? "intake.upload.field.size.mb" : "intake.upload.field.size.kb", size(bytes));
    }

    private void update(UI ui, Command command) {
        if (ui == null) {
            log.warn("An upload to {}/{} finished after its field left the page", caseRef, slot);
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            log.debug("An upload to {}/{} finished after the page was closed", caseRef, slot);
        }
    }

    private void accepted(DocumentInfo info) {
        setInvalid(false);
        setErrorMessage(null);
        show(info);
        fireEvent(new DocumentUploadedEvent(this, true, info));
    }

    private void refused(String key, Object[] arguments) {
        showError(getTranslation(key, arguments));
    }

    private void showError(String text) {
        setErrorMessage(text);
        setInvalid(true);
    }

    private void show(DocumentInfo info) {
        document = info;
        summary.setText(getTranslation("intake.upload.field.stored", info.displayName(), sizeText(info.sizeBytes()),
                String.valueOf(info.version())));
        stored.setVisible(true);
        showPreview();
    }

    private void showPreview() {
        thumbnail.removeAll();
        switch (document.previewState()) {
            case READY -> {
                stopWaiting();
                long id = document.id();
                DownloadHandler handler = DocumentDownloads.handler(() -> thumbnail(id), false);
                Image image = new Image(handler, getTranslation("intake.upload.field.thumbnailAlt", document.displayName()));
                image.addClassName(CLASS_NAME + "__image");
                thumbnail.add(image);
            }
            case PENDING -> {
                Span pending = new Span(getTranslation("intake.upload.field.previewPending"));
                pending.addClassName(CLASS_NAME + "__preview-status");
                Button refresh = new Button(getTranslation("intake.upload.field.refresh"), e -> refreshPreview());
                refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                refresh.addClassName(CLASS_NAME + "__refresh");
                thumbnail.add(pending, refresh);
                startWaiting();
            }
            case FAILED -> {
                stopWaiting();
                Span failed = new Span(getTranslation("intake.upload.field.previewFailed"));
                failed.addClassName(CLASS_NAME + "__preview-status");
                Button retry = new Button(getTranslation("intake.upload.field.retryPreview"), e -> retryPreview());
                retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                retry.addClassName(CLASS_NAME + "__retry");
                thumbnail.add(failed, retry);
            }
        }
    }

    private void retryPreview() {
        try {
            documents.retryPreviews(document.id());
        } catch (UserFacingException e) {
            refused(e.messageKey(), e.arguments());
            return;
        }
        refreshPreview();
    }

    private void startWaiting() {
        if (polling != null) {
            return;
        }
        getUI().ifPresent(ui -> {
            waitingSince = Instant.now();
            polling = DocumentUploadPolling.of(ui).start(this::onPoll);
        });
    }

    private void onPoll() {
        if (Duration.between(waitingSince, Instant.now()).compareTo(PREVIEW_WAIT) > 0) {
            stopWaiting(); // the refresh button stays
            return;
        }
        refreshPreview();
    }

    private void stopWaiting() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        upload.setI18n(i18n());
        if (document != null) {
            show(document); // texts in the UI's language; waits again if still PENDING
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWaiting();
        super.onDetach(detachEvent);
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("intake.upload.field.drop")).setMany(t("intake.upload.field.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("intake.upload.field.add")).setMany(t("intake.upload.field.add")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(t("intake.upload.field.error.tooManyFiles"))
                .setFileIsTooBig(t("intake.upload.field.error.fileIsTooBig", DocumentService.megabytes(maxBytes)))
                .setIncorrectFileType(t("intake.upload.field.error.incorrectFileType")));
        i18n.setFile(new UploadI18N.File()
                .setRetry(t("intake.upload.field.file.retry"))
                .setStart(t("intake.upload.field.file.start"))
                .setRemove(t("intake.upload.field.file.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(t("intake.upload.field.status.connecting"))
                        .setStalled(t("intake.upload.field.status.stalled"))
                        .setProcessing(t("intake.upload.field.status.processing"))
                        .setHeld(t("intake.upload.field.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t("intake.upload.field.remainingTime.prefix"))
                        .setUnknown(t("intake.upload.field.remainingTime.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t("intake.upload.field.uploadError.serverUnavailable"))
                        .setUnexpectedServerError(t("intake.upload.field.uploadError.unexpectedServerError"))
                        .setForbidden(t("intake.upload.field.uploadError.forbidden"))));
        return i18n;
    }

    private String t(String key, Object... arguments) {
        return getTranslation(key, arguments);
    }

    /** Streams the request body into {@link #receive}; a refused file answers 422, so the browser marks it failed. */
    private final class Receiving implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            try (InputStream in = event.getInputStream()) {
                if (!receive(event.getFileName(), event.getContentType(), in, event.getUI())) {
                    REFUSED.set(Boolean.TRUE);
                }
            }
        }

        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            boolean refused = Boolean.TRUE.equals(REFUSED.get());
            REFUSED.remove();
            if (success && refused) {
                response.setStatus(REFUSED_STATUS);
            } else {
                UploadHandler.super.responseHandled(success, response);
            }
        }
    }
}
