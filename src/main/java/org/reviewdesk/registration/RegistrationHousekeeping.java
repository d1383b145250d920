package org.reviewdesk.registration;

import org.reviewdesk.applicants.MobileProofs;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.reviewdesk.documents.intake.DocumentRetention;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.ScheduledLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention rules of registrations (SPEC.md, Rules: personal data), run by one node of the
 * cluster per round ({@link ScheduledLock}):
 * <ul>
 *   <li>the ID scans (slots {@value DocumentService#ID_SCAN_SLOT_PREFIX}*, every version) of an
 *       application in a final state are purged once its decision is older than
 *       {@code id-scan-retention}; the application keeps its other documents, is marked
 *       ({@code id_scans_purged_at}) and its timeline says so, to the applicant too;</li>
 *   <li>a draft never submitted is deleted with its documents, checks and events once it is older
 *       than {@code draft-retention} (a draft never holds its credit code: only a submitted,
 *       undecided application does, so nothing stays held by a draft);</li>
 *   <li>SMS codes for proving a mobile are deleted a day after they expired.</li>
 * </ul>
 * Each application is handled in a transaction of its own that first re-checks its condition with a
 * conditional update, so an application is handled once even if two nodes got to it, and a draft
 * submitted at the last moment is kept. A round handles at most {@value #BATCH} applications of each
 * kind, oldest first, so it stays short; a backlog is worked off over the following rounds.
 */
@Component
class RegistrationHousekeeping {

    static final String LOCK = "registration.housekeeping";
    static final String ACTOR = "system:registration-housekeeping";
    static final String AUDIT_ID_SCANS_PURGED = "REGISTRATION_ID_SCANS_PURGED";
    static final String AUDIT_DRAFT_DELETED = "REGISTRATION_DRAFT_DELETED";
    static final String EVENT_ID_SCANS_PURGED = "ID_SCANS_PURGED";
    static final int BATCH = 100;

    private static final List<String> FINAL_STATES = Arrays.stream(RegistrationState.values())
            .filter(RegistrationState::isFinal).map(Enum::name).toList();
    private static final Logger log = LoggerFactory.getLogger(RegistrationHousekeeping.class);

    private final JdbcClient jdbc;
    private final DocumentRetention retention;
    private final RegistrationRecords records;
    private final AuditLog audit;
    private final ScheduledLock lock;
    private final RegistrationProperties properties;
    private final MobileProofs proofs;
    private final TransactionTemplate transaction;

    RegistrationHousekeeping(JdbcClient jdbc, DocumentRetention retention, RegistrationRecords records, AuditLog audit,
                             ScheduledLock lock, RegistrationProperties properties, MobileProofs proofs,
                             PlatformTransactionManager transactions) {
        this.proofs = proofs;
        this.jdbc = jdbc;
        this.retention = retention;
        this.records = records;
        this.audit = audit;
        this.lock = lock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one round did. */
    record Round(int idScansPurged, int draftsDeleted) {
    }

    @Scheduled(initialDelayString = "${reviewdesk.registration.housekeeping-interval:PT1H}",
            fixedDelayString = "${reviewdesk.registration.housekeeping-interval:PT1H}")
    void scheduled() {
        run();
    }

    /** One round, if this node takes the lock; empty when another node runs this round. */
    Optional<Round> run() {
        if (!lock.tryAcquire(LOCK, properties.housekeepingInterval().dividedBy(2))) {
            log.debug("Another node does the registration housekeeping this round");
            return Optional.empty();
        }
        Round round = new Round(purgeIdScans(), deleteStaleDrafts());
        proofs.deleteExpired();
        if (round.idScansPurged() > 0 || round.draftsDeleted() > 0) {
            log.info("Registration housekeeping: ID scans of {} applications purged, {} stale drafts deleted",
                    round.idScansPurged(), round.draftsDeleted());
        }
        return Optional.of(round);
    }

    /** Purges the ID scans of up to {@value #BATCH} decided applications past the retention; how many. */
    int purgeIdScans() {
        OffsetDateTime cutoff = records.now().minus(properties.idScanRetention());
        List<Due> due = jdbc.sql("""
                        select id, number, decided_at from registration_application
                        where id_scans_purged_at is null and decided_at < :cutoff and state in (:final)
                        order by decided_at, id fetch first %d rows only""".formatted(BATCH))
                .param("cutoff", cutoff).param("final", FINAL_STATES)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
        return eachInItsTransaction(due, "Purging the ID scans", application -> purgeIdScans(application, cutoff));
    }

    private boolean purgeIdScans(Due application, OffsetDateTime cutoff) {
        // the version bump makes a concurrent change of the entity fail instead of overwriting the mark
        int marked = jdbc.sql("""
                        update registration_application set id_scans_purged_at = :now, version = version + 1
                        where id = :id and id_scans_purged_at is null and decided_at < :cutoff and state in (:final)""")
                .param("now", records.now()).param("id", application.id()).param("cutoff", cutoff)
                .param("final", FINAL_STATES)
                .update();
        if (marked == 0) {
            return false; // handled meanwhile
        }
        String reason = "ID-scan retention " + readable(properties.idScanRetention()) + " after the final decision of "
                + application.at();
        int documents = retention.purgeSlots(application.number(),
                slot -> slot.startsWith(DocumentService.ID_SCAN_SLOT_PREFIX), reason, ACTOR);
        records.event(application.id(), EVENT_ID_SCANS_PURGED, ACTOR, null, true);
        audit.record(ACTOR, AUDIT_ID_SCANS_PURGED, application.number(), documents + " document versions; " + reason);
        return true;
    }

    /** Deletes up to {@value #BATCH} drafts older than the draft retention; how many. */
    int deleteStaleDrafts() {
        OffsetDateTime cutoff = records.now().minus(properties.draftRetention());
        List<Due> stale = jdbc.sql("""
                        select id, number, created_at from registration_application
                        where state = :draft and created_at < :cutoff
                        order by created_at, id fetch first %d rows only""".formatted(BATCH))
                .param("draft", RegistrationState.DRAFT.name()).param("cutoff", cutoff)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
        return eachInItsTransaction(stale, "Deleting the stale draft", draft -> deleteDraft(draft, cutoff));
    }

    /**
     * Runs {@code step} for each application in a transaction of its own; how many it handled. A
     * failure is logged and leaves that application for the next round, the others go on.
     */
    private int eachInItsTransaction(List<Due> applications, String what, Predicate<Due> step) {
        int handled = 0;
        for (Due application : applications) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> step.test(application)))) {
                    handled++;
                }
            } catch (RuntimeException e) {
                log.warn("{} of application {} failed; tried again next round", what, application.number(), e);
            }
        }
        return handled;
    }

    private boolean deleteDraft(Due draft, OffsetDateTime cutoff) {
        // locks the row while still a draft: a submit at the same moment waits, then finds it gone (or wins first)
        int still = jdbc.sql("""
                        update registration_application set version = version + 1
                        where id = :id and state = :draft and created_at < :cutoff""")
                .param("id", draft.id()).param("draft", RegistrationState.DRAFT.name()).param("cutoff", cutoff)
                .update();
        if (still == 0) {
            return false; // submitted or deleted meanwhile
        }
        jdbc.sql("delete from registration_event where application_id = :id").param("id", draft.id()).update();
        jdbc.sql("delete from registration_check where application_id = :id").param("id", draft.id()).update();
        jdbc.sql("delete from registration_application where id = :id").param("id", draft.id()).update();
        String reason = "draft never submitted, created " + draft.at() + ", retention " + readable(properties.draftRetention());
        int documents = draft.number() == null ? 0 : retention.purgeCase(draft.number(), reason, ACTOR);
        audit.record(ACTOR, AUDIT_DRAFT_DELETED, draft.number(), documents + " document versions; " + reason);
        return true;
    }

    /**
     * Decided applications whose ID scans are still there a day (at least two rounds) after they
     * were due: the job does not run or keeps failing. For the operators' warning.
     */
    long overdueIdScans() {
        Duration slack = properties.housekeepingInterval().multipliedBy(2);
        OffsetDateTime cutoff = records.now().minus(properties.idScanRetention())
                .minus(slack.compareTo(Duration.ofDays(1)) > 0 ? slack : Duration.ofDays(1));
        return jdbc.sql("""
                        select count(*) from registration_application
                        where id_scans_purged_at is null and decided_at < :cutoff and state in (:final)""")
                .param("cutoff", cutoff).param("final", FINAL_STATES)
                .query(Long.class).single();
    }

    /** "180 days" rather than Duration's "PT4320H", for the audit trail. */
    static String readable(Duration duration) {
        return duration.equals(Duration.ofDays(duration.toDays())) ? duration.toDays() + " days" : duration.toString();
    }

    /** An application due for housekeeping and the time its retention runs from. */
    private record Due(long id, String number, OffsetDateTime at) {
    }
}
