package org.reviewdesk.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface WorkingDayOverrides extends Repository<WorkingDayOverride, LocalDate> {

    List<WorkingDayOverride> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);

    Optional<WorkingDayOverride> findById(LocalDate day);

    WorkingDayOverride save(WorkingDayOverride override);

    void delete(WorkingDayOverride override);
}
