package org.reviewdesk.documents.inspection;

import java.io.InterruptedIOException;

/**
 * A timed-out inspection is cancelled by interrupting its worker thread; PDFBox's parsing and
 * rendering loops do not look at the interrupt flag, so ours do, at every object, operator and
 * decoded block. The flag is left set so that every later check throws too.
 */
final class Interruptions {

    private Interruptions() {
    }

    static void check() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("inspection cancelled");
        }
    }
}
