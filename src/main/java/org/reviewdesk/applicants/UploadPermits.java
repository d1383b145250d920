package org.reviewdesk.applicants;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many anonymous uploads one client address runs at once, on this node, in every process's
 * public API (one limit for the address, whichever process it uploads to): an upload takes a
 * permit after its access code was checked and before its body is read, and gives it back when done.
 * Per node on purpose (a counter in the database would cost a round trip per upload and outlive a
 * crashed node): with n nodes an address runs at most n times the limit. The map holds only
 * addresses with an upload in progress, so it is bounded by the server's threads.
 */
@Component
public class UploadPermits {

    private final int perAddress;
    private final ConcurrentMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

    UploadPermits(@Value("${reviewdesk.registration.concurrent-uploads-per-address:2}") int perAddress) {
        this.perAddress = perAddress;
    }

    /** A permit for one upload, to close when the upload is done. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws UserFacingException {@code applicant.upload.tooManyAtOnce} when the address runs its limit already */
    public Permit take(String address) {
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
            throw new UserFacingException("applicant.upload.tooManyAtOnce", perAddress);
        }
        return () -> running.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Uploads running now from this address (for tests and operators). */
    public int running(String address) {
        AtomicInteger count = running.get(address == null ? "" : address);
        return count == null ? 0 : count.get();
    }
}
