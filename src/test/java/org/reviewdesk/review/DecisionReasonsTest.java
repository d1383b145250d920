package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rejection reasons' rules: the seeded list, who may edit, what an edit may not do (change a
 * code, take a code twice, leave a text empty), deactivation instead of deletion, and the audit.
 * Edits go to the tests' own process ({@link InboxFixtures#PROCESS_KEY}), so registration's list
 * stays as seeded for the other tests.
 */
@ApplicationTest
class DecisionReasonsTest {

    static final CurrentUser ADMIN = new CurrentUser("admin", Set.of(Role.ADMIN));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser HOTLINE = new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT));
    static final String PROCESS = InboxFixtures.PROCESS_KEY;

    @Autowired DecisionReasons reasons;
    @Autowired JdbcClient jdbc;

    private static String code() {
        return "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @Test
    void registrationIsSeededWithTheSixReasonsAndTheirTexts() {
        List<DecisionReason> seeded = reasons.active("registration", REVIEWER);
        assertThat(seeded).extracting(DecisionReason::code).containsSubsequence("DOCUMENT_UNREADABLE", "DOCUMENT_INCONSISTENT",
                "NOT_THE_LEGAL_PERSON", "REGISTERED_IN_SICHUAN", "IDENTITY_NOT_VERIFIED", "OTHER");
        DecisionReason other = seeded.stream().filter(r -> r.code().equals("OTHER")).findFirst().orElseThrow();
        assertThat(other.textRequired()).isTrue();
        assertThat(other.templateZh()).isEqualTo("其他原因（见说明）。");
        assertThat(other.template(java.util.Locale.ENGLISH)).isEqualTo("Another reason (see the explanation).");
        assertThat(seeded).filteredOn(r -> !r.code().equals("OTHER")).noneMatch(DecisionReason::textRequired);
    }

    @Test
    void aSupervisorAddsAReasonWhichIsOfferedAndAudited() {
        String code = code();
        DecisionReason added = reasons.add(PROCESS, new ReasonDraft(" " + code.toLowerCase() + " ", " 测试原因。 ", "A test reason.", false, 70),
                SUPERVISOR);

        assertThat(added.code()).isEqualTo(code);
        assertThat(added.templateZh()).isEqualTo("测试原因。");
        assertThat(added.active()).isTrue();
        assertThat(reasons.active(PROCESS, REVIEWER)).extracting(DecisionReason::code).contains(code);
        assertThat(audit(PROCESS + ":" + code)).containsExactly(DecisionReasons.AUDIT_ADD);
    }

    @Test
    void badInputIsRefusedWithItsOwnMessageAndNothingStored() {
        String code = code();
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft("1ABC", "中", "en", false, 1), ADMIN), "review.reason.codeInvalid");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft("A", "中", "en", false, 1), ADMIN), "review.reason.codeInvalid");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft("有中文", "中", "en", false, 1), ADMIN), "review.reason.codeInvalid");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, " ", "en", false, 1), ADMIN), "review.reason.templateZhRequired");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "中", null, false, 1), ADMIN), "review.reason.templateEnRequired");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "中".repeat(501), "en", false, 1), ADMIN), "review.reason.templateTooLong");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "材料\u202E不全", "en", false, 1), ADMIN), "rules.text.hidden");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "中", "zero\u200Bwidth", false, 1), ADMIN), "rules.text.hidden");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "中", "en", false, -1), ADMIN), "review.reason.sortOrderInvalid");
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "中", "en", false, 10000), ADMIN), "review.reason.sortOrderInvalid");
        assertRefused(() -> reasons.add("noSuchProcess", new ReasonDraft(code, "中", "en", false, 1), ADMIN), "review.reason.unknownProcess");
        assertThat(reasons.all(PROCESS, ADMIN)).extracting(DecisionReason::code).doesNotContain(code);

        reasons.add(PROCESS, new ReasonDraft(code, "中", "en", false, 1), ADMIN);
        assertRefused(() -> reasons.add(PROCESS, new ReasonDraft(code, "再一次", "again", false, 2), ADMIN), "review.reason.codeTaken");
    }

    @Test
    void anEditChangesTheTextsButNeverTheCode() {
        String code = code();
        DecisionReason added = reasons.add(PROCESS, new ReasonDraft(code, "旧文字。", "Old text.", false, 5), ADMIN);

        assertRefused(() -> reasons.update(added.id(), new ReasonDraft("RENAMED", "新文字。", "New text.", true, 6), ADMIN),
                "review.reason.codeImmutable");
        DecisionReason edited = reasons.update(added.id(), new ReasonDraft(code, "新文字。", "New text.", true, 6), ADMIN);

        assertThat(edited).extracting(DecisionReason::code, DecisionReason::templateZh, DecisionReason::textRequired,
                DecisionReason::sortOrder).containsExactly(code, "新文字。", true, 6);
        assertRefused(() -> reasons.update(added.id(), new ReasonDraft(code, "", "x", false, 6), ADMIN),
                "review.reason.templateZhRequired");
        assertRefused(() -> reasons.update(-1, new ReasonDraft(code, "x", "x", false, 6), ADMIN), "review.reason.notFound");
        assertThat(audit(PROCESS + ":" + code)).containsExactly(DecisionReasons.AUDIT_ADD, DecisionReasons.AUDIT_UPDATE);
    }

    @Test
    void aDeactivatedReasonIsNoLongerOfferedButKept() {
        String code = code();
        DecisionReason added = reasons.add(PROCESS, new ReasonDraft(code, "停用前。", "Before.", false, 5), ADMIN);

        reasons.setActive(added.id(), false, SUPERVISOR);

        assertThat(reasons.active(PROCESS, REVIEWER)).extracting(DecisionReason::code).doesNotContain(code);
        assertThat(reasons.all(PROCESS, ADMIN)).filteredOn(r -> r.code().equals(code)).singleElement()
                .satisfies(r -> assertThat(r.active()).isFalse());
        assertRefused(() -> reasons.chosen(PROCESS, List.of(code), REVIEWER), "review.reason.notOffered");
        assertRefused(() -> reasons.chosen(PROCESS, List.of("NEVER_THERE"), REVIEWER), "review.reason.notOffered");

        reasons.setActive(added.id(), true, SUPERVISOR);
        assertThat(reasons.chosen(PROCESS, List.of(code), REVIEWER)).extracting(DecisionReason::code).containsExactly(code);
        assertThat(audit(PROCESS + ":" + code)).containsExactly(DecisionReasons.AUDIT_ADD, DecisionReasons.AUDIT_ACTIVE,
                DecisionReasons.AUDIT_ACTIVE);
    }

    @Test
    void onlyAdministratorsAndSupervisorsEdit() {
        ReasonDraft draft = new ReasonDraft(code(), "中", "en", false, 1);
        assertThatThrownBy(() -> reasons.add(PROCESS, draft, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reasons.all(PROCESS, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reasons.setActive(1, false, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reasons.active(PROCESS, HOTLINE)).isInstanceOf(AccessDeniedException.class);
    }

    private List<String> audit(String caseRef) {
        return jdbc.sql("select action from audit_record where case_ref = :ref order by id").param("ref", caseRef)
                .query(String.class).list();
    }

    private static void assertRefused(Runnable act, String key) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
