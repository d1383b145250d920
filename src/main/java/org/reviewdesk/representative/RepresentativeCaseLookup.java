package org.reviewdesk.representative;

import org.reviewdesk.window.TableCaseLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deregistration cases (process 2) by number or contact mobile, for the hotline and the window. */
@Component
class RepresentativeCaseLookup extends TableCaseLookup {

    RepresentativeCaseLookup(JdbcClient jdbc) {
        super(jdbc, "representative_change", "account_name", "contact_mobile");
    }
}
