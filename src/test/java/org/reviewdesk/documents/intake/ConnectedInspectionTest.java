package org.reviewdesk.documents.intake;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.inspection.CmykJpegs;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's own DocumentService, connected to the inspection package's inspector and renderer. */
@ApplicationTest
class ConnectedInspectionTest {

    @Autowired DocumentService documents;
    @Autowired ObjectStore store;

    final String caseRef = Fixtures.registrationRef();

    List<String> originals() {
        try (var keys = store.keysLastModifiedBefore(Instant.now().plusSeconds(3600))) {
            return keys.filter(k -> k.startsWith(DocumentService.ORIGINALS)).sorted().toList();
        }
    }

    DocumentInfo upload(String name, byte[] content) {
        return documents.upload(caseRef, "licence", name, "application/pdf", new ByteArrayInputStream(content), "reviewer");
    }

    @Test
    void aGoodPdfIsInspectedAndRenderedByTheInspectionPackage() throws Exception {
        DocumentInfo info = upload("licence.pdf", Fixtures.pdf(2, "USCC 914403001922038216"));

        assertThat(info.pageCount()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> documents.find(info.id()).orElseThrow().previewState() != PreviewState.PENDING);
        assertThat(documents.find(info.id()).orElseThrow().previewState()).isEqualTo(PreviewState.READY);
        assertThat(documents.previews(info.id())).hasSize(2);
        assertThat(documents.textLayer(info.id(), Access.staff(new CurrentUser("reviewer", Set.of(Role.REVIEWER)))))
                .contains("914403001922038216");
    }

    @Test
    void aPdfWithJavaScriptIsRefusedAndNothingIsStored() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            document.save(out);
            pdf = out.toByteArray();
        }
        List<String> before = originals();

        assertThatThrownBy(() -> upload("script.pdf", pdf))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.refused.javascript"));

        assertThat(documents.versions(caseRef, "licence")).isEmpty();
        assertThat(originals()).isEqualTo(before);
    }

    @Test
    void aCmykScanIsAcceptedAndPreviewedAndATruncatedOneLeavesNothing() throws Exception {
        DocumentInfo scan = upload("scan.jpg", CmykJpegs.cmykJpeg(300, 200));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> documents.find(scan.id()).orElseThrow().previewState() != PreviewState.PENDING);
        assertThat(documents.find(scan.id()).orElseThrow().previewState()).isEqualTo(PreviewState.READY);
        assertThat(documents.previews(scan.id())).containsExactly(new PreviewPage(1, 300, 200));
        List<String> before = originals();

        assertThatThrownBy(() -> upload("torn.jpg", Arrays.copyOf(CmykJpegs.cmykJpeg(600, 400), 3_000)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.refused.damaged"));
        assertThat(documents.versions(caseRef, "licence")).hasSize(1);
        assertThat(originals()).isEqualTo(before);
    }

    @Test
    void aPdfHeaderAfterJunkIsRefusedBeforeAnythingIsStored() {
        byte[] junk = ("junk" + new String(Fixtures.pdf(1, "x"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> before = originals();

        assertThatThrownBy(() -> upload("late-header.pdf", junk))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.refused.unsupportedType"));
        assertThat(originals()).isEqualTo(before);
    }
}
