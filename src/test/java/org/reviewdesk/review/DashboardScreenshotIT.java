package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor's dashboard in a real headless Chromium, with work open, overdue and decided by
 * the demo reviewers: the per-person table shows display names and the figures; the screenshot is
 * the README's {@code dashboard.png}.
 */
@ApplicationTest
class DashboardScreenshotIT {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void aSupervisorSeesOpenOverdueAndDecidedWorkPerPerson() throws Exception {
        InboxFixtures fixtures = new InboxFixtures(repository, runtime, tasks);
        OffsetDateTime now = OffsetDateTime.now();
        List<String> titles = List.of("成都示例科技有限公司", "重庆示例贸易有限公司", "贵阳示例物流有限公司", "昆明示例建材有限公司",
                "西安示例软件有限公司", "武汉示例餐饮管理有限公司", "长沙示例文化传媒有限公司", "南宁示例农业发展有限公司",
                "兰州示例机械制造有限公司", "拉萨示例旅游服务有限公司", "银川示例能源有限公司", "西宁示例医药有限公司");
        for (int i = 0; i < titles.size(); i++) {
            OffsetDateTime due = i % 4 == 0 ? now.minusDays(1) : now.plusDays(2 + i % 3);
            Task task = fixtures.start(titles.get(i), "reviewers", due, 50, now.minusDays(3));
            switch (i % 6) {
                case 0, 1 -> tasks.setAssignee(task.getId(), "reviewer");
                case 2 -> tasks.setAssignee(task.getId(), "reviewer2");
                case 3 -> { // decided today by reviewer2 (the applicant's next task is no decision)
                    tasks.claim(task.getId(), "reviewer2");
                    tasks.complete(task.getId());
                }
                case 4 -> {
                    tasks.claim(task.getId(), "reviewer");
                    tasks.complete(task.getId());
                }
                default -> { } // unclaimed
            }
        }

        try (StaffBrowser browser = new StaffBrowser(port, 1280, 1000)) {
            browser.signIn("supervisor");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-counts"), "审核员 王芳"));
            assertThat(browser.text("person-counts")).contains("审核员 王芳", "审核员 李强", "审核主管 陈静");
            assertThat(browser.text("tile-team-today")).contains("全员今日办结");
            browser.save("dashboard");
        }
    }
}
