package org.reviewdesk.namechange;

import java.util.Date;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The ids of {@code processes/namechange/name-change.bpmn}: key, activities, error and variables.
 * Java names no other BPMN id. The process holds only the case number (its business key) the
 * reviewer's decision and the review's due date; the case's data lives in {@code name_change}.
 */
public final class NameChangeProcess {

    public static final String KEY = "nameChange";
    public static final String ERROR_CHECK_STOPPED = "nameChangeCheckStopped";
    public static final String REVIEWERS = "reviewers";
    /** Offered the review once it is overdue. */
    public static final String SUPERVISORS = "supervisors";

    /** Activity ids. */
    public static final class Activity {
        public static final String SUBMITTED = "nameChangeSubmitted";
        public static final String CHECK_ACCOUNT = "checkAccount";
        public static final String CHECK_STOPPED = "checkStopped";
        public static final String CHECK_LICENCE = "checkLicence";
        public static final String REVIEW_JOIN = "reviewJoin";
        public static final String START_REVIEW = "startReview";
        public static final String REVIEW = "review";
        public static final String REVIEW_OVERDUE = "reviewOverdue";
        public static final String ESCALATE = "escalateReview";
        public static final String ESCALATED = "escalated";
        public static final String DECISION = "decision";
        public static final String RENAME = "renameAccount";
        public static final String RENAMED = "renamed";
        public static final String RECORD_REJECTION = "recordRejection";
        public static final String REJECTED = "rejected";
        public static final String REQUEST_LICENCE = "requestLicence";
        public static final String SUPPLY_LICENCE = "supplyLicence";
        public static final String RECORD_STOP = "recordStop";
        public static final String STOPPED = "stopped";

        private Activity() {
        }
    }

    /** The reviewer's outcome, completed with their task. */
    public enum Decision { APPROVE, REJECT, REQUEST_DOCUMENTS }

    /** Typed process variables. */
    public static final class Var {
        public static final String DECISION = "decision";
        /** When the review is due: the task's due date and the overdue timer's. */
        public static final String REVIEW_DUE = "reviewDue";

        private Var() {
        }

        static DateValue date(Date due) {
            return Variables.dateValue(due);
        }

        static StringValue decision(Decision decision) {
            return Variables.stringValue(decision.name());
        }
    }

    private NameChangeProcess() {
    }
}
