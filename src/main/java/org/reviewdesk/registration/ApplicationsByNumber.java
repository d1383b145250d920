package org.reviewdesk.registration;

import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** The look-up by number of {@link RegistrationRepository}, by natural id first ({@link ApplicationsByNumberImpl}). */
interface ApplicationsByNumber {

    /**
     * The application with this number. Every call of an applicant, reviewer or process step loads it
     * by number, often several times in one transaction (each automated check, the review task's
     * projection, the approval's account): once loaded, it comes from the persistence context without
     * a query, and without the flush a query would first make of the changes so far.
     */
    @Transactional(readOnly = true)
    Optional<RegistrationApplication> findByNumber(String number);
}
