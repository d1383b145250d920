package org.reviewdesk.registration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegistrationRepository extends JpaRepository<RegistrationApplication, Long>, ApplicationsByNumber {

    /**
     * The application holding the credit code open. A query string, whose translation Hibernate caches,
     * where a derived query would build and translate a criteria tree on every call (every draft, submit
     * and automated check asks).
     */
    @Query("select a from RegistrationApplication a where a.openUscc = ?1")
    Optional<RegistrationApplication> findByOpenUscc(String uscc);

    @Query("select a from RegistrationApplication a where a.idempotencyKey = ?1")
    Optional<RegistrationApplication> findByIdempotencyKey(String idempotencyKey);

    /** Every application for a code, newest first (the window lists them). */
    List<RegistrationApplication> findByUsccOrderByIdDesc(String uscc);
}
