package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;

/** The HTTP side without a server: headers of served files and the error body. */
class DocumentControllerTest {

    final DocumentController controller = new DocumentController(null, messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/intake", "messages/documents");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void anOriginalIsServedAsAnAttachmentThatIsNeverSniffed() {
        DocumentContent content = new DocumentContent(new ByteArrayInputStream(new byte[3]), "application/pdf", "营业执照 \"a\".pdf", 3);

        ResponseEntity<InputStreamResource> response = DocumentController.serve(content, true);

        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
                "attachment; filename=\"____ _a_.pdf\"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%22a%22.pdf");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getContentType()).hasToString("application/pdf");
        assertThat(headers.getContentLength()).isEqualTo(3);
    }

    @Test
    void errorsAreJsonInTheRequestsLanguageChineseByDefault() {
        MockHttpServletRequest chinese = new MockHttpServletRequest();
        MockHttpServletRequest english = new MockHttpServletRequest();
        english.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8");
        english.addPreferredLocale(java.util.Locale.UK);

        ResponseEntity<Map<String, String>> zh = controller.refused(new UserFacingException(DocumentStoreException.UNAVAILABLE), chinese);
        ResponseEntity<Map<String, String>> en = controller.refused(new UserFacingException("intake.preview.notFound", 3), english);

        assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(zh.getBody()).containsEntry("code", DocumentStoreException.UNAVAILABLE)
                .containsEntry("message", "文件存储暂时不可用，请稍后再试");
        assertThat(en.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(en.getBody()).containsEntry("message", "There is no preview of page 3.");
    }

    @Test
    void aDeniedReadIsForbidden() {
        ResponseEntity<Map<String, String>> response = controller.denied(new AccessDeniedException("x"), new MockHttpServletRequest());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).containsEntry("code", "intake.access.denied").containsEntry("message", "您无权查看该文件");
    }
}
