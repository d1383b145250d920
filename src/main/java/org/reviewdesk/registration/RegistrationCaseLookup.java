package org.reviewdesk.registration;

import org.reviewdesk.window.TableCaseLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registrations by number or contact mobile (drafts have numbers too), for the hotline and the window. */
@Component
class RegistrationCaseLookup extends TableCaseLookup {

    RegistrationCaseLookup(JdbcClient jdbc) {
        super(jdbc, "registration_application", "name", "contact_mobile");
    }
}
