package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.hotline.WorkOrderFixture.AGENT;
import static org.reviewdesk.hotline.WorkOrderFixture.CALLER_MOBILE;
import static org.reviewdesk.hotline.WorkOrderFixture.HANDLER;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.TextRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's hidden characters in the hotline's texts: a caller's name, a description, a reply
 * (sent to the caller by SMS) with a direction override or a zero-width character is refused with
 * its own message, and nothing is stored; line breaks stay allowed in the texts of several lines.
 */
@ApplicationTest
class WorkOrderTextTest {

    @Autowired ApplicationContext context;
    @Autowired WorkOrders orders;
    @Autowired JdbcClient jdbc;

    @Test
    void anIntakeWithAHiddenCharacterIsRefusedAndNothingTaken() {
        long before = orders();
        WorkOrderRequest ok = WorkOrderFixture.request(WorkOrderCategory.ENQUIRY, null, CALLER_MOBILE);

        assertHidden(() -> orders.intake(new WorkOrderRequest("王\u202E先生", ok.callerMobile(), ok.category(), ok.description(),
                null, null, ok.channel()), AGENT, Locale.SIMPLIFIED_CHINESE));
        assertHidden(() -> orders.intake(new WorkOrderRequest(ok.callerName(), ok.callerMobile(), ok.category(),
                "无法登录\u200B法人账号", null, null, ok.channel()), AGENT, Locale.SIMPLIFIED_CHINESE));
        assertThat(orders()).isEqualTo(before);

        orders.intake(new WorkOrderRequest(ok.callerName(), ok.callerMobile(), ok.category(), "无法登录。\n短信验证码收不到。",
                null, null, ok.channel()), AGENT, Locale.SIMPLIFIED_CHINESE);
        assertThat(orders()).isEqualTo(before + 1);
    }

    @Test
    void aReplyWithAHiddenCharacterIsRefusedAndTheOrderStaysSigned() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.ENQUIRY);

        assertHidden(() -> orders.reply(number, "已为您\u202E重置密码", HANDLER));
        assertThat(jdbc.sql("select count(*) from work_order where number = :number and reply_text is null")
                .param("number", number).query(Long.class).single()).isEqualTo(1);
    }

    private long orders() {
        return jdbc.sql("select count(*) from work_order").query(Long.class).single();
    }

    private static void assertHidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo(TextRules.HIDDEN));
    }
}
