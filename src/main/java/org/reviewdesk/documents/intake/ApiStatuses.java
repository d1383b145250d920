package org.reviewdesk.documents.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.reviewdesk.documents.DocumentStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;

/**
 * The HTTP status of a refusal by its message key, for every JSON API: the refusals the APIs share
 * (documents, inspection, receipts, the applicants' limits) are listed once here, so one error never
 * gets two statuses from two APIs; each API adds its own keys. A key not listed is 422: the request
 * was understood and refused.
 */
@NamedInterface("intake")
public final class ApiStatuses {

    private static final Map<HttpStatus, Set<String>> SHARED = Map.of(
            HttpStatus.TOO_MANY_REQUESTS, Set.of("registration.mobileProof.tooMany", "applicant.upload.tooManyAtOnce"),
            HttpStatus.NOT_FOUND, Set.of("intake.document.notFound", "intake.preview.notFound", DocumentStoreException.MISSING),
            HttpStatus.BAD_REQUEST, Set.of(PartHeaders.ONE_FILE),
            HttpStatus.SERVICE_UNAVAILABLE, Set.of(DocumentStoreException.UNAVAILABLE, "intake.inspection.unavailable",
                    "inspection.refused.busy", "receipt.fontMissing"),
            HttpStatus.PAYLOAD_TOO_LARGE, Set.of("inspection.refused.tooLarge"),
            HttpStatus.INTERNAL_SERVER_ERROR, Set.of("intake.upload.notSaved"));

    private final Map<String, HttpStatus> byKey;

    private ApiStatuses(Map<String, HttpStatus> byKey) {
        this.byKey = byKey;
    }

    /** The shared refusals only. */
    public static ApiStatuses shared() {
        return with(Map.of());
    }

    /**
     * The shared refusals and an API's own. An own key that is a shared one, or is listed under two
     * statuses, fails at start-up: the same error would otherwise answer differently by API.
     */
    public static ApiStatuses with(Map<HttpStatus, Set<String>> own) {
        Map<String, HttpStatus> byKey = new HashMap<>();
        SHARED.forEach((status, keys) -> keys.forEach(key -> byKey.put(key, status)));
        own.forEach((status, keys) -> keys.forEach(key -> {
            HttpStatus before = byKey.putIfAbsent(key, status);
            if (before != null) {
                throw new IllegalArgumentException(key + " is listed as " + before.value() + " already, not again as " + status.value());
            }
        }));
        return new ApiStatuses(Map.copyOf(byKey));
    }

    public HttpStatus of(String key) {
        return byKey.getOrDefault(key, HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
