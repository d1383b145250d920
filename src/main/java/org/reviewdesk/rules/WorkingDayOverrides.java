package org.reviewdesk.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface WorkingDayOverrides extends Repository<WorkingDayOverride, LocalDate> {

    /**
     * A query string, whose translation Hibernate caches, where a derived query would build and translate a
     * criteria tree on every call (every due date of every task asks).
     */
    @Query("select o from WorkingDayOverride o where o.day between ?1 and ?2 order by o.day")
    List<WorkingDayOverride> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);

    Optional<WorkingDayOverride> findById(LocalDate day);

    WorkingDayOverride save(WorkingDayOverride override);

    void delete(WorkingDayOverride override);
}
