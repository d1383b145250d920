package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision as the application deploys and evaluates it (auto-deployed from processes/). */
@ApplicationTest
class RequiredDocumentsTest {

    @Autowired
    RequiredDocuments required;

    @Test
    void theDeployedTableDecidesAPublicInstitutionsPapersWithAnAgent() {
        assertThat(required.slotsFor(LegalPersonType.PUBLIC_INSTITUTION, true)).containsExactly(
                "institution-certificate", "id-representative-front", "id-representative-back",
                "agent-authorisation", "id-agent-front", "id-agent-back");
    }
}
