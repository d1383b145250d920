package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import java.util.List;

/**
 * A second process whose tasks another team works ({@link OtherTeamProcess}: hotline agents) plugs
 * into the inbox, the decision rule, comments, reasons, search and the dashboard through its adapter
 * alone, and the review team sees none of it.
 */
@ApplicationTest
class OtherTeamProcessTest {

    static final CurrentUser AGENT = new CurrentUser("agent-a", "话务员甲", Set.of(Role.HOTLINE_AGENT));
    static final CurrentUser AGENT2 = new CurrentUser("agent-b", "话务员乙", Set.of(Role.HOTLINE_AGENT));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
    static final CurrentUser ADMIN = new CurrentUser("admin", Set.of(Role.ADMIN));

    @Autowired Inbox inbox;
    @Autowired OtherTeamProcess.Cases cases;
    @Autowired CaseComments comments;
    @Autowired DecisionReasons reasons;
    @Autowired WorkOverview overview;

    private String taskOf(String number, CurrentUser user) {
        return inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, number, null, InboxQuery.Sort.DUE, 0, 10), user)
                .get(0).taskId();
    }

    private List<String> numbersIn(InboxTab tab, String search, CurrentUser user) {
        return inbox.page(new InboxQuery(tab, null, search, null, InboxQuery.Sort.DUE, 0, 50), user).stream()
                .map(ReviewTask::caseRef).toList();
    }

    @Test
    void itsWorkersFindItsTaskByNumberAndTheReviewTeamDoesNot() {
        String number = cases.start("话务工单 成都某公司");

        assertThat(numbersIn(InboxTab.UNCLAIMED, number, AGENT)).containsExactly(number);
        assertThat(numbersIn(InboxTab.ALL, number, AGENT)).as("its supervising role sees all of it").containsExactly(number);
        assertThat(numbersIn(InboxTab.UNCLAIMED, number, REVIEWER)).isEmpty();
        assertThat(numbersIn(InboxTab.ALL, number, SUPERVISOR)).as("registration's supervisors do not supervise it").isEmpty();
        String taskId = taskOf(number, AGENT);
        assertThat(inbox.find(taskId, AGENT)).isPresent();
        assertThat(inbox.find(taskId, REVIEWER)).isEmpty();
        assertThat(inbox.find(taskId, SUPERVISOR)).isEmpty();
    }

    @Test
    void aWorkerWhoSupervisesNothingHasNoAllTab() {
        assertThatThrownBy(() -> numbersIn(InboxTab.ALL, null, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThat(inbox.tabCounts(REVIEWER)).doesNotContainKey(InboxTab.ALL);
        assertThat(inbox.tabCounts(AGENT)).containsKey(InboxTab.ALL);
    }

    @Test
    void theOneDecisionRuleLetsOnlyItsHolderDecide() {
        String number = cases.start("话务工单 由甲办理");

        assertThatThrownBy(() -> cases.decide(number, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        inbox.claim(taskOf(number, AGENT), AGENT);
        assertThatThrownBy(() -> cases.decide(number, AGENT2)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("review.decide.assignedToOther"));

        assertThat(cases.decide(number, AGENT)).isTrue();
        assertThat(cases.decide(number, AGENT)).as("nothing left to decide").isFalse();
    }

    @Test
    void anUnclaimedTaskIsClaimedForItsDecider() {
        String number = cases.start("话务工单 直接办结");

        assertThat(cases.decide(number, AGENT2)).isTrue();
        assertThat(numbersIn(InboxTab.UNCLAIMED, number, AGENT)).isEmpty();
    }

    @Test
    void commentsAreForItsWorkersOnly() {
        String number = cases.start("话务工单 内部意见");
        String taskId = taskOf(number, AGENT);

        comments.add(taskId, "已电话联系企业", AGENT);

        assertThat(comments.of(taskId, AGENT2)).extracting(CaseComment::body).containsExactly("已电话联系企业");
        assertThatThrownBy(() -> comments.of(taskId, REVIEWER)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("review.task.notFoundOrNotYours"));
    }

    @Test
    void itsReasonsAreEditedByItsSupervisorsAndReadByItsWorkers() {
        String code = "OT" + Long.toString(System.nanoTime() % 1_000_000);
        reasons.add(OtherTeamProcess.KEY, new ReasonDraft(code, "转办单位不符", "Wrong unit", false, 1), AGENT);

        assertThat(reasons.active(OtherTeamProcess.KEY, AGENT2)).extracting(DecisionReason::code).contains(code);
        assertThat(reasons.processes(AGENT)).extracting(CaseAdapter::processKey).containsExactly(OtherTeamProcess.KEY);
        assertThatThrownBy(() -> reasons.active(OtherTeamProcess.KEY, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reasons.all(OtherTeamProcess.KEY, SUPERVISOR)).isInstanceOf(AccessDeniedException.class);
        assertThat(reasons.all(OtherTeamProcess.KEY, ADMIN)).extracting(DecisionReason::code).contains(code);
    }

    @Test
    void theDashboardShowsEachSupervisorTheTeamOfTheirProcesses() {
        String number = cases.start("话务工单 看板");
        inbox.claim(taskOf(number, AGENT), AGENT);

        signIn(AGENT);
        assertThat(overview.mine().assignedToMe()).isPositive();
        // the group table is the review workload (issue 14 item 18): this process reviews no applications
        assertThat(overview.perGroup()).isEmpty();
        assertThat(overview.team().people()).isEmpty();

        // supervisors supervise the review processes and the 12345 work orders (process 4, worked by agents and
        // handlers), not this test process; the group table lists only the groups of the review processes
        // (the work orders have the hotline's supervision view)
        signIn(SUPERVISOR);
        assertThat(overview.perGroup()).extracting(WorkOverview.GroupCounts::group)
                .containsExactlyInAnyOrder(Role.REVIEWER, Role.SUPERVISOR);

        signIn(REVIEWER);
        assertThat(overview.seesTeam()).isFalse();
        assertThatThrownBy(() -> overview.team()).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
    }

    private static void signIn(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user.username(), null, authorities));
    }
}
