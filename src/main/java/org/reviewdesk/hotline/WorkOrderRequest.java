package org.reviewdesk.hotline;

/**
 * What the agent records at intake (受理). The organisation's credit code and a linked application or
 * case number are optional.
 */
public record WorkOrderRequest(String callerName, String callerMobile, WorkOrderCategory category, String description,
                               String uscc, String linkedRef, IntakeChannel channel) {
}
