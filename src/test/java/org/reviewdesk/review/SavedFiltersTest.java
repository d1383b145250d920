package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Saved filters' rules through the real service and database: names, ownership, sharing only with
 * one's own groups, and no sight of anyone else's private filter by a crafted id (IDOR).
 */
@ApplicationTest
class SavedFiltersTest {

    @Autowired SavedFilters filters;
    @Autowired JdbcClient jdbc;

    CurrentUser alice;
    CurrentUser bob;
    CurrentUser carol;
    InboxFilter overdueOfProcess = new InboxFilter(InboxTab.ALL, InboxFixtures.PROCESS_KEY, "成都", InboxQuery.ClaimState.CLAIMED,
            "reviewer2", DueWindow.WORKING_DAYS, 4, InboxQuery.Sort.PRIORITY);

    @BeforeEach
    void people() {
        String suffix = InboxFixtures.marker();
        alice = new CurrentUser("alice" + suffix, Set.of(Role.REVIEWER, Role.SUPERVISOR));
        bob = new CurrentUser("bob" + suffix, Set.of(Role.REVIEWER));
        carol = new CurrentUser("carol" + suffix, Set.of(Role.SUPERVISOR));
    }

    @Test
    void aSavedFilterComesBackWithEveryField() {
        SavedFilter saved = filters.save("  超期已领取  ", overdueOfProcess, null, alice);

        assertThat(saved.name()).isEqualTo("超期已领取");
        assertThat(visible(alice)).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(saved.id());
            assertThat(f.filter()).isEqualTo(overdueOfProcess);
            assertThat(f.groupId()).isNull();
        });
        assertThat(jdbc.sql("select query_json from review_saved_filter where id = :id").param("id", saved.id())
                .query(String.class).single()).as("JSON, not Java serialization").startsWith("{").contains("\"dueWindow\":\"WORKING_DAYS\"");
    }

    @Test
    void aNameIsRequiredAtMostSixtyCharactersAndUniquePerOwner() {
        assertRefused(() -> filters.save("   ", overdueOfProcess, null, alice), "review.filter.nameRequired");
        assertRefused(() -> filters.save(null, overdueOfProcess, null, alice), "review.filter.nameRequired");
        assertRefused(() -> filters.save("名".repeat(61), overdueOfProcess, null, alice), "review.filter.nameTooLong");
        assertRefused(() -> filters.save("超期\u202E已领取", overdueOfProcess, null, alice), "rules.text.hidden");
        filters.save("名".repeat(60), overdueOfProcess, null, alice);

        filters.save("我的超期", overdueOfProcess, null, alice);
        assertRefused(() -> filters.save(" 我的超期", overdueOfProcess, null, alice), "review.filter.nameTaken");
        filters.save("我的超期", overdueOfProcess, null, bob);
        assertThat(visible(alice)).hasSize(2);
    }

    @Test
    void aFilterIsSharedOnlyWithAGroupOfTheOwners() {
        assertRefused(() -> filters.save("给话务", overdueOfProcess, "hotline", alice), "review.filter.notYourGroup");
        assertRefused(() -> filters.save("给管理员", overdueOfProcess, "admins", bob), "review.filter.notYourGroup");
        SavedFilter mine = filters.save("共享测试", overdueOfProcess, null, bob);
        assertRefused(() -> filters.share(mine.id(), "supervisors", bob), "review.filter.notYourGroup");
        assertThat(visible(alice)).isEmpty();

        filters.share(mine.id(), "reviewers", bob);
        assertThat(visible(alice)).extracting(SavedFilter::id).containsExactly(mine.id());
        assertThat(visible(carol)).as("not in reviewers").isEmpty();

        filters.share(mine.id(), null, bob);
        assertThat(visible(alice)).isEmpty();
    }

    @Test
    void aUserSeesOnlyTheirOwnAndTheirGroupsFilters() {
        SavedFilter bobsPrivate = filters.save("私有", overdueOfProcess, null, bob);
        SavedFilter carolsForSupervisors = filters.save("主管共享", overdueOfProcess, "supervisors", carol);
        SavedFilter alicesOwn = filters.save("自己的", overdueOfProcess, null, alice);

        assertThat(visible(alice)).extracting(SavedFilter::id).containsExactly(alicesOwn.id(), carolsForSupervisors.id());
        assertThat(visible(bob)).extracting(SavedFilter::id).containsExactly(bobsPrivate.id());
        assertThat(visible(alice).get(1).ownerName()).isEqualTo(carol.username());
    }

    @Test
    void aCraftedIdOfAnotherUsersFilterIsNotFoundAndASharedOneCannotBeChanged() {
        SavedFilter bobsPrivate = filters.save("私有", overdueOfProcess, null, bob);
        SavedFilter carolsShared = filters.save("主管共享", overdueOfProcess, "supervisors", carol);

        assertThat(filters.find(bobsPrivate.id(), alice)).isEmpty();
        assertRefused(() -> filters.delete(bobsPrivate.id(), alice), "review.filter.notFound");
        assertRefused(() -> filters.share(bobsPrivate.id(), "reviewers", alice), "review.filter.notFound");
        assertRefused(() -> filters.delete(Long.MAX_VALUE, alice), "review.filter.notFound");

        assertThat(filters.find(carolsShared.id(), alice)).isPresent();
        assertRefused(() -> filters.delete(carolsShared.id(), alice), "review.filter.notOwner");
        assertRefused(() -> filters.share(carolsShared.id(), "reviewers", alice), "review.filter.notOwner");

        assertThat(count(bobsPrivate.id()) + count(carolsShared.id())).as("both still there").isEqualTo(2);
        assertThat(filters.find(carolsShared.id(), carol).orElseThrow().groupId()).isEqualTo("supervisors");
    }

    @Test
    void onlyTheOwnerDeletes() {
        SavedFilter mine = filters.save("要删除的", overdueOfProcess, "reviewers", bob);

        filters.delete(mine.id(), bob);

        assertThat(count(mine.id())).isZero();
        assertThat(visible(bob)).isEmpty();
    }

    @Test
    void staffWithoutAnInboxHaveNoFilters() {
        CurrentUser admin = new CurrentUser("admin-filters", Set.of(Role.ADMIN));

        assertThatThrownBy(() -> filters.visible(admin)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> filters.save("管理", overdueOfProcess, null, admin)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void savingSharingAndDeletingAreAudited() {
        SavedFilter saved = filters.save("审计", overdueOfProcess, null, bob);
        filters.share(saved.id(), "reviewers", bob);
        filters.delete(saved.id(), bob);

        assertThat(jdbc.sql("select action from audit_record where actor = :actor order by id").param("actor", bob.username())
                .query(String.class).list())
                .containsExactly(SavedFilters.AUDIT_SAVE, SavedFilters.AUDIT_SHARE, SavedFilters.AUDIT_DELETE);
    }

    /** What the user sees of this test's people's filters (the shared database holds other tests' shared ones). */
    private List<SavedFilter> visible(CurrentUser user) {
        Set<String> ours = Set.of(alice.username(), bob.username(), carol.username());
        return filters.visible(user).stream().filter(f -> ours.contains(f.owner())).toList();
    }

    private long count(long id) {
        return jdbc.sql("select count(*) from review_saved_filter where id = :id").param("id", id).query(Long.class).single();
    }

    private static void assertRefused(Runnable act, String key) {
        assertThatThrownBy(act::run).isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", key);
    }
}
