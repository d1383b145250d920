package org.reviewdesk.hotline;

/** The caller's verdict at the callback (回访). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED;

    public String messageKey() {
        return "workorders.satisfaction." + name();
    }
}
