package org.reviewdesk.namechange;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.reviewdesk.applicants.ApplicantFrame;

/** The frame of process 3's public pages ({@link ApplicantFrame}): this service's name and its two pages. */
abstract class RenamePage extends ApplicantFrame {

    RenamePage() {
        super("namechange.page.service", "namechange.page.start", RenameFormView.class, "namechange.page.status", RenameStatusView.class);
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
