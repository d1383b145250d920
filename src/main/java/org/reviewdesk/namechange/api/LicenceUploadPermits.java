package org.reviewdesk.namechange.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many anonymous licence uploads one client address runs at once, on this node: an upload takes
 * a permit after its access code was checked and before its body is read, and gives it back when
 * done. Per node on purpose, as registration's {@code registration.api.UploadPermits} (whose approach
 * this is): with n nodes an address runs at most n times the limit.
 *
 * <p>To merge: registration's class is package-private, and making it shared is another branch's
 * work; once it is shared (e.g. in {@code applicants}), this class goes and the controller takes that one.
 */
@Component
class LicenceUploadPermits {

    private final int perAddress;
    private final ConcurrentMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

    LicenceUploadPermits(@Value("${reviewdesk.namechange.concurrent-uploads-per-address:2}") int perAddress) {
        this.perAddress = perAddress;
    }

    /** A permit for one upload, to close when the upload is done. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws UserFacingException {@code namechange.api.tooManyUploadsAtOnce} when the address runs its limit already */
    Permit take(String address) {
        String key = address == null ? "" : address;
        boolean[] taken = {false};
        running.compute(key, (k, count) -> {
            AtomicInteger now = count == null ? new AtomicInteger() : count;
            if (now.get() < perAddress) {
                now.incrementAndGet();
                taken[0] = true;
            }
            return now.get() == 0 ? null : now;
        });
        if (!taken[0]) {
            throw new UserFacingException("namechange.api.tooManyUploadsAtOnce", perAddress);
        }
        return () -> running.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Uploads running now from this address (for tests). */
    int running(String address) {
        AtomicInteger count = running.get(address == null ? "" : address);
        return count == null ? 0 : count.get();
    }
}
