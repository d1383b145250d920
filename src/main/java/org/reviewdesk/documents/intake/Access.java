package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import java.util.Objects;
import org.reviewdesk.platform.CurrentUser;

/**
 * Who is asking to read a document. A staff member reads a case's documents only when a
 * {@link DocumentReadPolicy} says their role handles the case's process (asked on every read); an
 * applicant reads only the case whose reference they hold, and the caller must have proved that (the
 * registration capability checks the access code before it builds an {@link Applicant}).
 */
@NamedInterface("intake")
public sealed interface Access {

    static Access staff(CurrentUser user) {
        return new Staff(user);
    }

    /** Only after the applicant's access code for {@code caseRef} was checked. */
    static Access applicantOf(String caseRef) {
        return new Applicant(caseRef);
    }

    record Staff(CurrentUser user) implements Access {
        public Staff {
            Objects.requireNonNull(user, "user");
        }
    }

    record Applicant(String caseRef) implements Access {
        public Applicant {
            Objects.requireNonNull(caseRef, "caseRef");
        }
    }
}
