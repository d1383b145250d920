package org.reviewdesk.documents.inspection;

/**
 * A file was refused where no result object can carry it: thrown by {@link PreviewRenderer} (a
 * file that fails the checks is never rendered), and used inside the inspection to stop at the
 * first finding. The message is for the log; {@link #refusal()} is for the person.
 */
public class InspectionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    InspectionRefusedException(Refusal refusal, String detail) {
        super(refusal.reason() + ": " + detail, null, false, false);
        this.refusal = refusal;
    }

    static InspectionRefusedException of(RefusalReason reason, String detail, Object... arguments) {
        return new InspectionRefusedException(Refusal.of(reason, arguments), detail);
    }

    public Refusal refusal() {
        return refusal;
    }
}
