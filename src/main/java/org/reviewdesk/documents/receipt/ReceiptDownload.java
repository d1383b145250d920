package org.reviewdesk.documents.receipt;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.reviewdesk.documents.intake.DocumentContent;
import org.reviewdesk.documents.intake.DocumentDownloads;

/**
 * A link that downloads a receipt: the PDF is rendered when the link is followed (the service checks
 * who asks then), sent with no-store and nosniff like every document.
 */
public final class ReceiptDownload {

    private ReceiptDownload() {
    }

    /**
     * @param fileName the file's name, in Chinese like the receipt (e.g. 受理回执-DR….pdf)
     * @param pdf renders the receipt; a refusal answers the download with nothing of it
     */
    public static Anchor link(String id, String label, String fileName, Supplier<byte[]> pdf) {
        DownloadHandler handler = DocumentDownloads.handler(() -> {
            byte[] bytes = pdf.get();
            return new DocumentContent(new ByteArrayInputStream(bytes), "application/pdf", fileName, bytes.length);
        }, true);
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        link.setId(id);
        link.addClassName("receipt-download");
        return link;
    }
}
