package org.reviewdesk.registration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrationRepository extends JpaRepository<RegistrationApplication, Long> {

    Optional<RegistrationApplication> findByNumber(String number);

    Optional<RegistrationApplication> findByOpenUscc(String uscc);

    Optional<RegistrationApplication> findByIdempotencyKey(String idempotencyKey);

    /** Every application for a code, newest first (the window lists them). */
    List<RegistrationApplication> findByUsccOrderByIdDesc(String uscc);
}
