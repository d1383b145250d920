package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The inbox's SQL, built without a database: each plan-shaping choice and each refusal on its own. */
class InboxSqlTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");
    static final Predicate<String> RD_NUMBERS = s -> s.matches("RD\\d{14,}");
    static final InboxSql.Viewer REVIEWER = new InboxSql.Viewer("reviewer", List.of("reviewers"), List.of());
    static final InboxSql.Viewer SUPERVISOR =
            new InboxSql.Viewer("supervisor", List.of("reviewers", "supervisors"), List.of("registration"));

    private static InboxQuery query(InboxTab tab, String search) {
        return new InboxQuery(tab, null, search, null, InboxQuery.Sort.DUE, 0, 50);
    }

    @Test
    void aCaseNumberOfAnyProcessIsLookedUpExactly() {
        InboxSql.Where where = InboxSql.where(query(InboxTab.MINE, "rd20261204000042"), REVIEWER, NOW, RD_NUMBERS);

        assertThat(where.sql()).contains("t.case_ref in (:exact, :upper)").doesNotContain("title_lower");
        assertThat(where.params()).containsEntry("upper", "RD20261204000042");
    }

    @Test
    void aCreditCodeIsLookedUpExactly() {
        InboxSql.Where where = InboxSql.where(query(InboxTab.MINE, "91350100M000100Y43"), REVIEWER, NOW, s -> false);

        assertThat(where.sql()).contains("t.code = :upper").doesNotContain("title_lower");
    }

    @Test
    void aNameFragmentIsSearchedInTheTitlesWithLikesWildcardsEscaped() {
        InboxSql.Where where = InboxSql.where(query(InboxTab.MINE, "成都_100%"), REVIEWER, NOW, RD_NUMBERS);

        assertThat(where.sql()).contains("t.title_lower like :fragment escape");
        assertThat(where.params()).containsEntry("fragment", "%成都\\_100\\%%");
    }

    @Test
    void theUnclaimedTabOfOneGroupReadsTheGroupIndexInOrderAndCountsFromItAlone() {
        InboxSql.Where where = InboxSql.where(query(InboxTab.UNCLAIMED, null), REVIEWER, NOW, RD_NUMBERS);

        assertThat(where.from()).startsWith("review_task_group g join review_task t");
        assertThat(where.pageSql(InboxQuery.Sort.DUE)).contains("order by g.due_at asc nulls last, g.task_id");
        assertThat(where.countSql()).isEqualTo("select count(*) from review_task_group g where g.group_id in (:groups)"
                + " and g.assignee is null");
    }

    @Test
    void aFilterBeyondTheTabCountsTheFilteredRows() {
        InboxSql.Where where = InboxSql.where(
                new InboxQuery(InboxTab.UNCLAIMED, "registration", null, null, InboxQuery.Sort.DUE, 0, 50), REVIEWER, NOW, RD_NUMBERS);

        assertThat(where.countSql()).startsWith("select count(*) from review_task_group g join review_task t")
                .contains("t.process_key = :processKey");
    }

    @Test
    void theAllTabShowsOnlyTheProcessesTheUserSupervises() {
        InboxSql.Where where = InboxSql.where(query(InboxTab.ALL, null), SUPERVISOR, NOW, RD_NUMBERS);

        assertThat(where.sql()).contains("t.process_key in (:supervised)");
        assertThat(where.params()).containsEntry("supervised", List.of("registration"));
    }

    @Test
    void theAllTabAndTheAssigneeFilterAreRefusedToWhoSupervisesNothing() {
        assertThatThrownBy(() -> InboxSql.where(query(InboxTab.ALL, null), REVIEWER, NOW, RD_NUMBERS))
                .isInstanceOf(AccessDeniedException.class);
        InboxQuery byAssignee = new InboxQuery(InboxTab.MINE, null, null, null, InboxQuery.Sort.DUE, 0, 50,
                InboxQuery.ClaimState.ANY, "reviewer2", null);
        assertThatThrownBy(() -> InboxSql.where(byAssignee, REVIEWER, NOW, RD_NUMBERS)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTaskIsVisibleToItsProcessSupervisorsOnlyWhenTheySuperviseOne() {
        assertThat(InboxSql.visibleTask(REVIEWER)).doesNotContain("supervised");
        assertThat(InboxSql.visibleTask(SUPERVISOR)).endsWith("or t.process_key in (:supervised)");
    }

    @Test
    void aUserWithoutGroupsStillGetsValidSql() {
        InboxSql.Viewer nobody = new InboxSql.Viewer("nobody", List.of(), List.of());

        assertThat(nobody.groups()).containsExactly("");
    }

    @Test
    void overdueIsTheUnionOfMyGroupsAndMineBeforeNow() {
        InboxSql.Where where = InboxSql.where(query(InboxTab.OVERDUE, null), REVIEWER, NOW, RD_NUMBERS);

        assertThat(where.from()).contains("union select m.task_id, m.due_at from review_task m where m.assignee = :me and m.due_at < :now");
        assertThat(where.params()).containsEntry("now", NOW);
    }

    @Test
    void theOverdueTabAloneTakesItsPageOfIdsBeforeTheJoinButNeverWithAFilterThatWouldThinIt() {
        InboxSql.Where alone = InboxSql.where(query(InboxTab.OVERDUE, null), REVIEWER, NOW, RD_NUMBERS);
        InboxSql.Where searched = InboxSql.where(query(InboxTab.OVERDUE, "示例"), REVIEWER, NOW, RD_NUMBERS);

        assertThat(alone.from()).contains("limit (:limit + :offset)) overdue join review_task t");
        assertThat(searched.from()).doesNotContain("limit")
                .contains("union select m.task_id from review_task m where m.assignee = :me and m.due_at < :now");
    }
}
