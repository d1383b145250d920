package org.reviewdesk.rules;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The years-beyond-data table for fast calendar tests; the JPA repository is tested in WorkingDayCalendarPersistenceTest. */
class InMemoryYearsBeyondData implements YearsBeyondData {

    final TreeMap<Integer, YearBeyondData> rows = new TreeMap<>();
    int writes;

    @Override
    public Optional<YearBeyondData> findById(Integer year) {
        return Optional.ofNullable(rows.get(year));
    }

    @Override
    public boolean existsById(Integer year) {
        return rows.containsKey(year);
    }

    @Override
    public List<YearBeyondData> findByYearGreaterThanOrderByYear(Integer year) {
        return List.copyOf(rows.tailMap(year, false).values());
    }

    @Override
    public YearBeyondData save(YearBeyondData year) {
        writes++;
        rows.put(year.year(), year);
        return year;
    }

    @Override
    public YearBeyondData saveAndFlush(YearBeyondData year) {
        return save(year);
    }
}
