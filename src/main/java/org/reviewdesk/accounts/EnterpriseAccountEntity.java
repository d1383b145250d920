package org.reviewdesk.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

@Entity
@Table(name = "enterprise_account")
class EnterpriseAccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 18)
    private String uscc;

    /** The code while ACTIVE, else null: the unique constraint on it is the one-active-account rule. */
    @Column(name = "active_uscc", length = 18)
    private String activeUscc;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_person_type", nullable = false, length = 32)
    private LegalPersonType legalPersonType;

    @Column(name = "legal_rep_name", nullable = false, length = 100)
    private String legalRepName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "source_case_ref", length = 100)
    private String sourceCaseRef;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "deregistered_at")
    private OffsetDateTime deregisteredAt;

    @Column(name = "deregistration_reason", length = 500)
    private String deregistrationReason;

    @Column(name = "deregistration_case_ref", length = 100)
    private String deregistrationCaseRef;

    @Column(name = "deregistration_first_approver", length = 100)
    private String deregistrationFirstApprover;

    @Column(name = "deregistration_second_approver", length = 100)
    private String deregistrationSecondApprover;

    @Enumerated(EnumType.STRING)
    @Column(name = "rep_id_type", length = 40)
    private IdType repIdType;

    @Column(name = "rep_id_number", length = 18)
    private String repIdNumber;

    @Column(name = "rep_mobile", length = 11)
    private String repMobile;

    @Column(name = "opened_on")
    private LocalDate openedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountSource source = AccountSource.REGISTRATION;

    @Version
    private long version;

    protected EnterpriseAccountEntity() {
    }

    EnterpriseAccountEntity(String uscc, String name, LegalPersonType type, EnterpriseAccounts.Representative representative,
                            String sourceCaseRef, OffsetDateTime now) {
        this.repIdType = representative.idType();
        this.repIdNumber = representative.idNumber();
        this.repMobile = representative.mobile();
        String legalRepName = representative.name();
        this.uscc = uscc;
        this.activeUscc = uscc;
        this.name = name;
        this.legalPersonType = type;
        this.legalRepName = legalRepName;
        this.status = AccountStatus.ACTIVE;
        this.sourceCaseRef = sourceCaseRef;
        this.createdAt = now;
        this.openedOn = now.toLocalDate();
    }

    void deregister(String reason, String caseRef, String firstApprover, String secondApprover, OffsetDateTime now) {
        deregistrationFirstApprover = firstApprover;
        deregistrationSecondApprover = secondApprover;
        status = AccountStatus.DEREGISTERED;
        activeUscc = null;
        deregisteredAt = now;
        deregistrationReason = reason;
        deregistrationCaseRef = caseRef;
    }

    void rename(String newName) {
        name = newName;
    }

    Long id() { return id; }
    String uscc() { return uscc; }
    String name() { return name; }
    AccountStatus status() { return status; }
    String deregistrationCaseRef() { return deregistrationCaseRef; }

    EnterpriseAccount toAccount() {
        return new EnterpriseAccount(id, uscc, name, legalPersonType, legalRepName, status, sourceCaseRef, createdAt,
                deregisteredAt, deregistrationReason, repIdType, repIdNumber, repMobile, openedOn, source, deregistrationCaseRef,
                deregistrationFirstApprover, deregistrationSecondApprover);
    }
}
