package org.reviewdesk.namechange;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The ids of {@code processes/namechange/name-change.bpmn}: key, activities, error and variables.
 * Java names no other BPMN id. The process holds only the case number (its business key) and the
 * reviewer's decision; the case's data lives in {@code name_change}.
 */
public final class NameChangeProcess {

    public static final String KEY = "nameChange";
    public static final String ERROR_CHECK_STOPPED = "nameChangeCheckStopped";
    public static final String REVIEWERS = "reviewers";

    /** Activity ids. */
    public static final class Activity {
        public static final String SUBMITTED = "nameChangeSubmitted";
        public static final String CHECK_ACCOUNT = "checkAccount";
        public static final String CHECK_STOPPED = "checkStopped";
        public static final String CHECK_LICENCE = "checkLicence";
        public static final String REVIEW_JOIN = "reviewJoin";
        public static final String REVIEW = "review";
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

        private Var() {
        }

        static StringValue decision(Decision decision) {
            return Variables.stringValue(decision.name());
        }
    }

    private NameChangeProcess() {
    }
}
