package org.reviewdesk.documents.inspection;

/**
 * Why a file is not accepted. Each reason has a key of the {@code messages/inspection} bundle that
 * tells the applicant what to do; the arguments each key takes are named on the constant.
 */
public enum RefusalReason {
    /** The file has no content. */
    EMPTY("inspection.refused.empty"),
    /** Larger than the limit; argument: the limit in MB. */
    TOO_LARGE("inspection.refused.tooLarge"),
    /** Not a PDF, JPEG or PNG by its first bytes, whatever its name says. */
    UNSUPPORTED_TYPE("inspection.refused.unsupportedType"),
    /** Truncated, damaged, or so malformed that it would need repairing to be read. */
    DAMAGED("inspection.refused.damaged"),
    /** The PDF cannot be opened without a password. */
    PASSWORD_REQUIRED("inspection.refused.passwordRequired"),
    /** The PDF carries JavaScript. */
    JAVASCRIPT("inspection.refused.javascript"),
    /** The PDF can start a program or open a file on the reader's computer. */
    LAUNCH_ACTION("inspection.refused.launchAction"),
    /** The PDF carries attached or embedded files. */
    EMBEDDED_FILE("inspection.refused.embeddedFile"),
    /** The PDF is an XFA form. */
    XFA_FORM("inspection.refused.xfaForm"),
    /** The PDF carries multimedia (RichMedia, Flash, 3D, movies, sound). */
    RICH_MEDIA("inspection.refused.richMedia"),
    /** The PDF can send form data somewhere. */
    SUBMIT_FORM("inspection.refused.submitForm"),
    /** The PDF links into another document (GoToR). */
    REMOTE_GO_TO("inspection.refused.remoteGoTo"),
    /** The PDF can import form data from a file. */
    IMPORT_DATA("inspection.refused.importData"),
    /** Objects nested deeper than any real document does. */
    NESTING_TOO_DEEP("inspection.refused.nestingTooDeep"),
    /** A compressed part would unpack to far more than a real document holds (a "zip bomb"). */
    STREAM_TOO_LARGE("inspection.refused.streamTooLarge"),
    /** The page tree loops back on itself or miscounts its pages. */
    PAGE_TREE_INVALID("inspection.refused.pageTreeInvalid"),
    /** More pages than the limit; argument: the limit. */
    TOO_MANY_PAGES("inspection.refused.tooManyPages"),
    /** A page larger than PDF allows (200 inches) or with no area; argument: the page number. */
    PAGE_SIZE_INVALID("inspection.refused.pageSizeInvalid"),
    /** An image larger than the pixel limit; arguments: width, height, the limit in megapixels. */
    IMAGE_TOO_LARGE("inspection.refused.imageTooLarge"),
    /** The inspection did not finish within the time limit. */
    TIMEOUT("inspection.refused.timeout"),
    /** Every worker stayed busy: nothing is wrong with the file, the applicant may try again shortly. */
    BUSY("inspection.refused.busy");

    private final String messageKey;

    RefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** True when the same file may well be accepted if sent again later. */
    public boolean retryable() {
        return this == BUSY;
    }
}
