package org.reviewdesk.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A year after the holiday data package's last: asked for, confirmed by an administrator, or both. */
@Entity
@Table(name = "working_day_year_beyond_data")
class YearBeyondData {

    @Id
    @Column(name = "calendar_year")
    private Integer year;

    @Column(name = "first_asked_day")
    private LocalDate firstAskedDay;

    @Column(name = "first_asked_at")
    private Instant firstAskedAt;

    @Column(name = "confirmed_by", length = WorkingDayOverride.USERNAME_MAX)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected YearBeyondData() {
    }

    YearBeyondData(int year) {
        this.year = year;
    }

    static YearBeyondData askedFor(LocalDate day, Instant at) {
        YearBeyondData year = new YearBeyondData(day.getYear());
        year.firstAskedDay = day;
        year.firstAskedAt = at;
        return year;
    }

    void confirm(String username, Instant at) {
        confirmedBy = username;
        confirmedAt = at;
    }

    int year() {
        return year;
    }

    boolean isConfirmed() {
        return confirmedBy != null;
    }

    boolean wasAskedFor() {
        return firstAskedAt != null;
    }

    LocalDate firstAskedDay() {
        return firstAskedDay;
    }
}
