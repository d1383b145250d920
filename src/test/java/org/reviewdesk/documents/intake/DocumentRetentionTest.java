package org.reviewdesk.documents.intake;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.MinioClient;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.ScheduledLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Purging documents: rows first in a transaction, objects after it committed, leftovers swept. */
@ApplicationTest
class DocumentRetentionTest {

    @Autowired DocumentService service;
    @Autowired DocumentRetention retention;
    @Autowired ObjectStore store;
    @Autowired DocumentRepository documents;
    @Autowired DocumentPreviewRepository previewRows;
    @Autowired ScheduledLock lock;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;

    String caseRef;

    @BeforeEach
    void newCase() {
        caseRef = "RETENTION-" + UUID.randomUUID();
    }

    @Test
    void purgingSlotsDeletesEveryVersionItsPreviewsAndObjectsAndKeepsTheOtherSlots() throws InterruptedException {
        DocumentInfo first = uploadWithPreviews("id-front");
        DocumentInfo second = uploadWithPreviews("id-front");
        DocumentInfo licence = uploadWithPreviews("business-licence");
        List<String> idKeys = keysOf(first.id(), second.id());
        assertThat(idKeys).hasSize(4);

        int purged = retention.purgeSlots(caseRef, slot -> slot.startsWith("id-"), "test retention", "system:test");

        assertThat(purged).isEqualTo(2);
        assertThat(service.versions(caseRef, "id-front")).isEmpty();
        assertThat(previewRows.ofDocument(first.id())).isEmpty();
        assertThat(previewRows.ofDocument(second.id())).isEmpty();
        assertThat(idKeys).allSatisfy(key -> assertThat(store.stat(key)).as(key).isEmpty());
        assertThat(service.versions(caseRef, "business-licence")).hasSize(1);
        assertThat(keysOf(licence.id())).allSatisfy(key -> assertThat(store.stat(key)).as(key).isPresent());
    }

    @Test
    void eachPurgedVersionLeavesAnAuditRecordWithItsHashAndTheReason() throws InterruptedException {
        DocumentInfo scan = uploadWithPreviews("id-back");

        retention.purgeCase(caseRef, "draft never submitted", "system:test");

        assertThat(jdbc.sql("select actor, detail from audit_record where action = :a and case_ref = :c")
                .param("a", DocumentRetention.AUDIT_PURGED).param("c", caseRef)
                .query((rs, i) -> rs.getString(1) + " | " + rs.getString(2)).list())
                .containsExactly("system:test | slot id-back, version 1, sha256 " + scan.sha256() + ", reason: draft never submitted");
    }

    @Test
    void aPurgeThatRollsBackDeletesNoObject() throws InterruptedException {
        DocumentInfo scan = uploadWithPreviews("id-front");
        List<String> keys = keysOf(scan.id());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            retention.purgeCase(caseRef, "rolled back", "system:test");
            status.setRollbackOnly();
        });

        assertThat(service.versions(caseRef, "id-front")).hasSize(1);
        assertThat(keys).allSatisfy(key -> assertThat(store.stat(key)).as(key).isPresent());
    }

    @Test
    void anObjectTheStoreCouldNotDeleteIsLeftWithoutARowAndSweptAsAnOrphan() throws InterruptedException {
        DocumentInfo scan = uploadWithPreviews("id-front");
        List<String> keys = keysOf(scan.id());
        ObjectStore unreachable = new ObjectStore(MinioClient.builder().endpoint("http://127.0.0.1:1")
                .credentials("nobody", "nothing").build(), store.bucket(), ObjectStore.DEFAULT_PART_SIZE, new SimpleMeterRegistry());

        int purged = new DocumentRetention(jdbc, unreachable, audit, transactions).purgeCase(caseRef, "store down", "system:test");

        assertThat(purged).isEqualTo(1);
        assertThat(service.versions(caseRef, "id-front")).isEmpty();
        assertThat(keys).allSatisfy(key -> assertThat(store.stat(key)).as("left behind: " + key).isPresent());
        OrphanSweep.Report report = new OrphanSweep(store, documents, previewRows, lock, IntakeProperties.DEFAULTS, clock)
                .sweep(Duration.ZERO);
        assertThat(report.deletedKeys()).containsAll(keys);
        assertThat(report.missingObjectDocumentIds()).doesNotContain(scan.id());
    }

    @Test
    void purgingACaseWithoutDocumentsPurgesNothing() {
        assertThat(retention.purgeCase(caseRef, "nothing there", "system:test")).isZero();
    }

    private DocumentInfo uploadWithPreviews(String slot) throws InterruptedException {
        DocumentInfo info = service.upload(caseRef, slot, slot + ".png", "image/png",
                new ByteArrayInputStream(Fixtures.png(320, 200)), "applicant:test");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> service.find(info.id()).orElseThrow().previewState() != PreviewState.PENDING);
        assertThat(service.find(info.id()).orElseThrow().previewState()).isEqualTo(PreviewState.READY);
        return info;
    }

    /** The original's and the previews' object keys of the documents. */
    private List<String> keysOf(Long... documentIds) {
        return jdbc.sql("""
                        select storage_key from document where id in (:ids)
                        union all select storage_key from document_preview where document_id in (:ids)""")
                .param("ids", List.of(documentIds)).query(String.class).list();
    }
}
