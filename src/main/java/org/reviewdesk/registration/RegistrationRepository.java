package org.reviewdesk.registration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegistrationRepository extends JpaRepository<RegistrationApplication, Long> {

    /**
     * Every applicant call loads its application by number: a query string, whose translation
     * Hibernate caches, where a derived query would build and translate a criteria tree each call.
     */
    @Query("select a from RegistrationApplication a where a.number = ?1")
    Optional<RegistrationApplication> findByNumber(String number);

    Optional<RegistrationApplication> findByOpenUscc(String uscc);

    Optional<RegistrationApplication> findByIdempotencyKey(String idempotencyKey);

    /** Every application for a code, newest first (the window lists them). */
    List<RegistrationApplication> findByUsccOrderByIdDesc(String uscc);
}
