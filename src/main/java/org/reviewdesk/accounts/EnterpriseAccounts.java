package org.reviewdesk.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise accounts: opened by an approved registration, renamed (企业 only) with history kept,
 * deregistered when the former legal representative cannot do it. At most one ACTIVE account per
 * credit code, enforced by the database. Callers are process steps acting for a named person;
 * every change is audited with that person and the case.
 */
@Service
public class EnterpriseAccounts {

    private final EnterpriseAccountRepository accounts;
    private final AccountNameRepository names;
    private final AuditLog audit;
    private final Clock clock;

    EnterpriseAccounts(EnterpriseAccountRepository accounts, AccountNameRepository names, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
    }

    /** Database precision (microseconds), so what is returned equals what is read back later. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public Optional<EnterpriseAccount> findActive(String uscc) {
        return accounts.findByActiveUscc(uscc).map(EnterpriseAccountEntity::toAccount);
    }

    /** Every account the code has had, newest first. */
    @Transactional(readOnly = true)
    public List<EnterpriseAccount> history(String uscc) {
        return accounts.findByUsccOrderByCreatedAtDesc(uscc).stream().map(EnterpriseAccountEntity::toAccount).toList();
    }

    @Transactional(readOnly = true)
    public List<AccountName> names(long accountId) {
        return names.findByAccountIdOrderByValidFrom(accountId).stream().map(AccountNameEntity::toName).toList();
    }

    /** Opens an ACTIVE account; refused when the code already has one (also when another node just opened it). */
    @Transactional
    public EnterpriseAccount open(String uscc, String name, LegalPersonType type, String legalRepName, String caseRef, String actor) {
        OffsetDateTime now = now();
        EnterpriseAccountEntity account;
        try {
            account = accounts.saveAndFlush(new EnterpriseAccountEntity(uscc, name, type, legalRepName, caseRef, now));
        } catch (DataIntegrityViolationException alreadyActive) {
            throw new UserFacingException(alreadyActive, "accounts.error.alreadyActive", uscc);
        }
        names.save(new AccountNameEntity(account.id(), name, now, caseRef));
        audit.record(actor, "ACCOUNT_OPENED", caseRef, uscc);
        return account.toAccount();
    }

    /**
     * Deregisters the code's ACTIVE account; the account is kept, with reason and time, and the
     * code is free to register again. Idempotent per case: repeating it for the same case (a
     * retried job) returns the same result and audits nothing more.
     */
    @Transactional
    public EnterpriseAccount deregister(String uscc, String reason, String caseRef, String actor) {
        Optional<EnterpriseAccountEntity> active = accounts.findByActiveUscc(uscc);
        if (active.isEmpty()) {
            return accounts.findByUsccOrderByCreatedAtDesc(uscc).stream()
                    .filter(a -> a.status() == AccountStatus.DEREGISTERED && caseRef != null && caseRef.equals(a.deregistrationCaseRef()))
                    .findFirst()
                    .map(EnterpriseAccountEntity::toAccount)
                    .orElseThrow(() -> new UserFacingException("accounts.error.noActiveAccount", uscc));
        }
        EnterpriseAccountEntity account = active.get();
        account.deregister(reason, caseRef, now());
        audit.record(actor, "ACCOUNT_DEREGISTERED", caseRef, uscc + ": " + reason);
        return accounts.saveAndFlush(account).toAccount();
    }

    /**
     * A 企业's new name from its new licence. Other legal-person types must deregister and
     * register again (the portal's rule), so they are refused with that guidance.
     */
    @Transactional
    public EnterpriseAccount rename(String uscc, String newName, String caseRef, String actor) {
        EnterpriseAccountEntity account = accounts.findByActiveUscc(uscc)
                .orElseThrow(() -> new UserFacingException("accounts.error.noActiveAccount", uscc));
        if (account.toAccount().legalPersonType() != LegalPersonType.ENTERPRISE) {
            throw new UserFacingException("accounts.error.renameNeedsReRegistration");
        }
        if (account.name().equals(newName)) {
            return account.toAccount();
        }
        OffsetDateTime now = now();
        String oldName = account.name();
        account.rename(newName);
        names.save(new AccountNameEntity(account.id(), newName, now, caseRef));
        audit.record(actor, "ACCOUNT_RENAMED", caseRef, uscc + ": " + oldName + " -> " + newName);
        return accounts.saveAndFlush(account).toAccount();
    }
}
