package org.reviewdesk.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Audit records written straight into the table, at chosen China times, under names no other test uses. */
final class AuditFixtures {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    AuditFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String actor(String name) {
        return name + "-" + tag;
    }

    String caseRef(String ref) {
        return ref + "-" + tag;
    }

    void record(LocalDateTime chinaTime, String actor, String action, String caseRef, String detail) {
        jdbc.sql("insert into audit_record (occurred_at, actor, action, case_ref, detail) values (:at, :actor, :action, :ref, :detail)")
                .param("at", chinaTime.atZone(CHINA).toOffsetDateTime())
                .param("actor", actor).param("action", action).param("ref", caseRef).param("detail", detail)
                .update();
    }
}
