package org.reviewdesk.applicants;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * How an applicant opens a case with its number and access code, alike in every process: a throttle
 * per client address counts every attempt (a right code gives its attempt back), and an unknown
 * number and a wrong code get the same answer, so a number cannot be probed.
 */
@Component
public class CaseDoors {

    /**
     * One process's door.
     *
     * @param scope the throttle's name, e.g. {@code namechange-access}
     * @param lockedKey the message when the address is locked (argument: minutes)
     * @param deniedKey the message for a wrong number or code
     */
    public record Door(String scope, int maxFailuresPerAddress, Duration lockDuration, String lockedKey, String deniedKey) {
    }

    private final AttemptThrottle throttle;
    private final AccessCodes accessCodes;
    private final Clock clock;

    CaseDoors(AttemptThrottle throttle, AccessCodes accessCodes, Clock clock) {
        this.throttle = throttle;
        this.accessCodes = accessCodes;
        this.clock = clock;
    }

    /**
     * @param hashOf the stored access-code hash of a case number (normalised: stripped, upper case), if the case exists
     * @return the normalised number, once the code matched
     * @throws UserFacingException the door's locked or denied message
     */
    public String open(Door door, String number, String accessCode, String clientAddress, Function<String, Optional<String>> hashOf) {
        String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope(door.scope(), Integer.MAX_VALUE, door.maxFailuresPerAddress(),
                door.lockDuration());
        AttemptThrottle.Attempt attempt = throttle.attempt(scope, null, clientAddress);
        if (!attempt.allowed()) {
            long minutes = Math.max(1, Duration.between(OffsetDateTime.now(clock), attempt.lockedUntil()).toMinutes() + 1);
            throw new UserFacingException(door.lockedKey(), minutes);
        }
        Optional<String> hash = wanted.isEmpty() ? Optional.empty() : hashOf.apply(wanted);
        if (hash.isEmpty() || !accessCodes.matches(accessCode, hash.get())) {
            throw new UserFacingException(door.deniedKey());
        }
        throttle.recordSuccess(scope, null, clientAddress);
        return wanted;
    }
}
