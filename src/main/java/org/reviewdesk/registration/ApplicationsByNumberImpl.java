package org.reviewdesk.registration;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;

/**
 * Spring Data's fragment of {@link RegistrationRepository} (found by its name). An application loaded before in
 * this persistence context comes from it by its natural id, without a query; otherwise a query string, whose
 * translation Hibernate caches. (Hibernate's own natural-id load builds and translates its select anew on every
 * call that misses the persistence context: a fifth of the registration code's own CPU in a lifecycle, JFR of
 * 2026-12-05.)
 */
class ApplicationsByNumberImpl implements ApplicationsByNumber {

    private final EntityManager entityManager;

    ApplicationsByNumberImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<RegistrationApplication> findByNumber(String number) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityMappingType type = session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(RegistrationApplication.class);
        Object id = session.getPersistenceContextInternal().getNaturalIdResolutions().findCachedIdByNaturalId(number, type);
        if (id != null) {
            RegistrationApplication known = entityManager.find(RegistrationApplication.class, id);
            if (known != null) {
                return Optional.of(known);
            }
        }
        return entityManager
                .createQuery("select a from RegistrationApplication a where a.number = :number", RegistrationApplication.class)
                .setParameter("number", number)
                .getResultList() // a stream would scroll a cursor, costlier for the one row
                .stream().findFirst();
    }
}
