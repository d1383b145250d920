package org.reviewdesk.namechange;

import org.reviewdesk.window.TableCaseLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Name changes (process 3) by number or by the applicant's proven mobile, for the hotline and the
 * window; the organisation is named by the name it asked for.
 */
@Component
class NameChangeCaseLookup extends TableCaseLookup {

    NameChangeCaseLookup(JdbcClient jdbc) {
        super(jdbc, "name_change", "new_name", "applicant_mobile");
    }
}
