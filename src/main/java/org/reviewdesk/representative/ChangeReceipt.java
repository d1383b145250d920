package org.reviewdesk.representative;

/**
 * The receipts of a case: the acceptance receipt (受理回执) once its documents are submitted, and
 * the deregistration receipt (注销回执) once the account is deregistered.
 */
public enum ChangeReceipt {
    ACCEPTANCE("受理回执"),
    DEREGISTRATION("注销回执");

    private final String fileNamePrefix;

    ChangeReceipt(String fileNamePrefix) {
        this.fileNamePrefix = fileNamePrefix;
    }

    /** The PDF's file name: in Chinese, like the receipt. */
    public String fileName(String number) {
        return fileNamePrefix + "-" + number + ".pdf";
    }

    public String labelKey() {
        return "representative.receipt.download." + name();
    }
}
