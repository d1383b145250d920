package org.reviewdesk.rules;

import org.reviewdesk.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.review.CaseIndexSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar on the real schema (Flyway on H2, Hibernate validating the mapping), with the
 * repositories the fast tests replace by in-memory fakes.
 */
@DataJpaTest
@Import({WorkingDayCalendar.class, CalendarDataWarnings.class, AuditLog.class, CaseIndexSlice.class})
@EnableConfigurationProperties(CalendarProperties.class)
class WorkingDayCalendarPersistenceTest {

    @TestConfiguration
    static class Today {
        @Bean
        Clock clock() {
            return Clock.fixed(OffsetDateTime.parse("2026-11-28T10:00+08:00").toInstant(), WorkingDayCalendarTest.CHINA);
        }

        @Bean
        BusinessTime businessTime(Clock clock) {
            return new BusinessTime(clock, WorkingDayCalendarTest.CHINA);
        }
    }

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CalendarDataWarnings warnings;

    @Autowired
    WorkingDayOverrides overrides;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestEntityManager entityManager;

    private static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    @Test
    void overrideIsStoredAuditedAndWinsOverTheDataPackage() {
        calendar.setOverride(day("2026-10-10"), false, "调休取消", "admin");

        assertThat(calendar.isWorkingDay(day("2026-10-10"))).isFalse();
        assertThat(calendar.overrides(day("2026-10-01"), day("2026-10-31")))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.note()).isEqualTo("调休取消");
                    assertThat(o.createdBy()).isEqualTo("admin");
                    assertThat(o.createdAt()).isNotNull();
                });
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'CALENDAR_OVERRIDE_SET' and case_ref = 'working-day:2026-10-10'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void settingADayAgainReplacesItsOverride() {
        calendar.setOverride(day("2026-03-14"), true, null, "admin");
        calendar.setOverride(day("2026-03-14"), false, "改回休息", "supervisor");

        assertThat(overrides.findByDayBetweenOrderByDay(day("2026-03-14"), day("2026-03-14")))
                .singleElement().satisfies(o -> assertThat(o.working()).isFalse());
    }

    @Test
    void removedOverrideIsGone() {
        calendar.setOverride(day("2026-03-14"), true, null, "admin");

        assertThat(calendar.removeOverride(day("2026-03-14"), "admin")).isTrue();
        assertThat(overrides.findById(day("2026-03-14"))).isEmpty();
        assertThat(calendar.isWorkingDay(day("2026-03-14"))).isFalse();
    }

    @Test
    void dayAfterTheDataIsRecordedForEveryNodeAndWarnedAbout() {
        int year = calendar.lastYearCovered() + 1;

        calendar.isWorkingDay(LocalDate.of(year, 3, 1));

        assertThat(jdbc.sql("select count(*) from working_day_year_beyond_data where calendar_year = :year and first_asked_at is not null")
                .param("year", year).query(Long.class).single()).isEqualTo(1);
        assertThat(warnings.currentWarnings()).contains(OperatorWarning.of("rules.calendar.warning.datesBeyondData",
                String.valueOf(year), LocalDate.of(year, 3, 1).toString(), String.valueOf(calendar.lastYearCovered())));
    }

    @Test
    void confirmedYearIsStoredWithWhoConfirmedIt() {
        int year = calendar.lastYearCovered() + 3;

        calendar.confirmYearCoveredByOverrides(year, "admin");
        entityManager.flush();

        assertThat(jdbc.sql("select confirmed_by from working_day_year_beyond_data where calendar_year = :year")
                .param("year", year).query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void confirmingTheYearAfterTheDataSilencesTheDataEndWarning() {
        assertThat(warnings.currentWarnings()).extracting(OperatorWarning::messageKey).contains("rules.calendar.warning.dataEndsSoon");

        calendar.confirmYearCoveredByOverrides(calendar.lastYearCovered() + 1, "admin");

        assertThat(warnings.currentWarnings()).extracting(OperatorWarning::messageKey)
                .doesNotContain("rules.calendar.warning.dataEndsSoon", "rules.calendar.warning.datesBeyondData");
    }
}
