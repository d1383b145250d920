package org.reviewdesk.window;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * A new case's access code on its way from the process's start form to the window's case page, in
 * the clerk's session and read once: the page shows it for handing over on paper, and a reload no
 * longer does (the applicant's mobile has it by SMS; the system keeps only its hash).
 */
public final class AccessCodeHandover {

    private static final String PREFIX = AccessCodeHandover.class.getName() + ".";

    private AccessCodeHandover() {
    }

    public static void handOver(String caseRef, String accessCode) {
        VaadinSession.getCurrent().setAttribute(PREFIX + caseRef, accessCode);
    }

    /** The code, once; empty after. */
    public static Optional<String> take(String caseRef) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        Object code = session.getAttribute(PREFIX + caseRef);
        session.setAttribute(PREFIX + caseRef, null);
        return Optional.ofNullable((String) code);
    }
}
