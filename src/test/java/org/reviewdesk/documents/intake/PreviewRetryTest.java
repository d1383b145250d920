package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * FAILED previews are queued again a bounded number of times: a document that used its attempts
 * stays FAILED for the reviewer, one with attempts left is taken (counted, no longer FAILED until
 * its rendering ends).
 */
@ApplicationTest
class PreviewRetryTest {

    @Autowired PreviewRetry retry;
    @Autowired JdbcClient jdbc;

    @Test
    void onlyDocumentsWithAttemptsLeftAreQueuedAgain() {
        long spent = failedDocument(3);
        long left = failedDocument(1);
        try {
            assertThat(retry.retryFailed()).isPositive();

            assertThat(attempts(spent)).isEqualTo(3);
            assertThat(state(spent)).isEqualTo("FAILED");
            assertThat(attempts(left)).isEqualTo(2);
        } finally {
            // rows without objects: other tests' sweeps would report them missing
            jdbc.sql("delete from document where id in (:ids)").param("ids", java.util.List.of(spent, left)).update();
        }
    }

    private long failedDocument(int attempts) {
        String key = "documents/preview-retry-test/" + UUID.randomUUID();
        jdbc.sql("""
                insert into document (case_ref, slot, version, display_name, detected_type, size_bytes, sha256, storage_key,
                                      state, preview_state, created_by, created_at, preview_attempts, public_id)
                values (:ref, 'business-licence', 1, 'a.pdf', 'PDF', 10, :sha, :key, 'INSPECTED', 'FAILED', 'test', :at, :attempts, :publicId)""")
                .param("ref", "RETRY-" + UUID.randomUUID()).param("sha", "0".repeat(64)).param("key", key)
                .param("at", OffsetDateTime.now()).param("attempts", attempts).param("publicId", UUID.randomUUID()).update();
        return jdbc.sql("select id from document where storage_key = :key").param("key", key).query(Long.class).single();
    }

    private int attempts(long id) {
        return jdbc.sql("select preview_attempts from document where id = :id").param("id", id).query(Integer.class).single();
    }

    private String state(long id) {
        return jdbc.sql("select preview_state from document where id = :id").param("id", id).query(String.class).single();
    }
}
