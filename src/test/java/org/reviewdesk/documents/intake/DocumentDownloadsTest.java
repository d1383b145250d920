package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;

/** The one place a document reaches a browser: its headers, and nothing of it when the read is refused. */
class DocumentDownloadsTest {

    @Test
    void anOriginalIsAnAttachmentNeitherSniffedNorStoredWithItsNameInBothForms() {
        HttpHeaders headers = DocumentDownloads.headers("application/pdf", "营业执照 \"副本\".pdf", true, 1234);

        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getCacheControl()).isEqualTo("private, no-store");
        assertThat(headers.getContentLength()).isEqualTo(1234);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"____ ____.pdf\"; "
                + "filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%22%E5%89%AF%E6%9C%AC%22.pdf");
    }

    @Test
    void aPreviewIsInline() {
        assertThat(DocumentDownloads.headers("image/png", "p1.png", false, -1).getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("inline; filename=\"p1.png\"");
    }

    @Test
    void aRefusedReadAnswersForbiddenAndAMissingOneNotFound() {
        DownloadResponse refused = DocumentDownloads.respond(() -> {
            throw new AccessDeniedException("not theirs");
        });
        DownloadResponse missing = DocumentDownloads.respond(() -> {
            throw new UserFacingException("documents.notFound");
        });

        assertThat(refused.hasError()).isTrue();
        assertThat(refused.getError()).isEqualTo(HttpStatusCode.FORBIDDEN.getCode());
        assertThat(missing.getError()).isEqualTo(HttpStatusCode.NOT_FOUND.getCode());
    }

    @Test
    void aReadableDocumentIsHandedOverWithItsDetectedType() {
        DownloadResponse ok = DocumentDownloads.respond(
                () -> new DocumentContent(new ByteArrayInputStream(new byte[]{1, 2}), "image/png", "p1.png", 2));

        assertThat(ok.hasError()).isFalse();
        assertThat(ok.getContentType()).isEqualTo("image/png");
        assertThat(ok.getFileName()).isEqualTo("p1.png");
    }
}
