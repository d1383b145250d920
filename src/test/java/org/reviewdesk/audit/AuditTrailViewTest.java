package org.reviewdesk.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Languages;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator searches the trail and is told, in Chinese or English, what input cannot be used. */
class AuditTrailViewTest extends KaribuTestSupport {

    @Autowired JdbcClient jdbc;
    AuditFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AuditFixtures(jdbc);
    }

    @Test
    void anAdministratorFindsAUsersRecordsWithTheDetailAsTextAndTheActionTranslated() {
        String erin = fixtures.actor("erin");
        fixtures.record(LocalDateTime.of(2008, 5, 4, 9, 30), erin, "documents.viewIdScan", "DR-X", "<b>not bold</b>");
        AuditTrailView view = open(Languages.CHINESE);

        view.actor.setValue(erin);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).containsExactly("2008-05-04 09:30:00", erin, "查看身份证件", "DR-X", "<b>not bold</b>");
        assertThat(view.problem.getText()).isEmpty();
    }

    @Test
    void badInputIsExplainedInChinese() {
        AuditTrailView view = open(Languages.CHINESE);

        view.caseRef.setValue("X".repeat(1000));
        assertThat(view.problem.getText()).isEqualTo("案件编号不能超过 100 个字符。");
        assertThat(GridKt._size(view.grid)).isZero();

        view.caseRef.setValue("");
        view.from.setValue(LocalDate.of(2009, 2, 1));
        view.to.setValue(LocalDate.of(2009, 1, 1));
        assertThat(view.problem.getText()).isEqualTo("截止日期早于起始日期。");
    }

    @Test
    void theExportIsOfferedOnlyForAPeriodOfAtMostAYearExplainedInEnglish() {
        AuditTrailView view = open(Locale.ENGLISH);
        Anchor export = _get(Anchor.class, s -> s.withId("audit-export"));
        assertThat(export.isEnabled()).isFalse();
        assertThat(view.exportNote.getText()).isEqualTo("Export: Choose a start and an end date.");

        view.from.setValue(LocalDate.of(2010, 1, 1));
        view.to.setValue(LocalDate.of(2011, 6, 1));
        assertThat(view.exportNote.getText()).isEqualTo("Export: The period may be at most 366 days.");
        assertThat(export.isEnabled()).isFalse();

        view.to.setValue(LocalDate.of(2010, 1, 31));
        assertThat(view.exportNote.getText()).isEmpty();
        assertThat(export.isEnabled()).isTrue();
        assertThat(view.actionName("documents.viewIdScan")).isEqualTo("ID document viewed");
        assertThat(view.actionName("NO_KEY_FOR_THIS")).isEqualTo("NO_KEY_FOR_THIS");
    }

    private AuditTrailView open(Locale locale) {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate(AuditTrailView.class);
        return (AuditTrailView) currentView();
    }
}
