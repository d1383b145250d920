package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The required-documents table, row by row, evaluated by Camunda's own DMN engine from the model file. */
class RequiredDocumentsDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parseTheModel() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = Files.newInputStream(Path.of("processes/registration/required-documents.dmn"))) {
            decision = dmn.parseDecision(RequiredDocuments.DECISION_KEY, model);
        }
    }

    @ParameterizedTest(name = "{0}, agent {1}")
    @CsvSource(delimiter = ';', value = {
            "ENTERPRISE;          false; business-licence id-representative-front id-representative-back",
            "INDIVIDUAL_BUSINESS; false; business-licence id-representative-front id-representative-back",
            "PUBLIC_INSTITUTION;  false; institution-certificate id-representative-front id-representative-back",
            "SOCIAL_ORGANISATION; false; social-organisation-certificate id-representative-front id-representative-back",
            "ORGAN;               false; uscc-certificate id-representative-front id-representative-back",
            "ENTERPRISE;          true;  business-licence id-representative-front id-representative-back agent-authorisation id-agent-front id-agent-back",
            "ORGAN;               true;  uscc-certificate id-representative-front id-representative-back agent-authorisation id-agent-front id-agent-back",
    })
    void eachTypeNeedsItsCertificateTheRepresentativesIdAndTheAgentsPapers(String type, boolean agent, String expected) {
        List<String> slots = dmn.evaluateDecisionTable(decision, Map.of("legalPersonType", type, "agentApplies", agent))
                .collectEntries("slot");
        assertThat(slots).containsExactly(expected.trim().split("\\s+"));
    }
}
