package org.reviewdesk.rules;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface YearsBeyondData extends Repository<YearBeyondData, Integer> {

    Optional<YearBeyondData> findById(Integer year);

    boolean existsById(Integer year);

    List<YearBeyondData> findByYearGreaterThanOrderByYear(Integer year);

    YearBeyondData save(YearBeyondData year);

    YearBeyondData saveAndFlush(YearBeyondData year);
}
