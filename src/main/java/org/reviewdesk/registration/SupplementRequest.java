package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * The reviewer's request for documents: which slots need a new version, why each, and by when.
 *
 * @param note the reviewer's word to the applicant beside the reasons per document, or null
 * @param reasons the reason per requested slot (empty for a request made before reasons per slot existed)
 */
public record SupplementRequest(List<String> slots, String note, Map<String, String> reasons, OffsetDateTime requestedAt,
                                OffsetDateTime due) {

    public SupplementRequest {
        slots = List.copyOf(slots);
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }
}
