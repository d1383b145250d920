package org.reviewdesk.accounts;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reviewdesk.accounts.AccountCsv.Parsed;
import org.reviewdesk.accounts.AccountCsv.Row;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the portal's existing legal-person accounts from a CSV file (administrators only).
 *
 * <p>Row by row: a row that breaks a rule is refused with its reason and the others are imported.
 * Matching is by credit code: an ACTIVE row meets the code's ACTIVE account; a DEREGISTERED row meets
 * the code's deregistered account opened on the same day (an old account kept for the record).
 * Nothing there: a new account. The same data: unchanged, so a second import of a file changes
 * nothing. Different data on an account an earlier import brought: updated, a new name kept in the
 * name history. Different data on an account opened here by a registration: refused, since the desk's
 * own approved case is newer than the portal's list and changes to it go through the processes. A
 * DEREGISTERED row for an account the desk holds as ACTIVE is refused for the same reason. A name the
 * desk gave an account on a case (a name change, process 3) is newer than the portal's list: the row's
 * older name is not put back, the account keeps its name and the report notes the row.
 *
 * <p>Fast enough for the portal's whole list: rows are written with JDBC batches, not one entity at
 * a time; all rows of a file commit together (a database failure imports nothing).
 */
@Service
public class AccountImport {

    static final String AUDIT_IMPORTED = "ACCOUNTS_IMPORTED";
    /** The case reference an import writes on the accounts and names it brings. */
    static final String IMPORT_REF = "IMPORT-";
    private static final int BATCH = 1000;
    private static final int LOOKUP_CHUNK = 500;
    /** From this many codes in a file, the existing accounts are read in one pass. */
    static final int SCAN_FROM = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;
    private final BusinessTime time;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    AccountImport(JdbcClient jdbc, JdbcTemplate batch, AuditLog audit, BusinessTime time, MessageSource messages,
                  PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Imports a file; the report lists every refused row with its reason. */
    @RolesAllowed(Role.ADMIN_NAME)
    public ImportReport importCsv(String fileName, byte[] content) {
        CurrentUser user = CurrentUser.require();
        user.requireRole(Role.ADMIN);
        return run(fileName, content, user.username());
    }

    /** The template's header line, for a download beside the upload. */
    public String templateHeader() {
        return AccountCsv.templateHeader();
    }

    /** The import itself, for the signed-in administrator above and for the demo data and benchmark. */
    ImportReport run(String fileName, byte[] content, String actor) {
        Parsed parsed = AccountCsv.parse(content);
        ImportRowRules rules = new ImportRowRules(messages, time.today());
        List<RowRefusal> refusals = new ArrayList<>();
        List<ImportedRow> valid = new ArrayList<>(parsed.rows().size());
        for (Row row : parsed.rows()) {
            ImportRowRules.Outcome outcome = rules.check(row);
            if (outcome instanceof ImportRowRules.Valid v) {
                valid.add(v.row());
            } else if (outcome instanceof ImportRowRules.Refused r) {
                refusals.add(r.refusal());
            }
        }
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        try {
            return transaction.execute(status -> write(name, parsed, valid, refusals, actor));
        } catch (DataIntegrityViolationException race) {
            // another node opened an account for one of the codes meanwhile: nothing was written
            throw new UserFacingException(race, "accounts.import.error.concurrent");
        }
    }

    private ImportReport write(String fileName, Parsed parsed, List<ImportedRow> valid, List<RowRefusal> refusals, String actor) {
        OffsetDateTime now = time.now();
        long importId = startImport(fileName, parsed.charset(), actor, now);
        String ref = IMPORT_REF + importId;
        Map<String, List<EnterpriseAccount>> existing = existing(valid);
        Map<Long, String> renamedOnCase = renamedOnCase(valid, existing);
        List<RowRefusal> notes = new ArrayList<>();

        List<ImportedRow> inserts = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        int unchanged = 0;
        Map<String, Integer> seen = new HashMap<>();
        List<RowRefusal> refused = new ArrayList<>(refusals);
        for (ImportedRow fileRow : valid) {
            ImportedRow row = fileRow;
            String key = row.status() == AccountStatus.ACTIVE ? row.uscc() : row.uscc() + "@" + row.openedOn();
            Integer first = seen.putIfAbsent(key, row.row());
            if (first != null) {
                refused.add(RowRefusal.of(row.row(), row.uscc(), "accounts.import.refused.duplicate", String.valueOf(first)));
                continue;
            }
            List<EnterpriseAccount> accounts = existing.getOrDefault(row.uscc(), List.of());
            Optional<EnterpriseAccount> active = accounts.stream().filter(a -> a.status() == AccountStatus.ACTIVE).findFirst();
            Optional<EnterpriseAccount> match = row.status() == AccountStatus.ACTIVE ? active
                    : accounts.stream().filter(a -> a.status() == AccountStatus.DEREGISTERED && fileRow.openedOn().equals(a.openedOn())).findFirst();
            if (match.isPresent() && renamedOnCase.containsKey(match.get().id()) && !row.name().equals(match.get().name())) {
                // the desk renamed the account on a case (process 3) after the portal's list was made: its name is newer
                notes.add(RowRefusal.of(row.row(), row.uscc(), "accounts.import.note.keptNewerName", match.get().name(),
                        renamedOnCase.get(match.get().id()), row.name()));
                row = row.withName(match.get().name());
            }
            if (match.isEmpty()) {
                if (row.status() == AccountStatus.DEREGISTERED && active.isPresent() && row.openedOn().equals(active.get().openedOn())) {
                    refused.add(RowRefusal.of(row.row(), row.uscc(), "accounts.import.refused.activeHere"));
                } else {
                    inserts.add(row);
                }
            } else if (row.sameAs(match.get())) {
                unchanged++;
            } else if (match.get().source() == AccountSource.REGISTRATION) {
                refused.add(RowRefusal.of(row.row(), row.uscc(), "accounts.import.refused.openedHere",
                        Optional.ofNullable(match.get().sourceCaseRef()).orElse("—")));
            } else {
                updates.add(new Update(match.get(), row));
            }
        }
        refused.sort(java.util.Comparator.comparingInt(RowRefusal::row));

        insert(inserts, ref);
        update(updates, ref, now);
        ImportReport report = new ImportReport(importId, fileName, parsed.charset(), parsed.rows().size(), inserts.size(),
                unchanged, updates.size(), refused, notes);
        jdbc.sql("""
                update account_import set total_rows = :rows, imported = :imported, unchanged = :unchanged,
                       updated = :updated, refused = :refused where id = :id""")
                .param("rows", report.rows()).param("imported", report.imported()).param("unchanged", report.unchanged())
                .param("updated", report.updated()).param("refused", report.refused()).param("id", importId)
                .update();
        audit.record(actor, AUDIT_IMPORTED, ref, "%s (%s): %d rows, %d imported, %d unchanged, %d updated, %d refused"
                .formatted(fileName, parsed.charset(), report.rows(), report.imported(), report.unchanged(), report.updated(), report.refused()));
        return report;
    }

    private record Update(EnterpriseAccount account, ImportedRow row) {
    }

    /**
     * The accounts among the file's matches whose current name a case of the desk gave them (a name
     * change, process 3: a later entry of the name history on a case that is no import), with that
     * case's reference. An import must not put back the name such a case replaced.
     */
    private Map<Long, String> renamedOnCase(List<ImportedRow> rows, Map<String, List<EnterpriseAccount>> existing) {
        List<Long> ids = rows.stream().filter(r -> r.status() == AccountStatus.ACTIVE)
                .flatMap(r -> existing.getOrDefault(r.uscc(), List.of()).stream()
                        .filter(a -> a.status() == AccountStatus.ACTIVE && !a.name().equals(r.name())))
                .map(EnterpriseAccount::id).distinct().toList();
        Map<Long, String> renamed = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            Map<Long, List<String[]>> names = new HashMap<>();
            jdbc.sql("select account_id, name, case_ref from enterprise_account_name where account_id in (:ids) order by account_id, valid_from, id")
                    .param("ids", chunk)
                    .query((java.sql.ResultSet rs) -> {
                        names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                    });
            names.forEach((id, history) -> {
                String[] latest = history.get(history.size() - 1);
                if (history.size() > 1 && latest[1] != null && !latest[1].startsWith(IMPORT_REF)) {
                    renamed.put(id, latest[1]);
                }
            });
        }
        return renamed;
    }

    private long startImport(String fileName, String charset, String actor, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account_import (imported_at, actor, file_name, charset, total_rows, imported, unchanged, updated, refused)
                values (:at, :actor, :file, :charset, 0, 0, 0, 0, 0)""")
                .param("at", now).param("actor", actor)
                .param("file", fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .param("charset", charset)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * The accounts the file's codes already have. A small file looks its codes up in chunks of an IN
     * list (index on uscc); a large one reads the table once, streamed, and keeps the file's codes:
     * right after a large import PostgreSQL's statistics still say the table is small, and it would
     * answer each IN chunk with a full scan (measured: 433 s instead of seconds for 100,000 rows).
     */
    private Map<String, List<EnterpriseAccount>> existing(List<ImportedRow> rows) {
        Set<String> codes = new HashSet<>(rows.stream().map(ImportedRow::uscc).toList());
        Map<String, List<EnterpriseAccount>> byCode = new HashMap<>();
        if (codes.size() >= SCAN_FROM) {
            JdbcTemplate streaming = new JdbcTemplate(batch.getDataSource());
            streaming.setFetchSize(LOOKUP_CHUNK * 4);
            streaming.query("select " + AccountRows.COLUMNS + " from enterprise_account a", (java.sql.ResultSet rs) -> {
                if (codes.contains(rs.getString("uscc"))) {
                    EnterpriseAccount a = AccountRows.MAPPER.mapRow(rs, 0);
                    byCode.computeIfAbsent(a.uscc(), c -> new ArrayList<>()).add(a);
                }
            });
            return byCode;
        }
        List<String> list = new ArrayList<>(codes);
        for (int from = 0; from < list.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + LOOKUP_CHUNK));
            jdbc.sql("select " + AccountRows.COLUMNS + " from enterprise_account a where a.uscc in (:codes)")
                    .param("codes", chunk)
                    .query(AccountRows.MAPPER).list()
                    .forEach(a -> byCode.computeIfAbsent(a.uscc(), c -> new ArrayList<>()).add(a));
        }
        return byCode;
    }

    private void insert(List<ImportedRow> rows, String ref) {
        batch.batchUpdate("""
                insert into enterprise_account (uscc, active_uscc, name, legal_person_type, legal_rep_name, status,
                    source_case_ref, created_at, rep_id_type, rep_id_number, rep_mobile, opened_on, source, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', 0)""", rows, BATCH, (ps, row) -> {
            ps.setString(1, row.uscc());
            ps.setString(2, row.status() == AccountStatus.ACTIVE ? row.uscc() : null);
            ps.setString(3, row.name());
            ps.setString(4, row.type().name());
            ps.setString(5, row.repName());
            ps.setString(6, row.status().name());
            ps.setString(7, ref);
            ps.setObject(8, startOf(row.openedOn()));
            ps.setString(9, row.idType().name());
            ps.setString(10, row.idNumber());
            ps.setString(11, row.mobile());
            ps.setObject(12, row.openedOn());
        });
        // each new account's first name, from the day it was opened: one statement for the whole file
        jdbc.sql("""
                insert into enterprise_account_name (account_id, name, valid_from, case_ref)
                select a.id, a.name, a.created_at, a.source_case_ref from enterprise_account a where a.source_case_ref = :ref""")
                .param("ref", ref).update();
    }

    private void update(List<Update> updates, String ref, OffsetDateTime now) {
        batch.batchUpdate("""
                update enterprise_account set name = ?, legal_person_type = ?, legal_rep_name = ?, rep_id_type = ?,
                    rep_id_number = ?, rep_mobile = ?, opened_on = ?, version = version + 1
                where id = ?""", updates, BATCH, (ps, u) -> {
            ImportedRow row = u.row();
            ps.setString(1, row.name());
            ps.setString(2, row.type().name());
            ps.setString(3, row.repName());
            ps.setString(4, row.idType().name());
            ps.setString(5, row.idNumber());
            ps.setString(6, row.mobile());
            ps.setObject(7, row.openedOn());
            ps.setLong(8, u.account().id());
        });
        List<Update> renamed = updates.stream().filter(u -> !u.row().name().equals(u.account().name())).toList();
        batch.batchUpdate("insert into enterprise_account_name (account_id, name, valid_from, case_ref) values (?, ?, ?, ?)",
                renamed, BATCH, (ps, u) -> {
                    ps.setLong(1, u.account().id());
                    ps.setString(2, u.row().name());
                    ps.setObject(3, now);
                    ps.setString(4, ref);
                });
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(time.zone()).toOffsetDateTime();
    }

}
