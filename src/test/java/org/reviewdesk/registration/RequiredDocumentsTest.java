package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The decision as the application deploys and evaluates it (auto-deployed from processes/). */
@ApplicationTest
class RequiredDocumentsTest {

    @Autowired
    RequiredDocuments required;
    @Autowired
    DecisionService decisions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDeployedTableDecidesAPublicInstitutionsPapersWithAnAgent() {
        assertThat(required.slotsFor(LegalPersonType.PUBLIC_INSTITUTION, true)).containsExactly(
                "institution-certificate", "id-representative-front", "id-representative-back",
                "agent-authorisation", "id-agent-front", "id-agent-back");
    }

    /**
     * Many callers asking the same question of an empty cache at once: one evaluation (one history row), the
     * others wait for its answer. Each evaluation holds a database connection, seconds long on a node just
     * started; before, every caller evaluated and ten at once emptied the pool.
     */
    @Test
    void callersAskingAtOnceShareOneEvaluation() throws Exception {
        RequiredDocuments cold = new RequiredDocuments(decisions, clock);
        int callers = 12;
        long before = evaluations();
        CyclicBarrier together = new CyclicBarrier(callers);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return cold.slotsFor(LegalPersonType.ENTERPRISE, false);
                }));
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(1, TimeUnit.MINUTES)).contains("business-licence");
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(evaluations() - before).isEqualTo(1);
    }

    private long evaluations() {
        return jdbc.sql("select count(*) from act_hi_decinst where dec_def_key_ = :key")
                .param("key", RequiredDocuments.DECISION_KEY).query(Long.class).single();
    }
}
