package org.reviewdesk.window;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-person identity check at the offline window: the clerk saw an original ID document of a
 * person the case names and typed its number (whole, or at least its last {@value #MIN_DIGITS}
 * characters). The number is compared here with what the case holds, whoever calls; a mismatch is
 * refused and audited, a match recorded with the clerk and the time, for the reviewer to see.
 */
@Service
public class InPersonVerifications {

    static final int MIN_DIGITS = 4;
    static final String AUDIT_VERIFIED = "IN_PERSON_VERIFIED";
    static final String AUDIT_REFUSED = "IN_PERSON_VERIFICATION_REFUSED";

    private final List<OrganisationCases> processes;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BusinessTime time;

    InPersonVerifications(List<OrganisationCases> processes, JdbcClient jdbc, AuditLog audit, BusinessTime time) {
        this.processes = processes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Records that the clerk saw {@code seen} with this number for the case.
     *
     * @throws UserFacingException the case is unknown or names no person with an ID document, too few
     *                             characters were typed, or no person on the case has a document of that type and number
     */
    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    @Transactional
    public InPersonVerification record(String caseRef, IdType seen, String typedNumber) {
        CurrentUser clerk = CurrentUser.require();
        clerk.requireRole(Role.WINDOW_CLERK);
        String ref = caseRef == null ? "" : caseRef.strip();
        List<PersonOnCase> people = processes.stream().map(p -> p.peopleOn(ref)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new UserFacingException("window.identity.unknownCase", ref));
        if (people.isEmpty()) {
            // not a mismatch: there is nothing on the case to compare the original with
            throw new UserFacingException("window.identity.nobodyOnCase", ref);
        }
        if (seen == null) {
            throw new UserFacingException("window.identity.typeRequired");
        }
        String typed = typedNumber == null ? "" : typedNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (typed.length() < MIN_DIGITS) {
            throw new UserFacingException("window.identity.tooShort", String.valueOf(MIN_DIGITS));
        }
        Optional<PersonOnCase> person = people.stream()
                .filter(p -> p.idType() == seen && p.idNumber() != null && matches(p.idNumber(), typed))
                .findFirst();
        if (person.isEmpty()) {
            audit.recordNow(clerk.username(), AUDIT_REFUSED, ref, seen.name() + ", " + typed.length() + " characters typed");
            throw new UserFacingException("window.identity.mismatch");
        }
        InPersonVerification verification = new InPersonVerification(ref, person.get().role(), seen,
                Masking.idNumber(person.get().idNumber()), clerk.username(), clerk.displayName(), time.now());
        jdbc.sql("""
                insert into in_person_verification (case_ref, person_role, id_type, id_number_masked, verified_by, verified_by_name, verified_at)
                values (:ref, :role, :type, :masked, :by, :name, :at)""")
                .param("ref", ref).param("role", verification.personRole()).param("type", seen.name())
                .param("masked", verification.idNumberMasked()).param("by", verification.verifiedBy())
                .param("name", truncate(verification.verifiedByName(), 200)).param("at", verification.verifiedAt())
                .update();
        audit.record(clerk.username(), AUDIT_VERIFIED, ref, verification.personRole() + " " + seen.name());
        return verification;
    }

    /** The case's checks, latest first; for any signed-in staff member (the reviewer's workbench shows them). */
    @Transactional(readOnly = true)
    public List<InPersonVerification> find(String caseRef) {
        CurrentUser.require();
        return jdbc.sql("""
                select case_ref, person_role, id_type, id_number_masked, verified_by, verified_by_name, verified_at
                from in_person_verification where case_ref = :ref order by verified_at desc, id desc""")
                .param("ref", caseRef)
                .query((rs, n) -> new InPersonVerification(rs.getString(1), rs.getString(2), IdType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class)))
                .list();
    }

    /** The whole number, or its end; never a shorter piece of its middle. */
    private static boolean matches(String onCase, String typed) {
        String full = onCase.toUpperCase(Locale.ROOT);
        return typed.length() >= full.length() ? full.equals(typed) : full.endsWith(typed);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
