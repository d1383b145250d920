package org.reviewdesk.applicants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;

/** A case's door: the right code opens it, an unknown number and a wrong code look alike, an address past its limit is locked. */
@ApplicationTest
class CaseDoorsTest {

    @Autowired CaseDoors doors;
    @Autowired AccessCodes codes;

    @Test
    void wrongCodesLockTheAddressAndTheRightCodeOpensWhileItIsNot() {
        CaseDoors.Door door = new CaseDoors.Door("test-door-" + UUID.randomUUID(), 2, Duration.ofMinutes(15), "test.locked", "test.denied");
        String hash = codes.hash("ABCD2345");
        String address = "198.51.100.77";

        assertThat(doors.open(door, " nc1 ", "abcd-2345", address, n -> n.equals("NC1") ? Optional.of(hash) : Optional.empty()))
                .as("number and code as typed, normalised").isEqualTo("NC1");
        assertThatThrownBy(() -> doors.open(door, "NC1", "WRONG234", address, n -> Optional.of(hash)))
                .hasFieldOrPropertyWithValue("messageKey", "test.denied");
        assertThatThrownBy(() -> doors.open(door, "NC404", "ABCD2345", address, n -> Optional.empty()))
                .as("an unknown number answers as a wrong code").hasFieldOrPropertyWithValue("messageKey", "test.denied");
        assertThatThrownBy(() -> doors.open(door, "NC1", "ABCD2345", address, n -> Optional.of(hash)))
                .as("past the limit even the right code waits").isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("test.locked");
                    assertThat((Long) e.arguments()[0]).isBetween(1L, 16L);
                });
        assertThat(doors.open(door, "NC1", "ABCD2345", "198.51.100.78", n -> Optional.of(hash))).as("another address").isEqualTo("NC1");
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftBeforeAWait() {
        CaseDoors.Door door = new CaseDoors.Door("test-door-" + UUID.randomUUID(), 3, Duration.ofMinutes(20), "test.locked", "test.denied");
        String hash = codes.hash("ABCD2345");
        String address = "198.51.100.79";

        for (int left = 2; left >= 0; left--) {
            int expected = left;
            assertThatThrownBy(() -> doors.open(door, "NC1", "WRONG234", address, n -> Optional.of(hash)))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("test.denied");
                        assertThat(e.arguments()).as("tries left, then the wait's minutes").containsExactly(expected, 20L);
                    });
        }
        assertThatThrownBy(() -> doors.open(door, "NC1", "WRONG234", address, n -> Optional.of(hash)))
                .as("no tries left: the wait").hasFieldOrPropertyWithValue("messageKey", "test.locked");
        assertThatThrownBy(() -> doors.open(door, "NC404", "WRONG234", null, n -> Optional.empty()))
                .as("a caller without an address has every try").isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.arguments()).containsExactly(3, 20L));
    }
}
