package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.util.List;

/** The reviewer's request for documents: which slots need a new version, why, and by when. */
public record SupplementRequest(List<String> slots, String reason, OffsetDateTime requestedAt, OffsetDateTime due) {

    public SupplementRequest {
        slots = List.copyOf(slots);
    }
}
