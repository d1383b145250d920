package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes documents of a case for good (a retention period ran out, a draft was abandoned): every
 * version of the chosen slots, their preview pages and the stored objects, with an audit record per
 * document that keeps what it was (slot, version, SHA-256) and why it went.
 *
 * <p>The rows go first, in a transaction (the caller's, if there is one, so a capability can purge
 * together with its own bookkeeping); the objects only after that transaction has committed, best
 * effort. A crash or a store failure in between leaves objects without a row, which
 * {@link OrphanSweep} deletes once they are older than its grace period; the other order could leave
 * rows pointing at deleted objects, which nothing repairs. A rolled-back purge deletes no object.
 */
@NamedInterface("intake")
@Service
public class DocumentRetention {

    /** Audit action of a purged document, one record per version. */
    public static final String AUDIT_PURGED = "documents.purged";

    private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    DocumentRetention(JdbcClient jdbc, ObjectStore store, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Purges every version of the slots of {@code caseRef} that {@code slot} accepts.
     *
     * @param reason why, kept in the audit records (e.g. "ID-scan retention P180D after the decision")
     * @param actor who purges: a user, or the job ({@code system:...})
     * @return the document versions purged by this call; one that another caller purged meanwhile is
     *     neither counted nor audited twice
     */
    public int purgeSlots(String caseRef, Predicate<String> slot, String reason, String actor) {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(slot, "slot");
        Integer purged = transaction.execute(status -> {
            List<Purgeable> documents = jdbc.sql("""
                            select id, slot, version, sha256, storage_key from document
                            where case_ref = :caseRef order by slot, version""")
                    .param("caseRef", caseRef)
                    .query((rs, i) -> new Purgeable(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            rs.getString(4), rs.getString(5)))
                    .list();
            List<String> keys = new ArrayList<>();
            int count = 0;
            for (Purgeable document : documents) {
                if (!slot.test(document.slot())) {
                    continue;
                }
                List<String> previewKeys = jdbc.sql("select storage_key from document_preview where document_id = :id")
                        .param("id", document.id()).query(String.class).list();
                jdbc.sql("delete from document_preview where document_id = :id").param("id", document.id()).update();
                if (jdbc.sql("delete from document where id = :id").param("id", document.id()).update() == 0) {
                    continue; // purged by another caller since the select
                }
                keys.add(document.storageKey());
                keys.addAll(previewKeys);
                audit.record(actor, AUDIT_PURGED, caseRef, "slot " + document.slot() + ", version " + document.version()
                        + ", sha256 " + document.sha256() + ", reason: " + reason);
                count++;
            }
            deleteObjectsAfterCommit(keys);
            return count;
        });
        if (purged != null && purged > 0) {
            log.info("Purged {} documents of case {}: {}", purged, caseRef, reason);
        }
        return purged == null ? 0 : purged;
    }

    /** Purges every document of {@code caseRef}, all slots, all versions. */
    public int purgeCase(String caseRef, String reason, String actor) {
        return purgeSlots(caseRef, s -> true, reason, actor);
    }

    private void deleteObjectsAfterCommit(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // always active here: TransactionTemplate runs the callback with synchronization on
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keys.forEach(DocumentRetention.this::deleteQuietly);
            }
        });
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (DocumentStoreException | IllegalArgumentException e) {
            log.warn("Could not delete the purged object {} now; the orphan sweep will: {}", key, e.getMessage());
        }
    }

    private record Purgeable(long id, String slot, int version, String sha256, String storageKey) {
    }
}
