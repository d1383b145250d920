package org.reviewdesk.registration;

import java.util.Date;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The ids of {@code processes/registration/registration.bpmn}: its key, activities, error and
 * variables. Java names no other BPMN id. The process holds only the application number (its
 * business key) and primitives; the application's data lives in {@code registration_application}.
 */
public final class RegistrationProcess {

    public static final String KEY = "registration";

    /** The BpmnError an automated check throws when the application cannot go on. */
    public static final String ERROR_CHECK_STOPPED = "automatedCheckStopped";

    /** Activity ids. */
    public static final class Activity {
        public static final String SUBMITTED = "registrationSubmitted";
        public static final String CHECK_CREDIT_CODE = "checkCreditCode";
        public static final String CHECK_EXISTING = "checkExistingRegistrations";
        public static final String CHECK_IDENTITIES = "checkIdentities";
        public static final String CHECK_DOCUMENTS = "checkDocuments";
        /** Joins the four checks' stops before the stop is recorded (bpmnlint: no implicit joins). */
        public static final String STOP_JOIN = "stopJoin";
        public static final String RECORD_STOP = "recordStop";
        public static final String STOPPED = "stopped";
        /** Joins the checks' end and the applicant's answer before the review clock (re)starts. */
        public static final String REVIEW_JOIN = "reviewJoin";
        public static final String START_REVIEW = "startReview";
        public static final String REVIEW = "review";
        public static final String REVIEW_OVERDUE = "reviewOverdue";
        public static final String ESCALATE = "escalateReview";
        public static final String ESCALATED = "escalated";
        public static final String DECISION = "decisionGateway";
        public static final String OPEN_ACCOUNT = "openAccount";
        public static final String APPROVED = "approved";
        public static final String RECORD_REJECTION = "recordRejection";
        public static final String REJECTED = "rejected";
        public static final String REQUEST_SUPPLEMENT = "requestSupplement";
        public static final String SUPPLEMENT = "supplement";
        public static final String SUPPLEMENT_TIMEOUT = "supplementTimeout";
        public static final String WITHDRAW = "withdraw";
        public static final String WITHDRAWN = "withdrawn";

        private Activity() {
        }
    }

    /** Candidate groups of the user tasks. */
    public static final String REVIEWERS = "reviewers";
    public static final String SUPERVISORS = "supervisors";

    /** The reviewer's outcome, completed with the review task. */
    public enum Decision { APPROVE, REJECT, REQUEST_DOCUMENTS }

    /** Typed process variables. */
    public static final class Var {
        /** {@link Decision#name()}, set when the review task is completed. */
        public static final String DECISION = "decision";
        /** When the review is due (the business calendar's working days, paused while documents are awaited). */
        public static final String REVIEW_DUE = "reviewDue";
        /** When an unanswered request for documents withdraws the application. */
        public static final String SUPPLEMENT_DUE = "supplementDue";

        private Var() {
        }

        static StringValue decision(Decision decision) {
            return Variables.stringValue(decision.name());
        }

        static DateValue reviewDue(Date due) {
            return Variables.dateValue(due);
        }

        static DateValue supplementDue(Date due) {
            return Variables.dateValue(due);
        }
    }

    private RegistrationProcess() {
    }
}
