package org.reviewdesk.hotline;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.context.ApplicationContext;

/**
 * Work orders for tests, through the real service. The demo data of the test profile gives the unit
 * ACCOUNT_TEAM (group {@code unit-account_team}) with the demo handler, and REVIEW_TEAM ({@code reviewers}).
 */
final class WorkOrderFixture {

    static final CurrentUser AGENT = new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT));
    static final CurrentUser OTHER_AGENT = new CurrentUser("hotline2", Set.of(Role.HOTLINE_AGENT));
    static final CurrentUser HANDLER = new CurrentUser("handler", Set.of(Role.HANDLER));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
    static final String ACCOUNT_TEAM = "ACCOUNT_TEAM";
    static final String ACCOUNT_TEAM_GROUP = "unit-account_team";
    static final String REVIEW_TEAM = "REVIEW_TEAM";
    static final String CALLER_MOBILE = "13912345678";

    /** Monday 7 December 2026, 09:00 in China: a working day, with working days after it. */
    static final OffsetDateTime MONDAY_MORNING = OffsetDateTime.parse("2026-12-07T09:00:00+08:00");

    private WorkOrderFixture() {
    }

    static void clockAt(OffsetDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    static WorkOrderRequest request(WorkOrderCategory category, String uscc, String mobile) {
        return new WorkOrderRequest("王先生", mobile, category, "无法登录法人账号，短信验证码收不到", uscc, null, IntakeChannel.PHONE);
    }

    static String taken(ApplicationContext context, WorkOrderCategory category) {
        return context.getBean(WorkOrders.class).intake(request(category, null, CALLER_MOBILE), AGENT, Locale.SIMPLIFIED_CHINESE);
    }

    /** An order dispatched to the account team, at the clock's time. */
    static String dispatched(ApplicationContext context, WorkOrderCategory category) {
        String number = taken(context, category);
        context.getBean(WorkOrders.class).dispatch(number, ACCOUNT_TEAM, AGENT);
        return number;
    }

    /** Dispatched and signed by the demo handler. */
    static String signed(ApplicationContext context, WorkOrderCategory category) {
        String number = dispatched(context, category);
        context.getBean(WorkOrders.class).sign(number, HANDLER);
        return number;
    }
}
