package org.reviewdesk.window;

import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.util.List;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * The window clerk's work on one case, whatever its process: finds the process that owns the number
 * ({@link WindowCases#handles}) and hands it the clerk. Only window clerks; they scan, submit and
 * print, and decide nothing.
 */
@Service
public class WindowCaseDesk {

    private final List<WindowCases> processes;

    WindowCaseDesk(List<WindowCases> processes) {
        this.processes = processes;
    }

    /** Whether some process lets the window work on this case. */
    public boolean handles(String caseRef) {
        return caseRef != null && processes.stream().anyMatch(p -> p.handles(caseRef.strip()));
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public WindowCase load(String caseRef) {
        return process(caseRef).load(caseRef, clerk());
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public Access documentAccess(String caseRef) {
        return process(caseRef).documentAccess(caseRef, clerk());
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public DocumentInfo upload(String caseRef, String slot, String originalName, String declaredType, InputStream in) {
        return process(caseRef).upload(caseRef, slot, originalName, declaredType, in, clerk());
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public void submit(String caseRef) {
        process(caseRef).submit(caseRef, clerk());
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public byte[] receipt(String caseRef, String receiptId) {
        return process(caseRef).receipt(caseRef, receiptId, clerk());
    }

    private WindowCases process(String caseRef) {
        String ref = caseRef == null ? "" : caseRef.strip();
        return processes.stream().filter(p -> p.handles(ref)).findFirst()
                .orElseThrow(() -> new UserFacingException("window.case.unknown", ref));
    }

    private static CurrentUser clerk() {
        CurrentUser clerk = CurrentUser.require();
        clerk.requireRole(Role.WINDOW_CLERK);
        return clerk;
    }
}
