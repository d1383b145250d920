package org.reviewdesk.rules;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jakarta.annotation.security.RolesAllowed;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working days in mainland China: Monday to Friday, except the statutory holidays, plus the
 * weekend days declared working (调休), as the tyme4j data package gives them; a day an
 * administrator overrode is whatever the override says.
 *
 * <p>After the package's last year ({@link #lastYearCovered()}) the calendar does not guess: it
 * counts weekends (and overrides) only, records in the database that such a year was asked for,
 * and operators see a warning until the package is upgraded or an administrator confirms that
 * the year's holidays are all entered as overrides ({@link #confirmYearCoveredByOverrides}).
 *
 * <p>Days are China's: a date-time is placed in {@code reviewdesk.calendar.zone} (Asia/Shanghai)
 * before its day is looked at.
 */
@Service
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final StatutoryHolidays statutory;
    private final WorkingDayOverrides overrides;
    private final YearsBeyondData yearsBeyondData;
    private final TransactionOperations separateTransaction;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    /** Years this node has seen recorded as asked for; the table is the truth, this only spares writes. */
    private final Set<Integer> yearsKnownAskedFor = ConcurrentHashMap.newKeySet();

    @Autowired
    WorkingDayCalendar(WorkingDayOverrides overrides, YearsBeyondData yearsBeyondData,
                       PlatformTransactionManager transactions, AuditLog audit, BusinessTime time) {
        this(StatutoryHolidays.fromTyme4j(), overrides, yearsBeyondData, separateTransaction(transactions),
                audit, time.clock(), time.zone());
    }

    WorkingDayCalendar(StatutoryHolidays statutory, WorkingDayOverrides overrides, YearsBeyondData yearsBeyondData,
                       TransactionOperations separateTransaction, AuditLog audit, Clock clock, ZoneId zone) {
        this.statutory = statutory;
        this.overrides = overrides;
        this.yearsBeyondData = yearsBeyondData;
        this.separateTransaction = separateTransaction;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Recording that a year beyond the data was asked for must not depend on the caller's
     * transaction (a process engine command that may roll back, or a read-only one).
     */
    private static TransactionOperations separateTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    public boolean isWorkingDay(LocalDate day) {
        return new Span(day, day).isWorkingDay(day);
    }

    /**
     * The day {@code workingDays} working days after {@code start}: counting starts with the
     * next working day after {@code start}, whether or not {@code start} itself is one (from
     * Saturday, 1 working day is Monday). 0 gives {@code start} unchanged.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        LocalDate day = start;
        Span span = null;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (span == null || !span.includes(day)) {
                // long enough for the rest in one query even across a Spring Festival week
                span = new Span(day, day.plusDays(2L * (workingDays - counted) + 14));
            }
            if (span.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** As {@link #addWorkingDays(LocalDate, int)}, at the same time of day; the time is China's. */
    public LocalDateTime addWorkingDays(LocalDateTime start, int workingDays) {
        return LocalDateTime.of(addWorkingDays(start.toLocalDate(), workingDays), start.toLocalTime());
    }

    /**
     * As {@link #addWorkingDays(LocalDate, int)}, at the same time of day in China, returned in
     * {@code start}'s zone.
     */
    public ZonedDateTime addWorkingDays(ZonedDateTime start, int workingDays) {
        LocalDateTime inChina = start.withZoneSameInstant(zone).toLocalDateTime();
        return addWorkingDays(inChina, workingDays).atZone(zone).withZoneSameInstant(start.getZone());
    }

    /**
     * The working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is
     * before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        if (to.equals(from)) {
            return 0;
        }
        Span span = new Span(from.plusDays(1), to);
        return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(span::isWorkingDay).count();
    }

    /** The last year whose holidays and adjusted working days the tyme4j data package holds. */
    public int lastYearCovered() {
        return statutory.lastYear();
    }

    /** Makes {@code day} a working day or not, replacing any earlier override of it. */
    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public CalendarOverride setOverride(LocalDate day, boolean working, String note, String actingUsername) {
        requireUsername(actingUsername);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > WorkingDayOverride.NOTE_MAX) {
            throw new IllegalArgumentException("note longer than " + WorkingDayOverride.NOTE_MAX + " characters");
        }
        WorkingDayOverride saved = overrides.save(
                new WorkingDayOverride(day, working, cleanNote, actingUsername, clock.instant()));
        audit.record(actingUsername, "CALENDAR_OVERRIDE_SET", auditReference(day),
                (working ? "working" : "non-working") + (cleanNote == null ? "" : ": " + cleanNote));
        return saved.toView();
    }

    /** @return whether there was an override to remove */
    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public boolean removeOverride(LocalDate day, String actingUsername) {
        requireUsername(actingUsername);
        Optional<WorkingDayOverride> existing = overrides.findById(day);
        existing.ifPresent(override -> {
            overrides.delete(override);
            audit.record(actingUsername, "CALENDAR_OVERRIDE_REMOVED", auditReference(day),
                    override.working() ? "was working" : "was non-working");
        });
        return existing.isPresent();
    }

    @Transactional(readOnly = true)
    public List<CalendarOverride> overrides(LocalDate from, LocalDate to) {
        return overrides.findByDayBetweenOrderByDay(from, to).stream().map(WorkingDayOverride::toView).toList();
    }

    /**
     * An administrator's word that every holiday and adjusted working day of {@code year}, a year
     * after the data package's last, is entered as an override: the year then counts as known
     * and nobody is warned about it.
     */
    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public void confirmYearCoveredByOverrides(int year, String actingUsername) {
        requireUsername(actingUsername);
        if (year <= statutory.lastYear()) {
            throw new IllegalArgumentException(year + " is covered by the holiday data package");
        }
        YearBeyondData row = yearsBeyondData.findById(year).orElseGet(() -> new YearBeyondData(year));
        row.confirm(actingUsername, clock.instant());
        yearsBeyondData.save(row);
        audit.record(actingUsername, "CALENDAR_YEAR_CONFIRMED", "working-day-year:" + year, "holidays entered as overrides");
    }

    /** The zone its days are reckoned in: the platform's {@link BusinessTime#zone()}. */
    public ZoneId zone() {
        return zone;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The last year with known holidays: the package's, extended by the years confirmed after it. */
    int lastYearKnown() {
        Set<Integer> confirmed = confirmedYears();
        int year = statutory.lastYear();
        while (confirmed.contains(year + 1)) {
            year++;
        }
        return year;
    }

    /** Years after the package's that were asked for and that no administrator confirmed. */
    List<YearBeyondData> yearsAskedForWithoutData() {
        return yearsBeyondData.findByYearGreaterThanOrderByYear(statutory.lastYear()).stream()
                .filter(year -> year.wasAskedFor() && !year.isConfirmed())
                .toList();
    }

    private Set<Integer> confirmedYears() {
        return yearsBeyondData.findByYearGreaterThanOrderByYear(statutory.lastYear()).stream()
                .filter(YearBeyondData::isConfirmed)
                .map(YearBeyondData::year)
                .collect(Collectors.toSet());
    }

    private void recordAskedFor(LocalDate day) {
        int year = day.getYear();
        if (yearsKnownAskedFor.contains(year)) {
            return;
        }
        log.warn("Working days asked for {}, after the holiday data ({} is its last year): counting weekends only",
                day, statutory.lastYear());
        try {
            separateTransaction.executeWithoutResult(status -> {
                if (!yearsBeyondData.existsById(year)) {
                    yearsBeyondData.saveAndFlush(YearBeyondData.askedFor(day, clock.instant()));
                }
            });
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            // the year is recorded, which is all that counts
        }
        yearsKnownAskedFor.add(year);
    }

    private static void requireUsername(String username) {
        if (username == null || username.isBlank() || username.length() > WorkingDayOverride.USERNAME_MAX) {
            throw new IllegalArgumentException("an acting username is required");
        }
    }

    private static String auditReference(LocalDate day) {
        return "working-day:" + day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A run of days whose overrides are read in one query. */
    private final class Span {

        private final LocalDate first;
        private final LocalDate last;
        private final Map<LocalDate, Boolean> overridden;
        private Set<Integer> confirmedYears;

        Span(LocalDate first, LocalDate last) {
            this.first = first;
            this.last = last;
            this.overridden = overrides.findByDayBetweenOrderByDay(first, last).stream()
                    .collect(Collectors.toMap(WorkingDayOverride::day, WorkingDayOverride::working));
        }

        boolean includes(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }

        boolean isWorkingDay(LocalDate day) {
            Boolean override = overridden.get(day);
            if (override != null) {
                return override;
            }
            Optional<Boolean> statutoryDay = statutory.workingOn(day);
            if (statutoryDay.isPresent()) {
                return statutoryDay.get();
            }
            if (!statutory.covers(day) && !confirmedYears().contains(day.getYear())) {
                recordAskedFor(day);
            }
            return !isWeekend(day);
        }

        private Set<Integer> confirmedYears() {
            if (confirmedYears == null) {
                confirmedYears = WorkingDayCalendar.this.confirmedYears();
            }
            return confirmedYears;
        }
    }
}
