package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.OperatorWarning;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionOperations;

class WorkingDayCalendarTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final StatutoryHolidays TYME4J = StatutoryHolidays.fromTyme4j();

    private final InMemoryWorkingDayOverrides overrides = new InMemoryWorkingDayOverrides();
    private final InMemoryYearsBeyondData yearsBeyondData = new InMemoryYearsBeyondData();
    private final AuditLog audit = mock(AuditLog.class);
    private final WorkingDayCalendar calendar = calendarOn(LocalDate.of(2026, 11, 28));

    static WorkingDayCalendar calendar(WorkingDayOverrides overrides, YearsBeyondData years,
                                       AuditLog audit, LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
        return new WorkingDayCalendar(TYME4J, overrides, years, TransactionOperations.withoutTransaction(), audit, clock, CHINA);
    }

    private WorkingDayCalendar calendarOn(LocalDate today) {
        return calendar(overrides, yearsBeyondData, audit, today);
    }

    private static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    @Nested
    class Holidays2026 {

        @ParameterizedTest
        @ValueSource(strings = {
                "2026-01-01", "2026-01-02", "2026-01-03",                       // New Year
                "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-20", "2026-02-23", // Spring Festival
                "2026-04-04", "2026-04-05", "2026-04-06",                       // Qingming
                "2026-05-01", "2026-05-04", "2026-05-05",                       // Labour Day
                "2026-06-19", "2026-06-20", "2026-06-21",                       // Dragon Boat
                "2026-09-25",                                                   // Mid-Autumn
                "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"}) // National Day
        void statutoryHolidaysAreNotWorkingDays(String date) {
            assertThat(calendar.isWorkingDay(day(date))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
        void adjustedWeekendDaysAreWorkingDays(String date) {
            assertThat(day(date).getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6);
            assertThat(calendar.isWorkingDay(day(date))).isTrue();
        }

        @Test
        void ordinaryWeekdayIsWorkingAndOrdinaryWeekendIsNot() {
            assertThat(calendar.isWorkingDay(day("2026-03-10"))).isTrue();
            assertThat(calendar.isWorkingDay(day("2026-03-14"))).isFalse();
            assertThat(calendar.isWorkingDay(day("2026-03-15"))).isFalse();
        }

        @Test
        void dataPackageCovers2026() {
            assertThat(calendar.lastYearCovered()).isEqualTo(2026);
        }
    }

    @Nested
    class Counting {

        @Test
        void threeWorkingDaysFromTheEveOfNationalDayEndOnTheAdjustedSaturday() {
            assertThat(calendar.addWorkingDays(LocalDateTime.parse("2026-09-30T10:00"), 3))
                    .isEqualTo(LocalDateTime.parse("2026-10-10T10:00"));
        }

        @Test
        void zonedStartKeepsItsTimeOfDayAndZone() {
            ZonedDateTime start = ZonedDateTime.of(LocalDateTime.parse("2026-09-30T10:00"), CHINA);

            assertThat(calendar.addWorkingDays(start, 3)).isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-10-10T10:00"), CHINA));
        }

        @Test
        void daysAreReckonedInChinaWhateverTheZoneOfTheStart() {
            // 20:00 UTC on 30 September is already 1 October, a holiday, in China
            ZonedDateTime start = ZonedDateTime.of(LocalDateTime.parse("2026-09-30T20:00"), ZoneOffset.UTC);

            assertThat(calendar.addWorkingDays(start, 1))
                    .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-10-07T20:00"), ZoneOffset.UTC));
        }

        @Test
        void countingFromAWeekendStartsWithMonday() {
            assertThat(calendar.addWorkingDays(day("2026-03-14"), 1)).isEqualTo(day("2026-03-16"));
        }

        @Test
        void zeroWorkingDaysIsTheStartItself() {
            assertThat(calendar.addWorkingDays(day("2026-10-01"), 0)).isEqualTo(day("2026-10-01"));
        }

        @Test
        void negativeCountIsRefused() {
            assertThatThrownBy(() -> calendar.addWorkingDays(day("2026-10-01"), -1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void workingDaysBetweenCountsTheDaysAfterTheStartUpToTheEnd() {
            assertThat(calendar.workingDaysBetween(day("2026-09-30"), day("2026-10-10"))).isEqualTo(3);
            assertThat(calendar.workingDaysBetween(day("2026-10-10"), day("2026-09-30"))).isEqualTo(-3);
            assertThat(calendar.workingDaysBetween(day("2026-10-10"), day("2026-10-10"))).isZero();
            assertThat(calendar.workingDaysBetween(day("2026-09-30"), day("2026-10-31"))).isEqualTo(18);
        }

        @Test
        void addingAndCountingAgree() {
            LocalDate start = day("2026-01-01");
            IntStream.of(1, 2, 5, 17, 40, 120, 240).forEach(n ->
                    assertThat(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).as("%d days", n).isEqualTo(n));
        }

        @Test
        void longCountReadsOverridesInFewQueries() {
            calendar.addWorkingDays(day("2026-01-01"), 240);

            assertThat(overrides.rangeQueries).isLessThanOrEqualTo(3);
        }
    }

    @Nested
    class Overrides {

        @Test
        void overrideMakesAWorkingDayAHoliday() {
            calendar.setOverride(day("2026-10-08"), false, "本地假日", "admin");

            assertThat(calendar.isWorkingDay(day("2026-10-08"))).isFalse();
            assertThat(calendar.addWorkingDays(day("2026-09-30"), 3)).isEqualTo(day("2026-10-12"));
        }

        @Test
        void overrideMakesAWeekendAWorkingDay() {
            calendar.setOverride(day("2026-03-14"), true, null, "admin");

            assertThat(calendar.isWorkingDay(day("2026-03-14"))).isTrue();
        }

        @Test
        void overrideWinsOverTheDataPackage() {
            calendar.setOverride(day("2026-10-10"), false, "调休取消", "admin");

            assertThat(calendar.isWorkingDay(day("2026-10-10"))).isFalse();
        }

        @Test
        void removingAnOverrideRestoresTheDataPackage() {
            calendar.setOverride(day("2026-10-10"), false, null, "admin");

            assertThat(calendar.removeOverride(day("2026-10-10"), "admin")).isTrue();
            assertThat(calendar.isWorkingDay(day("2026-10-10"))).isTrue();
            assertThat(calendar.removeOverride(day("2026-10-10"), "admin")).isFalse();
        }

        @Test
        void overrideIsListedWithWhoSetItAndIsAudited() {
            calendar.setOverride(day("2026-10-08"), false, " 本地假日 ", "admin");

            assertThat(calendar.overrides(day("2026-10-01"), day("2026-10-31")))
                    .singleElement()
                    .satisfies(o -> {
                        assertThat(o.day()).isEqualTo(day("2026-10-08"));
                        assertThat(o.working()).isFalse();
                        assertThat(o.note()).isEqualTo("本地假日");
                        assertThat(o.createdBy()).isEqualTo("admin");
                    });
            verify(audit).record(eq("admin"), eq("CALENDAR_OVERRIDE_SET"), eq("working-day:2026-10-08"), anyString());
        }

        @Test
        void overrideWithoutAnActingUserIsRefused() {
            assertThatThrownBy(() -> calendar.setOverride(day("2026-10-08"), false, null, " "))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class BeyondTheData {

        private final LocalDate firstDayAfterData = LocalDate.of(TYME4J.lastYear() + 1, 1, 1);

        @Test
        void weekdayAfterTheDataCountsAsWorkingAndIsRecorded() {
            LocalDate friday = firstDayAfterData.getDayOfWeek().getValue() <= 5
                    ? firstDayAfterData
                    : firstDayAfterData.plusDays(8 - firstDayAfterData.getDayOfWeek().getValue());

            assertThat(calendar.isWorkingDay(friday)).isTrue();
            assertThat(yearsBeyondData.rows.get(friday.getYear()).wasAskedFor()).isTrue();
        }

        @Test
        void weekendAfterTheDataIsNotWorking() {
            LocalDate saturday = firstDayAfterData.plusDays(6 - firstDayAfterData.getDayOfWeek().getValue() % 7);

            assertThat(saturday.getDayOfWeek().getValue()).isEqualTo(6);
            assertThat(calendar.isWorkingDay(saturday)).isFalse();
        }

        @Test
        void askingAfterTheDataRaisesAnOperatorWarning() {
            calendar.addWorkingDays(day("2026-12-28"), 10);

            assertThat(warnings(calendar)).contains(OperatorWarning.of("rules.calendar.warning.datesBeyondData",
                    String.valueOf(firstDayAfterData.getYear()), firstDayAfterData.toString(), String.valueOf(TYME4J.lastYear())));
        }

        @Test
        void aYearIsRecordedOnceByThisNode() {
            calendar.addWorkingDays(day("2026-12-28"), 30);
            calendar.isWorkingDay(firstDayAfterData.plusDays(40));

            assertThat(yearsBeyondData.writes).isEqualTo(1);
        }

        @Test
        void overriddenDayAfterTheDataIsNotAGuess() {
            calendar.setOverride(firstDayAfterData, false, "元旦", "admin");

            assertThat(calendar.isWorkingDay(firstDayAfterData)).isFalse();
            assertThat(yearsBeyondData.rows).isEmpty();
        }

        @Test
        void anotherNodeRecordingTheYearFirstIsNoError() {
            YearsBeyondData racing = new InMemoryYearsBeyondData() {
                @Override
                public YearBeyondData saveAndFlush(YearBeyondData year) {
                    throw new DataIntegrityViolationException("duplicate key");
                }
            };
            WorkingDayCalendar node = WorkingDayCalendarTest.calendar(overrides, racing, audit, day("2026-11-28"));

            assertThat(node.isWorkingDay(firstDayAfterData.plusDays(3))).isNotNull();
        }

        @Test
        void yearConfirmedByAnAdministratorIsNeitherRecordedNorWarnedAbout() {
            calendar.confirmYearCoveredByOverrides(firstDayAfterData.getYear(), "admin");

            calendar.addWorkingDays(day("2026-12-28"), 10);

            assertThat(yearsBeyondData.rows.get(firstDayAfterData.getYear()).wasAskedFor()).isFalse();
            assertThat(warnings(calendar)).isEmpty();
        }

        @Test
        void confirmingAYearTheDataCoversIsRefused() {
            assertThatThrownBy(() -> calendar.confirmYearCoveredByOverrides(TYME4J.lastYear(), "admin"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DataEndWarnings {

        @Test
        void operatorsAreWarnedWithinTheConfiguredDaysOfTheDataEnd() {
            assertThat(warnings(calendarOn(day("2026-11-28"))))
                    .containsExactly(OperatorWarning.of("rules.calendar.warning.dataEndsSoon", "2026", "33", "2027"));
        }

        @Test
        void noWarningWhileTheDataLastsLongEnough() {
            assertThat(warnings(calendarOn(day("2026-06-01")))).isEmpty();
        }

        @Test
        void afterTheDataEndedTheWarningSaysSo() {
            assertThat(warnings(calendarOn(day("2027-01-05"))))
                    .containsExactly(OperatorWarning.of("rules.calendar.warning.dataEnded", "2026"));
        }
    }

    private static List<OperatorWarning> warnings(WorkingDayCalendar calendar) {
        return new CalendarDataWarnings(calendar, new CalendarProperties(60)).currentWarnings();
    }
}
