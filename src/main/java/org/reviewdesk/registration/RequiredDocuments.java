package org.reviewdesk.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.stereotype.Service;

/**
 * The document slots a registration needs, decided by the DMN table
 * {@code processes/registration/required-documents.dmn}, which operators may edit without code.
 *
 * <p>Answers are kept for {@link #FRESH_FOR}: the form, the upload checks, the status page and the
 * process ask the same ten questions all day, and each evaluation writes decision history. A newly
 * deployed table is in effect on every node within that time.
 */
@Service
public class RequiredDocuments {

    /** The decision's key in the DMN model. */
    static final String DECISION_KEY = "requiredDocuments";
    static final Duration FRESH_FOR = Duration.ofSeconds(60);

    private record Question(LegalPersonType type, boolean agentApplies) {
    }

    private record Answer(List<String> slots, Instant at) {
    }

    private final DecisionService decisions;
    private final Clock clock;
    private final Map<Question, Answer> answers = new ConcurrentHashMap<>();

    RequiredDocuments(DecisionService decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    public List<String> slotsFor(LegalPersonType type, boolean agentApplies) {
        Question question = new Question(type, agentApplies);
        Answer answer = answers.get(question);
        if (stale(answer)) {
            // one evaluation at a time, the others wait for its answer without a connection: on a node just
            // started the first evaluations take seconds (the DMN engine loads), each holding a database
            // connection, and ten applicants at once emptied the pool (docs/load.md)
            synchronized (this) {
                answer = answers.get(question);
                if (stale(answer)) {
                    Instant now = clock.instant();
                    answer = new Answer(List.copyOf(evaluate(type, agentApplies)), now);
                    answers.put(question, answer);
                }
            }
        }
        return answer.slots();
    }

    private boolean stale(Answer answer) {
        return answer == null || answer.at().plus(FRESH_FOR).isBefore(clock.instant());
    }

    private List<String> evaluate(LegalPersonType type, boolean agentApplies) {
        Map<String, Object> inputs = Variables.createVariables()
                .putValue("legalPersonType", type.name())
                .putValue("agentApplies", agentApplies);
        return decisions.evaluateDecisionTableByKey(DECISION_KEY, inputs).collectEntries("slot");
    }
}
