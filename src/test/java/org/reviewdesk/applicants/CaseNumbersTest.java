package org.reviewdesk.applicants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Test
    void aNumberIsThePrefixTheDayAndSixDigits() {
        assertThat(CaseNumbers.format("DR", DAY, 42)).isEqualTo("DR20261204000042");
        assertThat(CaseNumbers.draw("DR", DAY, n -> false)).get().asString().matches("DR20261204\\d{6}");
    }

    @Test
    void aSuffixTakenThatDayIsDrawnAgain() {
        AtomicInteger next = new AtomicInteger(1);
        Set<String> taken = Set.of("NC20261204000001", "NC20261204000002");

        assertThat(CaseNumbers.draw("NC", DAY, taken::contains, next::getAndIncrement)).contains("NC20261204000003");
    }

    @Test
    void whenEveryDrawIsTakenNoNumberIsMadeUp() {
        AtomicInteger draws = new AtomicInteger();

        assertThat(CaseNumbers.draw("RD", DAY, n -> true, () -> draws.incrementAndGet())).isEmpty();
        assertThat(draws).hasValue(CaseNumbers.ATTEMPTS);
    }
}
