package org.reviewdesk.documents.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<StoredDocument, Long> {

    @Query("select coalesce(max(d.version), 0) from StoredDocument d where d.caseRef = ?1 and d.slot = ?2")
    int maxVersion(String caseRef, String slot);

    @Query("select d from StoredDocument d where d.caseRef = ?1 and d.slot = ?2 order by d.version desc")
    List<StoredDocument> versions(String caseRef, String slot);

    @Query("select d from StoredDocument d where d.caseRef = ?1 and d.version ="
            + " (select max(e.version) from StoredDocument e where e.caseRef = d.caseRef and e.slot = d.slot)")
    List<StoredDocument> latestOfCase(String caseRef);

    Optional<StoredDocument> findByPublicId(UUID publicId);

    boolean existsByStorageKey(String storageKey);

    @Modifying
    @Query("update StoredDocument d set d.previewState = ?2 where d.id = ?1")
    int setPreviewState(long id, PreviewState state);

    /** Id and storage key of the records created before {@code cutoff}, for the sweep's missing-object check. */
    @Query("select d.id as id, d.storageKey as storageKey from StoredDocument d where d.createdAt < ?1 order by d.id")
    List<KeyOfRecord> keysCreatedBefore(java.time.OffsetDateTime cutoff);

    interface KeyOfRecord {
        Long getId();

        String getStorageKey();
    }
}
