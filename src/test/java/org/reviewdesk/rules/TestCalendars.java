package org.reviewdesk.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.reviewdesk.platform.AuditLog;
import org.springframework.transaction.support.TransactionOperations;

/** A working-day calendar on tyme4j's data and in-memory overrides, for tests of other capabilities. */
public final class TestCalendars {

    private TestCalendars() {
    }

    /** The calendar at {@code now}, reckoning days in {@code zone}. */
    public static WorkingDayCalendar at(Instant now, ZoneId zone) {
        return new WorkingDayCalendar(StatutoryHolidays.fromTyme4j(), new InMemoryWorkingDayOverrides(),
                new InMemoryYearsBeyondData(), TransactionOperations.withoutTransaction(), org.mockito.Mockito.mock(AuditLog.class),
                Clock.fixed(now, zone), zone);
    }
}
