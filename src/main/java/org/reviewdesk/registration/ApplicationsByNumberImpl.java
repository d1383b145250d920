package org.reviewdesk.registration;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.Session;

/** Spring Data's fragment of {@link RegistrationRepository} (found by its name). */
class ApplicationsByNumberImpl implements ApplicationsByNumber {

    private final EntityManager entityManager;

    ApplicationsByNumberImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<RegistrationApplication> findByNumber(String number) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(RegistrationApplication.class).loadOptional(number);
    }
}
