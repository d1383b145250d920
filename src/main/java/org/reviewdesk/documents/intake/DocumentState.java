package org.reviewdesk.documents.intake;

/**
 * The state of a stored version. A refused file never gets a record, so every row is INSPECTED
 * today; STORED is kept for records written before inspection (e.g. an import) and is never shown
 * to a reviewer as accepted.
 */
public enum DocumentState {
    STORED, INSPECTED
}
