package org.reviewdesk.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnterpriseAccountRepository extends JpaRepository<EnterpriseAccountEntity, Long> {

    /**
     * A query string, whose translation Hibernate caches, where a derived query would build and translate
     * a criteria tree on every call (every registration's draft, submit and checks asks).
     */
    @Query("select a from EnterpriseAccountEntity a where a.activeUscc = ?1")
    Optional<EnterpriseAccountEntity> findByActiveUscc(String uscc);

    List<EnterpriseAccountEntity> findByUsccOrderByCreatedAtDesc(String uscc);
}
