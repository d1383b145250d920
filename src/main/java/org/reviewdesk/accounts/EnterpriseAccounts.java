package org.reviewdesk.accounts;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
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
    private final JdbcClient jdbc;

    /** Whether the bigram index of V28 exists (PostgreSQL; H2 scans the names). */
    private final boolean bigrams;

    EnterpriseAccounts(EnterpriseAccountRepository accounts, AccountNameRepository names, AuditLog audit, Clock clock,
                       JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.bigrams = "PostgreSQL".equalsIgnoreCase(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
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

    /**
     * Accounts by credit code (exactly: every account the code has had) or by a fragment of any name
     * they have had, current or former. The code uses the index on {@code enterprise_account.uscc}. A
     * fragment of two or more characters uses V28's bigram index on PostgreSQL (H2 scans the narrow
     * {@code enterprise_account_name}); a single character is answered by a scan on both, as it always
     * was (the hotline's case screen refuses it before asking). Names whose current name is the fragment
     * come first, then those starting with it, then the rest; ACTIVE first in each, then by name. Only
     * the first {@value #MAX_CANDIDATES} matching names are ranked: a fragment matching more (科技,
     * 有限公司) gives a sample that says there are more, and the caller types a longer one.
     */
    @Transactional(readOnly = true)
    public List<AccountMatch> search(String query, int offset, int limit) {
        Search search = Search.of(query, bigrams);
        if (search == null) {
            return List.of();
        }
        String candidates = search.byCode() ? search.condition()
                : "a.id in (select n.account_id from enterprise_account_name n where " + search.nameCondition()
                        + " fetch first " + MAX_CANDIDATES + " rows only)";
        String rank = search.byCode() ? "" : "case when lower(a.name) = :fragment then 0"
                + " when lower(a.name) like :prefix escape '\\' then 1 else 2 end, ";
        List<EnterpriseAccount> found = search.bind(jdbc.sql("select " + AccountRows.COLUMNS + " from enterprise_account a where "
                        + candidates + " order by " + rank + "case when a.status = 'ACTIVE' then 0 else 1 end, a.name, a.id"
                        + " offset :offset rows fetch next :limit rows only"))
                .param("offset", offset).param("limit", limit)
                .query(AccountRows.MAPPER).list();
        return found.stream().map(a -> new AccountMatch(a, search.byCode() ? null : formerName(a, search.fragment()))).toList();
    }

    /** How many names a fragment search ranks at most. */
    static final int MAX_CANDIDATES = 1000;

    /**
     * Accounts whose legal representative's mobile this is (normalised 11 digits, exact: the index of
     * V23), ACTIVE first, then by name; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<EnterpriseAccount> withRepresentativeMobile(String mobile, int limit) {
        return jdbc.sql("select " + AccountRows.COLUMNS + " from enterprise_account a where a.rep_mobile = :mobile"
                        + " order by case when a.status = 'ACTIVE' then 0 else 1 end, a.name, a.id"
                        + " fetch first :limit rows only")
                .param("mobile", mobile).param("limit", limit).query(AccountRows.MAPPER).list();
    }

    /** How many accounts {@link #search} finds in all (every match, not only the ranked ones). */
    @Transactional(readOnly = true)
    public int count(String query) {
        Search search = Search.of(query, bigrams);
        if (search == null) {
            return 0;
        }
        return search.bind(jdbc.sql("select count(*) from enterprise_account a where " + search.condition()))
                .query(Integer.class).single();
    }

    private String formerName(EnterpriseAccount account, String fragment) {
        if (account.name().toLowerCase(Locale.ROOT).contains(fragment)) {
            return null;
        }
        return names(account.id()).stream().map(AccountName::name)
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(fragment)).reduce((a, b) -> b).orElse(null);
    }

    /**
     * @param value the code, or the fragment as an escaped {@code like} infix pattern
     * @param bigrams whether to narrow by V28's bigram index first (PostgreSQL, two characters or more)
     */
    private record Search(boolean byCode, String value, String fragment, boolean bigrams) {

        static Search of(String query, boolean bigramIndex) {
            String q = query == null ? "" : query.strip();
            if (q.isEmpty()) {
                return null;
            }
            if (UsccValidator.check(q) instanceof UsccCheck.Accepted code) {
                return new Search(true, code.normalised(), null, false);
            }
            String fragment = q.toLowerCase(Locale.ROOT);
            return new Search(false, escaped(fragment), fragment, bigramIndex && fragment.codePointCount(0, fragment.length()) >= 2);
        }

        private static String escaped(String fragment) {
            return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }

        String condition() {
            return byCode ? "a.uscc = :value"
                    : "a.id in (select n.account_id from enterprise_account_name n where " + nameCondition() + ")";
        }

        String nameCondition() {
            return (bigrams ? "rd_name_bigrams(n.name) @> rd_name_bigrams(:fragment) and " : "")
                    + "lower(n.name) like :infix escape '\\'";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            if (byCode) {
                return statement.param("value", value);
            }
            return statement.param("infix", "%" + value + "%").param("prefix", value + "%").param("fragment", fragment);
        }
    }

    /** Opens an ACTIVE account without the representative's ID and mobile (callers that do not hold them). */
    @Transactional
    public EnterpriseAccount open(String uscc, String name, LegalPersonType type, String legalRepName, String caseRef, String actor) {
        return open(uscc, name, type, new Representative(legalRepName, null, null, null), caseRef, actor);
    }

    /** The legal representative as an account keeps it: the ID and mobile may be null for old accounts. */
    public record Representative(String name, IdType idType, String idNumber, String mobile) {
    }

    /** Opens an ACTIVE account; refused when the code already has one (also when another node just opened it). */
    @Transactional
    public EnterpriseAccount open(String uscc, String name, LegalPersonType type, Representative representative, String caseRef, String actor) {
        OffsetDateTime now = now();
        EnterpriseAccountEntity account;
        try {
            account = accounts.saveAndFlush(new EnterpriseAccountEntity(uscc, name, type, representative, caseRef, now));
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
        return deregister(uscc, reason, caseRef, null, null, actor);
    }

    /**
     * As {@link #deregister(String, String, String, String)}, approved by two people (process 2's four
     * eyes): both are kept on the account with the case number.
     */
    @Transactional
    public EnterpriseAccount deregister(String uscc, String reason, String caseRef, String firstApprover, String secondApprover) {
        return deregister(uscc, reason, caseRef, firstApprover, secondApprover, secondApprover);
    }

    private EnterpriseAccount deregister(String uscc, String reason, String caseRef, String firstApprover, String secondApprover,
                                         String actor) {
        Optional<EnterpriseAccountEntity> active = accounts.findByActiveUscc(uscc);
        if (active.isEmpty()) {
            return accounts.findByUsccOrderByCreatedAtDesc(uscc).stream()
                    .filter(a -> a.status() == AccountStatus.DEREGISTERED && caseRef != null && caseRef.equals(a.deregistrationCaseRef()))
                    .findFirst()
                    .map(EnterpriseAccountEntity::toAccount)
                    .orElseThrow(() -> new UserFacingException("accounts.error.noActiveAccount", uscc));
        }
        EnterpriseAccountEntity account = active.get();
        account.deregister(reason, caseRef, firstApprover, secondApprover, now());
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
