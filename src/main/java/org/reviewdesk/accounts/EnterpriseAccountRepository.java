package org.reviewdesk.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnterpriseAccountRepository extends JpaRepository<EnterpriseAccountEntity, Long> {

    Optional<EnterpriseAccountEntity> findByActiveUscc(String uscc);

    List<EnterpriseAccountEntity> findByUsccOrderByCreatedAtDesc(String uscc);
}
