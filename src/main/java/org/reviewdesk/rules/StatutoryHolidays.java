package org.reviewdesk.rules;

import com.tyme.holiday.LegalHoliday;
import com.tyme.solar.SolarDay;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statutory holidays and adjusted working days (调休) of the tyme4j data package. The package
 * changes only with a new release, so each year is read from it once; years are read when first
 * asked for because every tyme4j lookup compiles a regular expression (a few hundred
 * microseconds to a millisecond per entry).
 */
final class StatutoryHolidays {

    private final int lastYear;
    private final Map<Integer, Map<LocalDate, Boolean>> workingByDayByYear = new ConcurrentHashMap<>();

    private StatutoryHolidays(int lastYear) {
        this.lastYear = lastYear;
    }

    static StatutoryHolidays fromTyme4j() {
        int lastYear = 0;
        for (LegalHoliday entry = latestNewYear(); entry != null; entry = entry.next(1)) {
            lastYear = Math.max(lastYear, entry.getDay().getYear());
        }
        return new StatutoryHolidays(lastYear);
    }

    /**
     * tyme4j names no "last year", and walks its entries only from one it was asked for. New
     * Year's Day is an entry in every year the package covers: the latest found is the start of
     * the walk to the package's last entry.
     */
    private static LegalHoliday latestNewYear() {
        for (int year = Year.now().getValue() + 1; year >= 1949; year--) {
            LegalHoliday newYear = LegalHoliday.fromYmd(year, 1, 1);
            if (newYear != null) {
                return newYear;
            }
        }
        throw new IllegalStateException("the tyme4j package on the classpath holds no statutory holidays");
    }

    /** The last year whose holidays and adjusted working days the package holds. */
    int lastYear() {
        return lastYear;
    }

    boolean covers(LocalDate day) {
        return day.getYear() <= lastYear;
    }

    /** True for an adjusted working day, false for a holiday, empty for an ordinary day. */
    Optional<Boolean> workingOn(LocalDate day) {
        return Optional.ofNullable(workingByDayByYear.computeIfAbsent(day.getYear(), StatutoryHolidays::readYear).get(day));
    }

    /** Every entry dated in {@code year}; they follow its New Year's Day, the earliest possible. */
    private static Map<LocalDate, Boolean> readYear(int year) {
        Map<LocalDate, Boolean> workingByDay = new HashMap<>();
        for (LegalHoliday entry = LegalHoliday.fromYmd(year, 1, 1);
             entry != null && entry.getDay().getYear() == year;
             entry = entry.next(1)) {
            workingByDay.put(toLocalDate(entry.getDay()), entry.isWork());
        }
        return Map.copyOf(workingByDay);
    }

    private static LocalDate toLocalDate(SolarDay day) {
        return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
    }
}
