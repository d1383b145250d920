package org.reviewdesk.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "enterprise_account_name")
class AccountNameEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "valid_from", nullable = false)
    private OffsetDateTime validFrom;

    @Column(name = "case_ref", length = 100)
    private String caseRef;

    protected AccountNameEntity() {
    }

    AccountNameEntity(long accountId, String name, OffsetDateTime validFrom, String caseRef) {
        this.accountId = accountId;
        this.name = name;
        this.validFrom = validFrom;
        this.caseRef = caseRef;
    }

    AccountName toName() {
        return new AccountName(name, validFrom, caseRef);
    }
}
