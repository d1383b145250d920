package org.reviewdesk.hotline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.window.CaseHit;
import org.reviewdesk.window.CaseLookup;
import org.reviewdesk.window.OrganisationCase;
import org.reviewdesk.window.OrganisationCases;
import org.reviewdesk.window.PersonOnCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work orders as the case screen and {@link org.reviewdesk.window.Organisations} see them: a
 * caller's earlier orders by mobile, an organisation's orders, an order found by its {@code GD} number
 * or its caller's mobile. Every query is exact on an index of V22 ({@code number} unique,
 * {@code (uscc, created_at)}, {@code (caller_mobile, created_at)}) and bounded. Work orders are the
 * hotline's: only agents and supervisors see them here; for anyone else (the window clerk) this
 * contributes nothing, so the window's lists stay as they were.
 */
@Component
class WorkOrderCases implements CallerHistory, CaseLookup, OrganisationCases {

    private static final int SUMMARY_LENGTH = 40;

    private final WorkOrderRecords records;
    private final WorkOrderProperties properties;

    WorkOrderCases(WorkOrderRecords records, WorkOrderProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    // ---- CallerHistory: the case screen's lists of work orders ------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<EarlierContact> byMobile(String mobile, int limit) {
        requireDesk();
        return mobile == null ? List.of() : records.forCaller(mobile, limit).stream().map(WorkOrderCases::contact).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EarlierContact> byOrganisation(String uscc, int limit) {
        requireDesk();
        return uscc == null ? List.of() : records.forOrganisation(normal(uscc), limit).stream().map(WorkOrderCases::contact).toList();
    }

    // ---- CaseLookup: GD numbers and callers' mobiles ------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseHit> byNumber(String caseRef) {
        if (!desk() || caseRef == null) {
            return Optional.empty();
        }
        return records.byNumber(caseRef).filter(r -> r.uscc() != null).map(r -> new CaseHit(r.number(), r.uscc(), null));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseHit> byContactMobile(String mobile, int limit) {
        if (!desk() || mobile == null) {
            return List.of();
        }
        return records.forCaller(mobile, limit).stream().filter(r -> r.uscc() != null)
                .map(r -> new CaseHit(r.number(), r.uscc(), null)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> contactMobile(String caseRef) {
        if (!desk() || caseRef == null) {
            return Optional.empty();
        }
        return records.byNumber(caseRef).map(WorkOrderRecords.Row::callerMobile);
    }

    // ---- OrganisationCases: the organisation's record -------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationCase> casesFor(String uscc) {
        if (!desk() || uscc == null || uscc.isBlank()) {
            return List.of();
        }
        return records.forOrganisation(normal(uscc), properties.listLimit()).stream()
                .map(r -> new OrganisationCase(WorkOrderProcess.KEY, r.number(), r.state().messageKey(), r.state().open(),
                        r.createdAt(), due(r)))
                .toList();
    }

    /** A work order names no one the window checks in person. */
    @Override
    @Transactional(readOnly = true)
    public Optional<List<PersonOnCase>> peopleOn(String caseRef) {
        return caseRef == null || !desk() ? Optional.empty() : records.byNumber(caseRef).map(r -> List.of());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static EarlierContact contact(WorkOrderRecords.Row r) {
        String words = r.description().replaceAll("\\s+", " ").strip();
        String summary = words.length() <= SUMMARY_LENGTH ? words : words.substring(0, SUMMARY_LENGTH) + "…";
        return new EarlierContact(r.number(), Masking.mobile(r.callerMobile()) + " · " + summary, r.state().messageKey(),
                r.state().open(), r.createdAt(), due(r), null);
    }

    /** When the order's current step is due: signing for it, or handling it (the extension moved it). */
    static OffsetDateTime due(WorkOrderRecords.Row r) {
        return switch (r.state()) {
            case AWAITING_SIGN -> r.signDue();
            case HANDLING, EXTENSION_REQUESTED -> r.handleDue();
            default -> null;
        };
    }

    private static String normal(String uscc) {
        return uscc.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean desk() {
        return CurrentUser.get().map(u -> u.has(Role.HOTLINE_AGENT) || u.has(Role.SUPERVISOR)).orElse(false);
    }

    private static void requireDesk() {
        if (!desk()) {
            throw new org.springframework.security.access.AccessDeniedException("work orders are for hotline agents and supervisors");
        }
    }
}
