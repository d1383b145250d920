package org.reviewdesk.documents.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentPreviewRepository extends JpaRepository<DocumentPreview, DocumentPreview.Key> {

    @Query("select p from DocumentPreview p where p.key.documentId = ?1 order by p.key.page")
    List<DocumentPreview> ofDocument(long documentId);

    @Query("select p from DocumentPreview p where p.key.documentId = ?1 and p.key.page = ?2")
    Optional<DocumentPreview> page(long documentId, int page);

    @Modifying
    @Query("delete from DocumentPreview p where p.key.documentId = ?1")
    void deleteOfDocument(long documentId);

    boolean existsByStorageKey(String storageKey);
}
