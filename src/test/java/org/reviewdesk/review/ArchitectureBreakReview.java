package org.reviewdesk.review;

import com.vaadin.flow.component.html.Div;
import org.camunda.bpm.engine.TaskService;

/**
 * Breaks, on purpose, "review knows no process", "no cycles" (with the accounts package's break),
 * "services never use views" and "views never reach the engine": ArchitectureTest checks that each
 * rule reports it.
 */
public class ArchitectureBreakReview {
    org.reviewdesk.registration.RegistrationService registrations;
    org.reviewdesk.accounts.ArchitectureBreakAccounts accounts;

    record ServiceSideRecordNamingAView(InboxView view) {
    }

    static class ViewUsingTheEngine extends Div {
        TaskService tasks;
    }
}
