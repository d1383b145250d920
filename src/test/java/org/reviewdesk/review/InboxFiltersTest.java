package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The filter bar's questions through the real projection: claim state, assignee (supervisors only),
 * due windows in China's working days, and who a task may be given to. Each test marks its cases'
 * titles and searches for the marker, so the shared database's other tasks do not count.
 */
@ApplicationTest
class InboxFiltersTest {

    static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    static final CurrentUser REVIEWER = InboxServiceTest.REVIEWER;
    static final CurrentUser SUPERVISOR = InboxServiceTest.SUPERVISOR;

    @Autowired Inbox inbox;
    @Autowired WorkingDayCalendar calendar;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    InboxFixtures fixtures;
    String marker;
    OffsetDateTime now = OffsetDateTime.now();

    @BeforeEach
    void process() {
        fixtures = new InboxFixtures(repository, runtime, tasks);
        marker = InboxFixtures.marker();
    }

    @Test
    void theStateFilterSeparatesClaimedFromUnclaimed() {
        Task open = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        Task claimed = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        inbox.claim(claimed.getId(), InboxServiceTest.REVIEWER2);

        assertThat(ids(filter(InboxTab.ALL).withState(InboxQuery.ClaimState.CLAIMED), SUPERVISOR)).containsExactly(claimed.getId());
        assertThat(ids(filter(InboxTab.ALL).withState(InboxQuery.ClaimState.UNCLAIMED), SUPERVISOR)).containsExactly(open.getId());
        assertThat(ids(filter(InboxTab.ALL).withState(InboxQuery.ClaimState.ANY), SUPERVISOR)).hasSize(2);
    }

    @Test
    void supervisorsFilterByAssigneeAndReviewersAreRefused() {
        Task theirs = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        Task mine = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        inbox.claim(theirs.getId(), InboxServiceTest.REVIEWER2);
        inbox.claim(mine.getId(), REVIEWER);

        assertThat(ids(filter(InboxTab.ALL).withAssignee("reviewer2"), SUPERVISOR)).containsExactly(theirs.getId());
        assertThat(inbox.assignees(SUPERVISOR)).extracting(Colleague::username).contains("reviewer", "reviewer2");
        assertThatThrownBy(() -> inbox.page(filter(InboxTab.OVERDUE).withAssignee("reviewer2"), REVIEWER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.assignees(REVIEWER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void dueWindowsCountChinasWorkingDaysAndDoNotOverlap() {
        LocalDate today = now.atZoneSameInstant(CHINA).toLocalDate();
        OffsetDateTime endOfToday = today.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
        Task late = fixtures.start(marker, "reviewers", now.minusHours(2), 50, now);
        Task laterToday = fixtures.start(marker, "reviewers", now.plus(Duration.between(now, endOfToday).dividedBy(2)), 50, now);
        Task inTwo = fixtures.start(marker, "reviewers", noonOf(calendar.addWorkingDays(today, 2)), 50, now);
        Task inFive = fixtures.start(marker, "reviewers", noonOf(calendar.addWorkingDays(today, 5)), 50, now);
        Task none = fixtures.start(marker, "reviewers", null, 50, now);

        assertThat(window(DueWindow.OVERDUE, 0)).containsExactly(late.getId());
        assertThat(window(DueWindow.TODAY, 0)).containsExactly(laterToday.getId());
        assertThat(window(DueWindow.WORKING_DAYS, 1)).containsExactly(laterToday.getId());
        assertThat(window(DueWindow.WORKING_DAYS, 2)).containsExactly(laterToday.getId(), inTwo.getId());
        assertThat(window(DueWindow.WORKING_DAYS, 5)).containsExactly(laterToday.getId(), inTwo.getId(), inFive.getId());
        assertThat(window(DueWindow.ANY, 0)).containsExactly(late.getId(), laterToday.getId(), inTwo.getId(), inFive.getId(),
                none.getId());
    }

    @Test
    void aTaskIsOfferedOnlyToMembersOfItsGroupsByName() {
        Task reviewers = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        Task hotline = fixtures.start(marker, "hotline", now.plusDays(3), 50, now);

        List<Colleague> forReview = inbox.candidates(List.of(reviewers.getId()), SUPERVISOR);
        assertThat(forReview).extracting(Colleague::username).contains("reviewer", "reviewer2", "supervisor")
                .doesNotContain("hotline", "admin");
        assertThat(forReview).allSatisfy(c -> assertThat(c.displayName()).isNotBlank());
        assertThat(inbox.candidates(List.of(hotline.getId()), SUPERVISOR)).extracting(Colleague::username)
                .containsExactly("hotline");
        assertThat(inbox.candidates(List.of(reviewers.getId(), hotline.getId()), SUPERVISOR)).extracting(Colleague::username)
                .contains("hotline", "reviewer2");
        assertThatThrownBy(() -> inbox.candidates(List.of(reviewers.getId()), REVIEWER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSharedSupervisorsFilterLosesWhatAReviewerCannotUse() {
        InboxFilter supervisors = new InboxFilter(InboxTab.ALL, null, marker, InboxQuery.ClaimState.CLAIMED, "reviewer2",
                DueWindow.OVERDUE, 3, InboxQuery.Sort.PRIORITY);

        InboxFilter forReviewer = supervisors.forUser(false);
        assertThat(forReviewer.tab()).isEqualTo(InboxTab.UNCLAIMED);
        assertThat(forReviewer.assignee()).isNull();
        assertThat(forReviewer.search()).isEqualTo(marker);
        assertThat(supervisors.forUser(true)).isEqualTo(supervisors);
    }

    private OffsetDateTime noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(CHINA).toOffsetDateTime();
    }

    private List<String> window(DueWindow window, int days) {
        InboxFilter filter = new InboxFilter(InboxTab.UNCLAIMED, InboxFixtures.PROCESS_KEY, marker, null, null, window, days, null);
        return ids(filter.query(null, 0, 50, calendar, now), REVIEWER);
    }

    private Query filter(InboxTab tab) {
        return new Query(new InboxQuery(tab, InboxFixtures.PROCESS_KEY, marker, null, InboxQuery.Sort.DUE, 0, 50));
    }

    private List<String> ids(InboxQuery query, CurrentUser user) {
        return inbox.page(query, user).stream().map(ReviewTask::taskId).toList();
    }

    /** A query of this test's cases with one more filter. */
    private record Query(InboxQuery query) {
        InboxQuery withState(InboxQuery.ClaimState state) {
            return new InboxQuery(query.tab(), query.processKey(), query.search(), null, query.sort(), 0, 50, state, null, null);
        }

        InboxQuery withAssignee(String assignee) {
            return new InboxQuery(query.tab(), query.processKey(), query.search(), null, query.sort(), 0, 50,
                    InboxQuery.ClaimState.ANY, assignee, null);
        }
    }
}
