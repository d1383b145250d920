package org.reviewdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@ApplicationTest
@WithMockUser(username = "audit-admin", roles = "ADMIN")
class AuditTrailTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    AuditFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AuditFixtures(jdbc);
    }

    @Test
    void recordsOfAUserComeNewestFirstAndPageWithoutGapsOrRepeats() {
        String alice = fixtures.actor("alice");
        for (int day = 1; day <= 5; day++) {
            fixtures.record(LocalDateTime.of(2001, 3, day, 10, 0), alice, "review.claim", null, "day " + day);
        }
        AuditQuery byAlice = new AuditQuery(alice, null, null, null, null);

        List<AuditEntry> first = trail.search(byAlice, 0, 3);
        List<AuditEntry> second = trail.search(byAlice, 3, 3);

        assertThat(first).extracting(AuditEntry::detail).containsExactly("day 5", "day 4", "day 3");
        assertThat(second).extracting(AuditEntry::detail).containsExactly("day 2", "day 1");
    }

    @Test
    void filtersCombineCaseActionAndAPeriodInChinaTime() {
        String bob = fixtures.actor("bob");
        String ref = fixtures.caseRef("DR1");
        // 00:30 on 2 March in China is still 1 March in UTC: the period is China's
        fixtures.record(LocalDateTime.of(2002, 3, 2, 0, 30), bob, "documents.viewIdScan", ref, "in");
        fixtures.record(LocalDateTime.of(2002, 3, 1, 23, 59), bob, "documents.viewIdScan", ref, "day before");
        fixtures.record(LocalDateTime.of(2002, 3, 2, 12, 0), bob, "review.claim", ref, "other action");
        fixtures.record(LocalDateTime.of(2002, 3, 2, 12, 0), bob, "documents.viewIdScan", fixtures.caseRef("DR2"), "other case");

        List<AuditEntry> found = trail.search(new AuditQuery(null, " " + ref + " ", "documents.viewIdScan",
                LocalDate.of(2002, 3, 2), LocalDate.of(2002, 3, 2)), 0, 50);

        assertThat(found).extracting(AuditEntry::detail).containsExactly("in");
    }

    @Test
    void readsOfPersonalDataAreAlwaysOfferedAsActions() {
        fixtures.record(LocalDateTime.of(2003, 1, 1, 9, 0), fixtures.actor("carol"), "SOME_ACTION_" + fixtures.tag, null, null);

        assertThat(trail.actions()).contains("documents.viewIdScan", "PERSONAL_DATA_REVEALED", "AUDIT_EXPORTED",
                "SOME_ACTION_" + fixtures.tag).isSorted();
    }

    @Test
    void theExportWritesTheFilteredPeriodAsUtf8CsvAndIsItselfAudited() {
        String dan = fixtures.actor("dan");
        String ref = fixtures.caseRef("DR3");
        fixtures.record(LocalDateTime.of(2004, 6, 1, 8, 0), dan, "PERSONAL_DATA_REVEALED", ref, "身份证号, 完整");
        fixtures.record(LocalDateTime.of(2004, 6, 2, 9, 15, 30), dan, "review.claim", ref, "=cmd");
        fixtures.record(LocalDateTime.of(2004, 7, 1, 9, 0), dan, "review.claim", ref, "outside the period");
        AuditQuery june = new AuditQuery(dan, null, null, LocalDate.of(2004, 6, 1), LocalDate.of(2004, 6, 30));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AuditExport export = trail.export(june, out);

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,occurred_at,actor,action,case_ref,detail\r\n");
        assertThat(csv.lines().skip(1)).hasSize(2);
        assertThat(csv).contains(",2004-06-02 09:15:30," + dan + ",review.claim," + ref + ",'=cmd\r\n")
                .contains("PERSONAL_DATA_REVEALED," + ref + ",\"身份证号, 完整\"").doesNotContain("outside");
        assertThat(export.rows()).isEqualTo(2);
        assertThat(export.fileName()).isEqualTo("audit-2004-06-01_2004-06-30.csv");
        String detail = jdbc.sql("select detail from audit_record where actor = 'audit-admin' and action = 'AUDIT_EXPORTED' order by id desc limit 1")
                .query(String.class).single();
        assertThat(detail).isEqualTo("period=2004-06-01..2004-06-30 actor=" + dan + " action=- rows=2");
    }

    @Test
    void badInputIsRefusedWithAMessageKey() {
        LocalDate day = LocalDate.of(2005, 1, 10);
        assertRefused(new AuditQuery(null, null, null, day, day.minusDays(1)), "audit.error.toBeforeFrom");
        assertRefused(new AuditQuery(null, "X".repeat(1000), null, null, null), "audit.error.caseRefTooLong");
        assertRefused(new AuditQuery("u".repeat(101), null, null, null, null), "audit.error.actorTooLong");
        assertThatThrownBy(() -> trail.export(new AuditQuery(null, null, null, day, day.plusDays(366)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("audit.error.periodTooLong"));
        assertThatThrownBy(() -> trail.export(new AuditQuery(null, null, null, day, null), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("audit.error.periodRequired"));
    }

    @Test
    void aYearIsTheLongestExport() {
        LocalDate day = LocalDate.of(2006, 1, 1);
        assertThat(trail.checkedForExport(new AuditQuery(null, null, null, day, day.plusDays(365))).to()).isEqualTo(day.plusDays(365));
    }

    @Test
    @WithMockUser(username = "audit-reviewer", roles = {"REVIEWER", "SUPERVISOR"})
    void onlyAdministratorsReadOrExportTheTrail() {
        AuditQuery query = new AuditQuery(null, null, null, LocalDate.of(2007, 1, 1), LocalDate.of(2007, 1, 2));
        assertThatThrownBy(() -> trail.search(query, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.actions()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.export(query, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(AuditQuery query, String key) {
        assertThatThrownBy(() -> trail.search(query, 0, 10))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
