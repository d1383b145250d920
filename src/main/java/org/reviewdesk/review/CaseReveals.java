package org.reviewdesk.review;

import java.util.function.Supplier;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.PersonalDataReveals;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A full ID number or mobile in the review view, to compare with the scan: only for someone who may
 * open the task's case there (the inbox decides: candidate group, assignee, or supervisor of the
 * process), then counted and audited by {@link PersonalDataReveals} against the case number. A
 * process's review service calls it with the value in a supplier, read only once the reveal is allowed.
 */
@Service
public class CaseReveals {

    /** The screen named in the audit record. */
    static final String SCREEN = "workbench";

    private final Inbox inbox;
    private final PersonalDataReveals reveals;

    CaseReveals(Inbox inbox, PersonalDataReveals reveals) {
        this.inbox = inbox;
        this.reveals = reveals;
    }

    /**
     * @param taskId the review view's task, which must be of this case and visible to the user
     * @throws AccessDeniedException the user may not open the task, or it is not this case's, or the
     *     user is not the one signed in
     * @throws org.reviewdesk.platform.UserFacingException the daily limit is reached, or there is no value
     */
    public String reveal(String taskId, String caseRef, PersonalDataField field, CurrentUser user, Supplier<String> value) {
        CurrentUser signedIn = CurrentUser.require();
        if (user == null || !user.username().equals(signedIn.username())) {
            throw new AccessDeniedException("a reveal is the signed-in user's own");
        }
        ReviewTask task = inbox.find(taskId, user)
                .filter(t -> caseRef != null && (caseRef.equals(t.businessKey()) || caseRef.equals(t.caseRef())))
                .orElseThrow(() -> new AccessDeniedException(user.username() + " may not open task " + taskId + " of " + caseRef));
        return reveals.reveal(task.caseRef() == null ? caseRef : task.caseRef(), field, SCREEN, value).value();
    }
}
