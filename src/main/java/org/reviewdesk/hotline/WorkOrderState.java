package org.reviewdesk.hotline;

/** Where a work order stands; CLOSED, ANSWERED and MERGED are final. */
public enum WorkOrderState {
    /** 受理: taken, waiting for dispatch or a direct answer (again after a return). */
    AWAITING_DISPATCH,
    /** 直接答复: answered on the call from the knowledge base, closed. */
    ANSWERED,
    /** 派单: with a handling unit, not yet signed for. */
    AWAITING_SIGN,
    /** 办理: signed for, being handled. */
    HANDLING,
    /** 延期: the handler asked for more time, a supervisor decides. */
    EXTENSION_REQUESTED,
    /** 答复: replied, waiting for the agent's callback. */
    AWAITING_CALLBACK,
    /** 办结. */
    CLOSED,
    /** 并单: merged into another order. */
    MERGED;

    public boolean open() {
        return this != ANSWERED && this != CLOSED && this != MERGED;
    }

    public String messageKey() {
        return "workorders.state." + name();
    }
}
