package org.reviewdesk.window;

import java.io.InputStream;
import java.util.Objects;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;

/**
 * What a process lets a window clerk do with one of its cases once it is started for a walk-in
 * applicant: see its document slots, scan a document into a slot, submit, print its receipts. One
 * bean per process that starts cases at the window; {@link WindowCaseView} knows none of them by name.
 * The people whose original ID the clerk checks on the case come from {@link OrganisationCases#peopleOn}.
 *
 * <p>Every method checks again that {@code clerk} is a window clerk, whoever calls; {@link WindowCaseDesk}
 * also checks before it calls.
 */
public interface WindowCases {

    /** Whether the case number is this process's (its shape, e.g. DR + 14 digits). */
    boolean handles(String caseRef);

    /** The case as the clerk's page shows it. */
    WindowCase load(String caseRef, CurrentUser clerk);

    /** Who reads the slots' thumbnails: the clerk acts for the applicant standing at the window. */
    default Access documentAccess(String caseRef, CurrentUser clerk) {
        Objects.requireNonNull(clerk, "clerk").requireRole(Role.WINDOW_CLERK);
        return Access.applicantOf(caseRef);
    }

    /** A scanned document into one of the case's slots, inspected as every upload (a refusal stores nothing). */
    DocumentInfo upload(String caseRef, String slot, String originalName, String declaredType, InputStream in, CurrentUser clerk);

    /** Submits the case once every slot holds a document. */
    void submit(String caseRef, CurrentUser clerk);

    /** One of the receipts {@link WindowCase#receipts()} lists, as a PDF. */
    byte[] receipt(String caseRef, String receiptId, CurrentUser clerk);
}
