package org.reviewdesk.applicants;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
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
     * @param deniedKey the message for a wrong number or code (arguments: tries left before a wait, the wait's minutes)
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
     * @throws UserFacingException the door's locked message, or its denied message with the tries left
     *         before a wait and the wait's minutes (the same for any number, so nothing about the case shows)
     */
    public String open(Door door, String number, String accessCode, String clientAddress, Function<String, Optional<String>> hashOf) {
        return open(door, number, accessCode, clientAddress, hashOf, accessCodes::matches);
    }

    /**
     * As {@link #open(Door, String, String, String, Function)}, with the process's own check of a typed
     * code against a stored hash (registration still knows the bcrypt hashes of older rows).
     */
    public String open(Door door, String number, String accessCode, String clientAddress, Function<String, Optional<String>> hashOf,
                       BiPredicate<String, String> matches) {
        String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope(door.scope(), Integer.MAX_VALUE, door.maxFailuresPerAddress(),
                door.lockDuration());
        AttemptThrottle.Attempt attempt = throttle.attempt(scope, null, clientAddress);
        if (!attempt.allowed()) {
            long minutes = Math.max(1, Duration.between(OffsetDateTime.now(clock), attempt.lockedUntil()).toMinutes() + 1);
            throw new UserFacingException(door.lockedKey(), minutes);
        }
        Optional<String> hash = wanted.isEmpty() ? Optional.empty() : hashOf.apply(wanted);
        if (hash.isEmpty() || !matches.test(accessCode, hash.get())) {
            // no address (a call from inside) is not counted: as many tries as the door allows
            int left = Math.min(attempt.triesLeft(), door.maxFailuresPerAddress());
            throw new UserFacingException(door.deniedKey(), left, Math.max(1, door.lockDuration().toMinutes()));
        }
        throttle.recordSuccess(scope, null, clientAddress);
        return wanted;
    }
}
