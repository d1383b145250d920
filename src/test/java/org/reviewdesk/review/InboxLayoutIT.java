package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14 item 7: a supervisor's inbox (the ALL tab has every column) fits 1366 px without sideways
 * scrolling, in Chinese and in English, and stays usable at 1280 px; screenshots in
 * {@code target/screenshots/inbox-*.png}.
 */
@ApplicationTest
class InboxLayoutIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Inbox inbox;

    @Test
    void theInboxFits1366PixelsInBothLanguagesAnd1280StaysUsable() throws Exception {
        List<String> numbers = List.of(ReviewFixture.inReview(context, "内蒙古自治区呼和浩特市示例新能源科技发展有限责任公司"),
                ReviewFixture.inReview(context, "宽度示例贸易有限公司"), ReviewFixture.inReview(context, "宽度示例物流有限公司"));
        CurrentUser reviewer = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
        String claimed = InboxFixtures.unclaimedTaskOf(inbox, numbers.get(1), reviewer);
        inbox.claim(claimed, reviewer);

        for (String language : List.of("zh-CN", "en")) {
            for (int width : List.of(1366, 1280)) {
                try (StaffBrowser browser = new StaffBrowser(port, width, 900)) {
                    browser.signIn("supervisor");
                    browser.open("/review/inbox");
                    String allTab = language.equals("en") ? "All" : "全部";
                    WebElement all = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tab-ALL")));
                    if (!all.getText().startsWith(allTab)) {
                        browser.chooseLanguage(language.equals("en") ? "English" : "中文");
                        browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                                .until(d -> d.findElements(By.id("tab-ALL")).stream().anyMatch(t -> t.getText().startsWith(allTab)));
                    }
                    browser.driver().findElement(By.id("tab-ALL")).click();
                    browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> numbers.stream().allMatch(d.findElement(By.id("inbox-grid")).getText()::contains));
                    List<Long> widths = browser.gridWidths("inbox-grid");
                    browser.save("inbox-" + language + "-" + width);
                    System.out.printf("inbox %s at %d px: columns %d px in a grid of %d px%n", language, width, widths.get(0), widths.get(1));
                    if (width == 1366) {
                        assertThat(widths.get(0)).as("%s at %d px: no sideways scrolling", language, width)
                                .isLessThanOrEqualTo(widths.get(1));
                    } else {
                        assertThat(widths.get(0) - widths.get(1)).as("%s at %d px: at most a little sideways scrolling", language, width)
                                .isLessThan(120);
                    }
                }
            }
        }
    }
}
