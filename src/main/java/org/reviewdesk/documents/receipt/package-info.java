/**
 * Receipts every process prints for its applicants (受理回执, 注销回执): the Chinese font with its
 * search and operator warning, the A4 page layout, and {@link org.reviewdesk.documents.receipt.ReceiptWriter},
 * which frames a process's content with the issuer, title, number, footer and page numbers.
 */
@org.springframework.modulith.NamedInterface("receipt")
package org.reviewdesk.documents.receipt;
