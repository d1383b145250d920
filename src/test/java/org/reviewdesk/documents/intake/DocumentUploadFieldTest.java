package org.reviewdesk.documents.intake;

import static org.awaitility.Awaitility.await;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The upload field in a UI with the real service, store and database: a PDF streamed through the
 * Upload's handler is stored, shown and announced; non-PDF bytes named {@code x.pdf} are refused at
 * the field in the user's language and nothing is stored.
 */
class DocumentUploadFieldTest extends KaribuTestSupport {

    private static final String SLOT = "licence";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentUploadFields fields;

    @Test
    void aPdfStreamsThroughTheUploadIntoANewVersionWithAThumbnail() throws Exception {
        String caseRef = newCase();
        DocumentUploadField field = attach(caseRef);
        List<DocumentUploadedEvent> events = new ArrayList<>();
        field.addDocumentUploadedListener(events::add);

        UploadKt._upload(_get(field, Upload.class), "营业执照.pdf", "application/pdf", Fixtures.pdf(2, "Business licence"));

        List<DocumentInfo> versions = documents.versions(caseRef, SLOT);
        assertThat(versions).hasSize(1);
        DocumentInfo stored = versions.get(0);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.createdBy()).isEqualTo("applicant");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.document().id()).isEqualTo(stored.id());
            assertThat(e.getSource()).isSameAs(field);
        });
        assertThat(field.isInvalid()).isFalse();
        assertThat(text(field, "document-upload-field__summary"))
                .startsWith("已上传：营业执照.pdf（").contains(" KB").endsWith("第 1 版）");

        // previews render after the commit: a placeholder, and the UI polls until they are ready
        assertThat(text(field, "document-upload-field__preview-status")).isEqualTo("生成预览中…");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DocumentUploadPolling.INTERVAL_MILLIS);
        awaitPreviews(stored.id());
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        Image image = _get(field, Image.class);
        assertThat(image.getSrc()).isNotBlank();
        assertThat(image.getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains("营业执照.pdf"));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        DownloadResponse thumbnail = DocumentDownloads.respond(() -> field.thumbnail(stored.id()));
        assertThat(thumbnail.hasError()).isFalse();
        assertThat(thumbnail.getContentType()).isEqualTo("image/png");
        try (InputStream in = thumbnail.getInputStream()) {
            assertThat(in.readNBytes(8)).isEqualTo(PNG_SIGNATURE);
        }

        // a field built later shows the slot's newest version, and another upload adds version 2
        DocumentUploadField again = attach(caseRef);
        assertThat(again.getDocument()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(stored.id()));
        assertThat(again.receive("licence-2.png", "image/png", new ByteArrayInputStream(Fixtures.png(40, 30)),
                UI.getCurrent())).isTrue();
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        assertThat(documents.versions(caseRef, SLOT)).extracting(DocumentInfo::version).containsExactly(2, 1);
        assertThat(text(again, "document-upload-field__summary")).endsWith("第 2 版）");
    }

    @Test
    void nonPdfBytesNamedPdfAreRefusedInChineseAndNothingIsStored() {
        String caseRef = newCase();
        DocumentUploadField field = attach(caseRef);
        List<DocumentUploadedEvent> events = new ArrayList<>();
        field.addDocumentUploadedListener(events::add);

        UploadKt._upload(_get(field, Upload.class), "x.pdf", "application/pdf",
                "Dear reviewer, this is plain text, not a PDF.".getBytes(StandardCharsets.UTF_8));

        assertThat(field.isInvalid()).isTrue();
        assertThat(text(field, "document-upload-field__error")).startsWith("只能上传PDF、JPG或PNG格式的文件。");
        assertThat(_get(field, Span.class, spec -> spec.withClasses("document-upload-field__error")).isVisible()).isTrue();
        assertThat(documents.versions(caseRef, SLOT)).isEmpty();
        assertThat(events).isEmpty();
        assertThat(field.getDocument()).isEmpty();
        assertThat(_find(field, Image.class)).isEmpty();
    }

    @Test
    void theRefusalIsInEnglishForAnEnglishUi() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        String caseRef = newCase();
        DocumentUploadField field = attach(caseRef);

        assertThat(field.receive("empty.pdf", "application/pdf", new ByteArrayInputStream(new byte[0]), UI.getCurrent()))
                .isFalse();
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();

        assertThat(text(field, "document-upload-field__error")).doesNotContainPattern("\\p{IsHan}").isNotBlank();
        assertThat(documents.versions(caseRef, SLOT)).isEmpty();
    }

    @Test
    void sizesAreShownInKilobytesOrMegabytes() {
        assertThat(DocumentUploadField.size(100)).isEqualTo("0.1");
        assertThat(DocumentUploadField.size(2048)).isEqualTo("2.0");
        assertThat(DocumentUploadField.size(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5");
    }

    private DocumentUploadField attach(String caseRef) {
        DocumentUploadField field = fields.create(caseRef, SLOT, "营业执照", "applicant", Access.applicantOf(caseRef));
        UI.getCurrent().add(field);
        return field;
    }

    private static String newCase() {
        return "UPLOAD-FIELD-" + UUID.randomUUID();
    }

    private static String text(DocumentUploadField field, String className) {
        return _get(field, Span.class, spec -> spec.withClasses(className)).getText();
    }

    private void awaitPreviews(long documentId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> documents.find(documentId).orElseThrow().previewState() != PreviewState.PENDING);
    }
}
