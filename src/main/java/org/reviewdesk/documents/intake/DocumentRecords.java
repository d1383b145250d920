package org.reviewdesk.documents.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.reviewdesk.documents.inspection.InspectionFlag;
import org.reviewdesk.documents.inspection.InspectionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the record of a stored, accepted file: the next version of its slot, in one transaction,
 * and asks for its previews once that transaction has committed.
 */
@Component
class DocumentRecords {

    /** Two uploads into one slot at once both pick the same version; the loser tries again. */
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(DocumentRecords.class);

    private final DocumentRepository documents;
    private final PreviewJobs previews;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DocumentRecords(DocumentRepository documents, PreviewJobs previews, PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.previews = previews;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    StoredDocument insert(Received received, InspectionResult result) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    StoredDocument saved = documents.saveAndFlush(new StoredDocument(
                            received.caseRef(), received.slot(), nextVersion(received.caseRef(), received.slot()),
                            received.displayName(), result.type(), received.size(), received.sha256(),
                            received.storageKey(), result.pageCount(), flags(result), result.text(),
                            received.actor(), OffsetDateTime.now(clock)));
                    previews.renderAfterCommit(saved.id());
                    return saved;
                });
            } catch (DataIntegrityViolationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Version conflict in slot {} of case {}, attempt {}", received.slot(), received.caseRef(), attempt);
            }
        }
    }

    /** The version a new upload into the slot gets; package-private so a test can force a conflict. */
    int nextVersion(String caseRef, String slot) {
        return documents.maxVersion(caseRef, slot) + 1;
    }

    private static String flags(InspectionResult result) {
        String flags = result.flags().stream().map(InspectionFlag::name).sorted().collect(Collectors.joining(","));
        return flags.isEmpty() ? null : flags;
    }

    /** What the intake learnt while receiving a file. */
    record Received(String caseRef, String slot, String displayName, long size, String sha256, String storageKey,
                    String actor) {
    }
}
