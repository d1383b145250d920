package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.reviewdesk.documents.inspection.DocumentType;

class ReceivingStreamTest {

    @Test
    void countsHashesAndCopiesWhatPassesThrough() throws Exception {
        byte[] content = "0123456789".repeat(1000).getBytes();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        ReceivingStream receiving = new ReceivingStream(new ByteArrayInputStream(content), copy, content.length);

        receiving.transferTo(OutputStream.nullOutputStream());

        assertThat(receiving.count()).isEqualTo(content.length);
        assertThat(copy.toByteArray()).isEqualTo(content);
        assertThat(receiving.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(receiving.tooLarge()).isFalse();
    }

    @Test
    void failsAsSoonAsTheLimitIsPassed() {
        ReceivingStream receiving = new ReceivingStream(new ByteArrayInputStream(new byte[11]), OutputStream.nullOutputStream(), 10);

        assertThatThrownBy(() -> receiving.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(ReceivingStream.TooLarge.class);
        assertThat(receiving.tooLarge()).isTrue();
    }

    @Test
    void firstBytesTellTheThreeAcceptedTypesAndNothingElse() {
        assertThat(FirstBytes.type("%PDF-1.7\n".getBytes())).contains(DocumentType.PDF);
        assertThat(FirstBytes.type(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(DocumentType.JPEG);
        assertThat(FirstBytes.type(Fixtures.png(1, 1))).contains(DocumentType.PNG);
        assertThat(FirstBytes.type("junk%PDF-1.7".getBytes())).isEmpty();
        assertThat(FirstBytes.type("%PD".getBytes())).isEmpty();
        assertThat(FirstBytes.type(new byte[0])).isEmpty();
    }
}
