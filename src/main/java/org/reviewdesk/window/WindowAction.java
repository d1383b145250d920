package org.reviewdesk.window;

import java.util.Map;

/**
 * Something a clerk can start for a walk-in applicant: a button on the window page that opens a
 * route of the process with query parameters (e.g. the registration form with the code prefilled).
 *
 * @param id a stable component id suffix (window-action-{id})
 * @param route the route to open, e.g. "apply"
 */
public record WindowAction(int order, String id, String labelKey, String route, Map<String, String> query) {

    public WindowAction {
        query = Map.copyOf(query);
    }
}
