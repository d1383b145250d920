package org.reviewdesk.registration.receipt;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.reviewdesk.documents.receipt.ReceiptDocument;

/**
 * What the acceptance receipt shows; values already masked and translated by the caller where
 * personal data is concerned, since the receipt is a file that leaves the system.
 */
public record ReceiptContent(String applicationNumber, String enterpriseName, String uscc, String legalPersonTypeLabel,
                      String legalRepresentativeMasked, String contactMobileMasked, OffsetDateTime submittedAt,
                      List<ReceiptDocument> documents, int reviewWorkingDays, LocalDate reviewDueDate,
                      String statusPageHint) {

    public ReceiptContent {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
