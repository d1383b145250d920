package org.reviewdesk.documents;

/**
 * The document store could not do what was asked. Carries a key of the {@code documents} message
 * bundle for the person in front of the screen; the message and cause are for the log.
 */
public class DocumentStoreException extends RuntimeException {

    /** The store did not answer or refused: a person can only try again later. */
    public static final String UNAVAILABLE = "documents.store.unavailable";
    /** The object named by a record is not in the store. */
    public static final String MISSING = "documents.store.missing";
    /** Reading the uploaded content failed (the upload broke off), not the store. */
    public static final String UPLOAD_INTERRUPTED = "documents.store.uploadInterrupted";

    private final String messageKey;

    public DocumentStoreException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
