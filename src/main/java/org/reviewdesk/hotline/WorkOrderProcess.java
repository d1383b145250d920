package org.reviewdesk.hotline;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The ids of {@code processes/hotline/work-order.bpmn}: key, message, activities and typed variables.
 * Java names no other BPMN id. The process holds the routing (strings, dates, one boolean); the order's
 * data lives in {@code work_order}, keyed by the number (the business key).
 */
public final class WorkOrderProcess {

    public static final String KEY = "workOrder";
    public static final String MERGED_MESSAGE = "workOrderMerged";
    public static final String EXTENSION_REQUESTED_MESSAGE = "workOrderExtensionRequested";
    public static final String HOTLINE = "hotline";
    public static final String SUPERVISORS = "supervisors";

    /** Activity ids. */
    public static final class Activity {
        public static final String RECEIVED = "workOrderReceived";
        public static final String DISPATCH_JOIN = "dispatchJoin";
        public static final String DISPATCH = "dispatch";
        public static final String ROUTE = "route";
        public static final String ANSWERED_DIRECTLY = "answeredDirectly";
        public static final String SIGN = "sign";
        public static final String SIGN_OVERDUE = "signOverdue";
        public static final String ESCALATE_SIGN = "escalateSign";
        public static final String SIGN_ESCALATED = "signEscalated";
        public static final String HANDLE_JOIN = "handleJoin";
        public static final String HANDLING = "handling";
        public static final String HANDLING_STARTED = "handlingStarted";
        public static final String HANDLE = "handle";
        public static final String HANDLED = "handled";
        public static final String EXTENSION_REQUESTED = "extensionRequested";
        public static final String DECIDE_EXTENSION = "decideExtension";
        public static final String EXTENSION_DECISION = "extensionDecision";
        public static final String EXTENSION_GRANTED = "extensionGranted";
        public static final String EXTENSION_REFUSED = "extensionRefused";
        public static final String HANDLE_OVERDUE = "handleOverdue";
        public static final String ESCALATE_HANDLE = "escalateHandle";
        public static final String HANDLE_ESCALATED = "handleEscalated";
        public static final String LIMIT_MOVED = "limitMoved";
        public static final String HANDLE_ACTION = "handleAction";
        public static final String CALLBACK = "callback";
        public static final String SATISFACTION = "satisfaction";
        public static final String CLOSED = "closed";
        public static final String MERGE_HANDLING = "mergeHandling";
        public static final String MERGE_RECEIVED = "mergeReceived";
        public static final String MERGED = "merged";

        private Activity() {
        }
    }

    /** How the dispatch step ends. */
    public enum Route { DIRECT, DISPATCH }

    /** How the handling stage ends (an extension request leaves the handle task open). */
    public enum Action { REPLY, RETURN }

    /** Typed process variables. */
    public static final class Var {
        public static final String DISPATCHER = "dispatcher";
        public static final String ROUTE = "route";
        public static final String UNIT_GROUP = "unitGroup";
        public static final String SIGN_DUE = "signDue";
        public static final String HANDLE_DUE = "handleDue";
        public static final String HANDLER = "handler";
        public static final String ACTION = "action";
        public static final String EXTENSION_GRANTED = "extensionGranted";
        public static final String SATISFACTION = "satisfaction";
        public static final String REOPENED = "reopened";

        private Var() {
        }

        static StringValue text(String value) {
            return Variables.stringValue(value);
        }

        static StringValue route(Route route) {
            return Variables.stringValue(route.name());
        }

        static StringValue action(Action action) {
            return Variables.stringValue(action.name());
        }

        static StringValue satisfaction(Satisfaction satisfaction) {
            return Variables.stringValue(satisfaction.name());
        }

        static BooleanValue flag(boolean value) {
            return Variables.booleanValue(value);
        }

        static DateValue date(OffsetDateTime at) {
            return Variables.dateValue(Date.from(at.toInstant()));
        }
    }

    private WorkOrderProcess() {
    }
}
