package org.reviewdesk.namechange;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
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
            // without it the button, the drop zone and the refusals are Vaadin's English ("Upload File...") in either language
            setI18n(new UploadI18N()
                    .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("namechange.upload.add")).setMany(getTranslation("namechange.upload.add")))
                    .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("namechange.upload.drop")).setMany(getTranslation("namechange.upload.drop")))
                    .setError(new UploadI18N.Error()
                            .setTooManyFiles(getTranslation("namechange.upload.tooManyFiles"))
                            .setFileIsTooBig(getTranslation("namechange.upload.tooBig", Math.max(1, maxBytes / (1024 * 1024))))
                            .setIncorrectFileType(getTranslation("namechange.upload.wrongType"))));
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
