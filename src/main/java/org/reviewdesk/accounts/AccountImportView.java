package org.reviewdesk.accounts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/** The administrator imports the portal's accounts and reads (or downloads) why rows were refused. */
@Route("admin/accounts/import")
@RolesAllowed(Role.ADMIN_NAME)
public class AccountImportView extends VerticalLayout implements HasDynamicTitle {

    /**
     * The servlet's multipart limit ({@code spring.servlet.multipart.max-file-size}, 11 MB) applies to
     * Vaadin's uploads too; about 90,000 rows of the template. A larger list is imported in parts
     * (each part is matched against what the earlier ones wrote).
     */
    static final int MAX_BYTES = 11 * 1024 * 1024;

    private final AccountImport imports;
    final Paragraph result = new Paragraph();
    final Grid<RowRefusal> refusals = new Grid<>();
    final Div download = new Div();
    final Grid<RowRefusal> notes = new Grid<>();

    public AccountImportView(AccountImport imports) {
        this.imports = imports;
        addClassName("account-import");
        add(new Paragraph(getTranslation("accounts.import.intro")),
                columns(getTranslation("accounts.import.columns", imports.templateHeader())),
                new Paragraph(getTranslation("accounts.import.encoding")));
        byte[] template = (imports.templateHeader() + "\r\n").getBytes(StandardCharsets.UTF_8);
        Anchor templateLink = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(template), "accounts-template.csv", "text/csv", template.length)),
                getTranslation("accounts.import.template"));
        templateLink.setId("account-import-template");
        add(templateLink);

        Upload upload = new Upload();
        upload.setId("account-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        // without it the button and drop zone say "Upload File..." and "Drop file here" in English in either language
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("accounts.import.upload")).setMany(getTranslation("accounts.import.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("accounts.import.drop")).setMany(getTranslation("accounts.import.drop"))));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            imported(metadata.fileName(), bytes, ui);
        }));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.addFileRejectedListener(e -> Toasts.error(getTranslation("accounts.import.error.tooLarge")));
        add(upload);

        result.setId("account-import-result");
        result.setVisible(false);
        refusals.setId("account-import-refusals");
        refusals.addColumn(RowRefusal::row).setHeader(getTranslation("accounts.import.column.row")).setAutoWidth(true).setFlexGrow(0);
        refusals.addColumn(RowRefusal::code).setHeader(getTranslation("accounts.import.column.code")).setAutoWidth(true).setFlexGrow(0);
        refusals.addColumn(this::reason).setHeader(getTranslation("accounts.import.column.reason")).setFlexGrow(1);
        refusals.setVisible(false);
        download.setId("account-import-download");
        notes.setId("account-import-notes");
        notes.addColumn(RowRefusal::row).setHeader(getTranslation("accounts.import.column.row")).setAutoWidth(true).setFlexGrow(0);
        notes.addColumn(RowRefusal::code).setHeader(getTranslation("accounts.import.column.code")).setAutoWidth(true).setFlexGrow(0);
        notes.addColumn(this::reason).setHeader(getTranslation("accounts.import.column.note")).setFlexGrow(1);
        notes.setAllRowsVisible(true);
        notes.setVisible(false);
        add(result, notes, download, refusals);
    }

    private void imported(String fileName, byte[] bytes, UI ui) {
        ImportReport report;
        try {
            report = imports.importCsv(fileName, bytes);
        } catch (UserFacingException e) {
            show(ui, () -> Toasts.error(getTranslation(e.messageKey(), e.arguments())));
            return;
        } catch (AccessDeniedException e) {
            show(ui, () -> Toasts.error(getTranslation("accounts.import.error.denied")));
            return;
        }
        show(ui, () -> show(report));
    }

    private static void show(UI ui, com.vaadin.flow.server.Command command) {
        if (ui != null) {
            ui.access(command);
        }
    }

    void show(ImportReport report) {
        result.setText(getTranslation("accounts.import.result", report.fileName(), report.charset(), report.rows(),
                report.imported(), report.unchanged(), report.updated(), report.refused()));
        result.setVisible(true);
        download.removeAll();
        notes.setItems(report.notes());
        notes.setVisible(!report.notes().isEmpty());
        refusals.setItems(report.refusals());
        refusals.setVisible(!report.refusals().isEmpty());
        if (report.refusals().isEmpty()) {
            download.add(new Paragraph(getTranslation("accounts.import.noRefusals")));
            return;
        }
        byte[] csv = refusalCsv(report.refusals(), this::reason, List.of(getTranslation("accounts.import.column.row"),
                getTranslation("accounts.import.column.code"), getTranslation("accounts.import.column.reason")));
        Anchor link = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(csv),
                "refused-" + report.importId() + ".csv", "text/csv", csv.length)), getTranslation("accounts.import.download"));
        link.setId("account-import-download-link");
        download.add(link);
    }

    String reason(RowRefusal refusal) {
        return getTranslation(refusal.messageKey(), refusal.argumentArray());
    }

    /**
     * The refused rows as a CSV file for Excel: UTF-8 with a BOM (else Excel reads Chinese as GBK),
     * RFC 4180 quoting, and a cell that begins like a formula made plain text.
     */
    static byte[] refusalCsv(List<RowRefusal> refusals, Function<RowRefusal, String> reason, List<String> header) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", header.stream().map(AccountImportView::cell).toList())).append("\r\n");
        for (RowRefusal r : refusals) {
            csv.append(r.row()).append(',').append(cell(r.code())).append(',').append(cell(reason.apply(r))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.import.title");
    }

    /** The template's header line: one long word of commas, broken where the screen ends (a phone). */
    private static Paragraph columns(String text) {
        Paragraph columns = new Paragraph(text);
        columns.setId("account-import-columns");
        columns.addClassName("account-import-columns");
        return columns;
    }
}
