package org.reviewdesk.documents.intake;

import org.reviewdesk.platform.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * Which staff members may read a case's documents, answered by whoever knows the case's process (the
 * review workbench, from the roles that handle each process). The documents capability knows no
 * process, so it asks every bean of this type on every staff read of an original, a preview or a text
 * layer: a read is allowed when one of them says yes. A case no bean claims is read by no staff member;
 * with no bean at all, staff read nothing. Applicants are not asked about here: their access code is
 * checked by their process before an {@link Access#applicantOf} is built.
 */
@NamedInterface("intake")
public interface DocumentReadPolicy {

    /**
     * @return true only if {@code caseRef} is a case this policy knows and {@code user} handles its process;
     *     false for a case it does not know
     */
    boolean mayRead(CurrentUser user, String caseRef);
}
