package org.reviewdesk.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "working_day_override")
class WorkingDayOverride {

    static final int NOTE_MAX = 200;
    static final int USERNAME_MAX = 100;

    @Id
    @Column(name = "calendar_day")
    private LocalDate day;

    @Column(nullable = false)
    private boolean working;

    @Column(length = NOTE_MAX)
    private String note;

    @Column(name = "created_by", nullable = false, length = USERNAME_MAX)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WorkingDayOverride() {
    }

    WorkingDayOverride(LocalDate day, boolean working, String note, String createdBy, Instant createdAt) {
        this.day = day;
        this.working = working;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    LocalDate day() {
        return day;
    }

    boolean working() {
        return working;
    }

    CalendarOverride toView() {
        return new CalendarOverride(day, working, note, createdBy, createdAt);
    }
}
