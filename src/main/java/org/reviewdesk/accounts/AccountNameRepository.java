package org.reviewdesk.accounts;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountNameRepository extends JpaRepository<AccountNameEntity, Long> {

    List<AccountNameEntity> findByAccountIdOrderByValidFrom(long accountId);
}
