package org.reviewdesk.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The override table for fast calendar tests; the JPA repository is tested in WorkingDayCalendarPersistenceTest. */
class InMemoryWorkingDayOverrides implements WorkingDayOverrides {

    private final TreeMap<LocalDate, WorkingDayOverride> rows = new TreeMap<>();
    int rangeQueries;

    @Override
    public List<WorkingDayOverride> findByDayBetweenOrderByDay(LocalDate from, LocalDate to) {
        rangeQueries++;
        return List.copyOf(rows.subMap(from, true, to, true).values());
    }

    @Override
    public Optional<WorkingDayOverride> findById(LocalDate day) {
        return Optional.ofNullable(rows.get(day));
    }

    @Override
    public WorkingDayOverride save(WorkingDayOverride override) {
        rows.put(override.day(), override);
        return override;
    }

    @Override
    public void delete(WorkingDayOverride override) {
        rows.remove(override.day());
    }
}
