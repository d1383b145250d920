package org.reviewdesk.representative;

import java.util.Date;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The ids of {@code processes/representative/representative-change.bpmn} and its DMN table: key,
 * activities, error and variables. Java names no other BPMN id. The process holds only the case
 * number (its business key) and primitives; the case's data lives in {@code representative_change}.
 */
public final class RepresentativeProcess {

    public static final String KEY = "representativeChange";
    public static final String DOCUMENTS_DECISION = "representativeDocuments";
    public static final String ERROR_CHECK_STOPPED = "representativeCheckStopped";

    public static final String REVIEWERS = "reviewers";
    public static final String SUPERVISORS = "supervisors";

    /** Activity ids. */
    public static final class Activity {
        public static final String SUBMITTED = "changeSubmitted";
        public static final String CHECK_ACCOUNT = "checkAccount";
        public static final String CHECK_DOCUMENTS = "checkDocuments";
        public static final String REVIEW_JOIN = "reviewJoin";
        public static final String START_REVIEW = "startReview";
        public static final String FIRST_REVIEW = "firstReview";
        public static final String REVIEW_OVERDUE = "reviewOverdue";
        public static final String ESCALATE = "escalateReview";
        public static final String ESCALATED = "escalated";
        public static final String FIRST_DECISION = "firstDecision";
        public static final String SECOND_APPROVAL = "secondApproval";
        public static final String SECOND_DECISION = "secondDecision";
        public static final String DEREGISTER = "deregisterAccount";
        public static final String DEREGISTERED = "deregistered";
        public static final String REJECT_JOIN = "rejectJoin";
        public static final String RECORD_REJECTION = "recordRejection";
        public static final String REJECTED = "rejected";
        public static final String REQUEST_SUPPLEMENT = "requestSupplement";
        public static final String SUPPLEMENT = "supplement";
        public static final String SUPPLEMENT_TIMEOUT = "supplementTimeout";
        public static final String WITHDRAW = "withdraw";
        public static final String WITHDRAWN = "withdrawn";
        public static final String STOP_JOIN = "stopJoin";
        public static final String RECORD_STOP = "recordStop";
        public static final String STOPPED = "stopped";

        private Activity() {
        }
    }

    /** A reviewer's or supervisor's outcome, completed with their task (the second approval knows no REQUEST_DOCUMENTS). */
    public enum Decision { APPROVE, REJECT, REQUEST_DOCUMENTS }

    /** Typed process variables. */
    public static final class Var {
        public static final String DECISION = "decision";
        public static final String REVIEW_DUE = "reviewDue";
        public static final String SUPPLEMENT_DUE = "supplementDue";

        private Var() {
        }

        static StringValue decision(Decision decision) {
            return Variables.stringValue(decision.name());
        }

        static DateValue date(Date due) {
            return Variables.dateValue(due);
        }
    }

    private RepresentativeProcess() {
    }
}
