package org.reviewdesk.hotline;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.reviewdesk.window.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The case screen and the work orders joined: a GD number or the caller's mobile finds the orders, the
 * record lists the organisation's orders with state and due date, an agent takes an order from the
 * record and answers directly from a knowledge entry; other roles get none of it.
 */
class CaseScreenWorkOrdersTest extends KaribuTestSupport {

    static final String ORGANISATION = HotlineHomeViewTest.RENAMED;

    @Autowired WorkOrders orders;
    @Autowired KnowledgeBase knowledge;
    @Autowired CallerHistory history;
    @Autowired Organisations organisations;

    private void openAs(String username, Role... roles) {
        signInAs(username, roles);
        UI.getCurrent().navigate(HotlineHomeView.class);
    }

    private static void type(String text) {
        _setValue(_get(TextField.class, s -> s.withId("case-search")), text);
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private String taken(String uscc, String mobile) {
        return orders.intake(WorkOrderFixture.request(WorkOrderCategory.ENQUIRY, uscc, mobile), WorkOrderFixture.AGENT,
                Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aWorkOrderNumberOpensTheOrganisationsRecordWithTheOrder() {
        String number = taken(ORGANISATION, "13966660001");
        openAs("agent-gd", Role.HOTLINE_AGENT);

        type(number.toLowerCase(Locale.ROOT));

        assertThat(text("case-account")).contains("深圳示范智能科技有限公司");
        assertThat(text("case-work-orders")).contains(number, "待派单");
        assertThat(text("case-cases")).doesNotContain(number);
    }

    @Test
    void theCallersMobileFindsTheirOrdersWithAndWithoutAnOrganisation() {
        String withOrganisation = taken(ORGANISATION, "13966660002");
        String without = taken(null, "13966660002");
        openAs("agent-mobile", Role.HOTLINE_AGENT);

        type("139 6666 0002");

        assertThat(text("case-caller-work-orders")).contains(withOrganisation, without, "139****0002");
        assertThat(text("case-work-orders")).contains(withOrganisation).doesNotContain(without);
    }

    @Test
    void theRecordListsTheOrganisationsOrdersWithStateAndDueAndOpensTheTaskForWhoMay() {
        String number = taken(ORGANISATION, "13966660003");
        orders.dispatch(number, WorkOrderFixture.ACCOUNT_TEAM, WorkOrderFixture.AGENT);

        openAs("agent-record", Role.HOTLINE_AGENT);
        type(ORGANISATION);
        ListItem line = _get(ListItem.class, s -> s.withId("case-work-order-" + number));
        assertThat(line.getElement().getTextRecursively()).contains("待签收", "办理期限");
        // an agent is not of the handling unit: a read-only line
        assertThat(line.hasClassName("case-line--read-only")).isTrue();
        assertThat(_find(Button.class, s -> s.withId("case-work-order-" + number + "-open"))).isEmpty();

        openAs("supervisor-record", Role.SUPERVISOR);
        type(ORGANISATION);
        _click(_get(Button.class, s -> s.withId("case-work-order-" + number + "-open")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("review/task/");
    }

    @Test
    void anAgentTakesAnOrderFromTheRecordPrefilledAndReadsOutTheNumber() {
        openAs("hotline", Role.HOTLINE_AGENT);
        type(ORGANISATION);

        _click(_get(Button.class, s -> s.withId("case-new-work-order")));

        assertThat(_get(TextField.class, s -> s.withId("intake-uscc")).getValue()).isEqualTo(ORGANISATION);
        _setValue(_get(TextField.class, s -> s.withId("intake-caller-name")), "李女士");
        _setValue(_get(TextField.class, s -> s.withId("intake-caller-mobile")), "13966660004");
        _setValue(_get(TextArea.class, s -> s.withId("intake-description")), "询问名称变更后账号名称何时更新");
        _click(_get(Button.class, s -> s.withId("intake-submit")));

        String number = text("case-taken-number");
        assertThat(number).matches("GD\\d{14}");
        assertThat(text("case-taken")).contains("请向来电人读出");
        assertThat(text("case-work-orders")).contains(number, "待派单");
        assertThat(orders.byNumber(number, WorkOrderFixture.AGENT).uscc()).isEqualTo(ORGANISATION);
    }

    @Test
    void theSearchedMobileIsPrefilledInTheIntake() {
        openAs("hotline", Role.HOTLINE_AGENT);
        type("13966660005");

        // no organisation on screen: Alt+N takes the order for the caller alone
        ((HotlineHomeView) currentView()).newWorkOrder();

        assertThat(_get(TextField.class, s -> s.withId("intake-caller-mobile")).getValue()).isEqualTo("13966660005");
    }

    @Test
    void answeringDirectlyFromAnEntryRecordsTheOrderWithTheEntryAndClosesIt() {
        KnowledgeEntry entry = knowledge.all().get(0);
        openAs("hotline", Role.HOTLINE_AGENT);
        type("13966660006");

        _click(_get(Button.class, s -> s.withId("kb-entry-" + entry.id() + "-answer")));
        _setValue(_get(TextField.class, s -> s.withId("direct-answer-caller-name")), "张先生");
        assertThat(_get(TextField.class, s -> s.withId("direct-answer-caller-mobile")).getValue()).isEqualTo("13966660006");
        _click(_get(Button.class, s -> s.withId("direct-answer-submit")));

        String number = text("case-taken-number");
        WorkOrder order = orders.byNumber(number, WorkOrderFixture.AGENT);
        assertThat(order.state()).isEqualTo(WorkOrderState.ANSWERED);
        assertThat(order.knowledgeEntry()).isEqualTo(entry.id());
        assertThat(order.closedAt()).isNotNull();
        assertThat(text("case-caller-work-orders")).contains(number, "已直接答复");
    }

    @Test
    void answeringDirectlyAfterTakingAnOrderClosesThatOrderInOneStep() {
        KnowledgeEntry entry = knowledge.all().get(1);
        openAs("hotline", Role.HOTLINE_AGENT);
        type(ORGANISATION);
        _click(_get(Button.class, s -> s.withId("case-new-work-order")));
        _setValue(_get(TextField.class, s -> s.withId("intake-caller-name")), "李女士");
        _setValue(_get(TextField.class, s -> s.withId("intake-caller-mobile")), "13966660007");
        _setValue(_get(TextArea.class, s -> s.withId("intake-description")), "如何找回密码");
        _click(_get(Button.class, s -> s.withId("intake-submit")));
        String number = text("case-taken-number");

        _click(_get(Button.class, s -> s.withId("kb-entry-" + entry.id() + "-answer")));

        assertThat(_find(TextField.class, s -> s.withId("direct-answer-caller-name"))).isEmpty();
        WorkOrder order = orders.byNumber(number, WorkOrderFixture.AGENT);
        assertThat(order.state()).isEqualTo(WorkOrderState.ANSWERED);
        assertThat(order.knowledgeEntry()).isEqualTo(entry.id());
        assertThat(text("case-taken")).contains(number, "已直接答复");
    }

    @Test
    void anOrderTakenOnOneCallIsNotClosedFromTheNextCallersScreen() {
        openAs("hotline", Role.HOTLINE_AGENT);
        type(ORGANISATION);
        _click(_get(Button.class, s -> s.withId("case-new-work-order")));
        _setValue(_get(TextField.class, s -> s.withId("intake-caller-name")), "李女士");
        _setValue(_get(TextField.class, s -> s.withId("intake-caller-mobile")), "13966660010");
        _setValue(_get(TextArea.class, s -> s.withId("intake-description")), "账号被他人手机号绑定");
        _click(_get(Button.class, s -> s.withId("intake-submit")));
        String first = text("case-taken-number");

        type("13966660011");
        _click(_get(Button.class, s -> s.withId("kb-entry-" + knowledge.all().get(0).id() + "-answer")));

        assertThat(_get(TextField.class, s -> s.withId("direct-answer-caller-mobile")).getValue()).isEqualTo("13966660011");
        assertThat(orders.byNumber(first, WorkOrderFixture.AGENT).state()).isEqualTo(WorkOrderState.AWAITING_DISPATCH);
    }

    @Test
    void aSupervisorSeesTheOrdersButTakesNoCalls() {
        String number = taken(ORGANISATION, "13966660008");
        openAs("supervisor-look", Role.SUPERVISOR);
        type(ORGANISATION);

        assertThat(text("case-work-orders")).contains(number);
        assertThat(_find(Button.class, s -> s.withId("case-new-work-order"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withClasses("kb-answer-directly"))).isEmpty();
    }

    @Test
    void otherRolesGetNoWorkOrders() {
        String number = taken(ORGANISATION, "13966660009");
        signInAs("clerk", Role.WINDOW_CLERK);

        assertThatThrownBy(() -> history.byMobile("13966660009", 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(organisations.caseByNumber(number)).isEmpty();
        assertThat(organisations.casesByContactMobile("13966660009", 10)).isEmpty();
        assertThat(organisations.cases(ORGANISATION)).noneMatch(c -> c.caseRef().equals(number));

        signInAs("handler", Role.HANDLER);
        assertThatThrownBy(() -> history.byOrganisation(ORGANISATION, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
