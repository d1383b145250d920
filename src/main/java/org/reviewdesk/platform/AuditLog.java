package org.reviewdesk.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail: who did what, when, on which case. Records are only ever
 * inserted; there is no update or delete path in the application.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records in the caller's transaction, so the record and the act commit or fail together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String caseRef, String detail) {
        insert(actor, action, caseRef, detail);
    }

    /** Records on its own, for acts that have no transaction of their own (a login, a refused login). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordNow(String actor, String action, String caseRef, String detail) {
        insert(actor, action, caseRef, detail);
    }

    private void insert(String actor, String action, String caseRef, String detail) {
        jdbc.sql("""
                insert into audit_record (occurred_at, actor, action, case_ref, detail)
                values (:at, :actor, :action, :caseRef, :detail)""")
                .param("at", OffsetDateTime.now(clock))
                .param("actor", truncate(actor, 100))
                .param("action", truncate(action, 64))
                .param("caseRef", truncate(caseRef, 100))
                .param("detail", truncate(detail, 2000))
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
