package org.reviewdesk.rules;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface YearsBeyondData extends Repository<YearBeyondData, Integer> {

    Optional<YearBeyondData> findById(Integer year);

    boolean existsById(Integer year);

    /** A query string (translation cached by Hibernate): due dates ask for it. */
    @Query("select y from YearBeyondData y where y.year > ?1 order by y.year")
    List<YearBeyondData> findByYearGreaterThanOrderByYear(Integer year);

    YearBeyondData save(YearBeyondData year);

    YearBeyondData saveAndFlush(YearBeyondData year);
}
