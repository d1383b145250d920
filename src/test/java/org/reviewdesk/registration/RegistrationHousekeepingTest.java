package org.reviewdesk.registration;

import org.reviewdesk.review.ReviewDecision;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentRetention;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.Role;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention rules of registrations on the real service, engine, database and store: ID scans
 * go a while after the final decision, abandoned drafts go altogether, nothing else is touched.
 * Age is simulated by moving decided_at and created_at back.
 */
@ApplicationTest
class RegistrationHousekeepingTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final List<String> ENTERPRISE_ID_SLOTS = List.of("id-representative-front", "id-representative-back");

    @Autowired RegistrationHousekeeping housekeeping;

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired IdScanRetentionWarning warning;
    @Autowired RegistrationProperties properties;
    @Autowired RegistrationService registrations;
    @Autowired RegistrationReview reviews;
    @Autowired DocumentService documents;
    @Autowired ObjectStore store;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void freeTheLock() {
        jdbc.sql("update scheduled_lock set locked_until = :past where name = :name")
                .param("past", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .param("name", RegistrationHousekeeping.LOCK).update();
    }

    // ---- ID scans --------------------------------------------------------------------------------

    @Test
    void anApplicationDecidedLongerAgoThanTheRetentionLosesItsIdScansButKeepsItsOtherDocuments() {
        DraftCreated draft = approved();
        List<String> idKeys = objectKeys(draft, "id-%");
        List<String> otherKeys = objectKeys(draft, "business-licence");
        assertThat(idKeys).hasSize(4); // two originals, a preview page each
        decidedAgo(draft, properties.idScanRetention().plusDays(1));

        Optional<RegistrationHousekeeping.Round> round = housekeeping.run();

        assertThat(round).get().extracting(RegistrationHousekeeping.Round::idScansPurged).isNotEqualTo(0);
        for (String slot : ENTERPRISE_ID_SLOTS) {
            assertThat(documents.versions(draft.applicationNumber(), slot)).as(slot).isEmpty();
        }
        assertThat(objectKeys(draft, "id-%")).as("rows of originals and previews").isEmpty();
        assertThat(idKeys).allSatisfy(key -> assertThat(store.stat(key)).as(key).isEmpty());
        assertThat(documents.versions(draft.applicationNumber(), "business-licence")).hasSize(1);
        assertThat(otherKeys).hasSize(2).allSatisfy(key -> assertThat(store.stat(key)).as(key).isPresent());
    }

    @Test
    void thePurgeIsMarkedOnTheApplicationAndShownOnTheApplicantsTimeline() {
        DraftCreated draft = approved();
        decidedAgo(draft, properties.idScanRetention().plusDays(1));

        housekeeping.purgeIdScans();

        assertThat(purgedAt(draft)).isAfter(OffsetDateTime.now().minusMinutes(5));
        assertThat(registrations.status(draft.access()).timeline()).extracting(TimelineEntry::kind)
                .endsWith(RegistrationHousekeeping.EVENT_ID_SCANS_PURGED);
        assertThat(reviews.timeline(draft.applicationNumber(), REVIEWER)).extracting(TimelineEntry::messageKey)
                .contains("registration.event.ID_SCANS_PURGED");
    }

    @Test
    void eachPurgedScanAndThePurgeOfTheApplicationAreAudited() {
        DraftCreated draft = approved();
        decidedAgo(draft, properties.idScanRetention().plusDays(1));

        housekeeping.purgeIdScans();

        assertThat(audits(draft, DocumentRetention.AUDIT_PURGED)).hasSize(2).allSatisfy(detail ->
                assertThat(detail).containsPattern("slot id-representative-(front|back), version 1, sha256 [0-9a-f]{64}, reason: ID-scan retention 180 days after the final decision of "));
        assertThat(audits(draft, RegistrationHousekeeping.AUDIT_ID_SCANS_PURGED)).singleElement()
                .satisfies(detail -> assertThat(detail).startsWith("2 document versions"));
    }

    @Test
    void aDecisionYoungerThanTheRetentionKeepsEveryDocument() {
        DraftCreated draft = approved();
        List<String> keys = objectKeys(draft, "%");
        decidedAgo(draft, properties.idScanRetention().minusDays(1));

        housekeeping.purgeIdScans();

        assertThat(objectKeys(draft, "%")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(keys).allSatisfy(key -> assertThat(store.stat(key)).as(key).isPresent());
        assertThat(purgedAt(draft)).isNull();
    }

    @Test
    void anOpenApplicationIsNeverTouched() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        afterChecks(draft);
        List<String> keys = objectKeys(draft, "%");
        // as old as can be on both rules' dates: only its state protects it
        jdbc.sql("update registration_application set created_at = :t, decided_at = :t where number = :n")
                .param("t", OffsetDateTime.now().minusYears(3)).param("n", draft.applicationNumber()).update();

        housekeeping.run();

        assertThat(registrations.status(draft.access()).state()).isEqualTo(RegistrationState.IN_REVIEW);
        assertThat(objectKeys(draft, "%")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(purgedAt(draft)).isNull();
    }

    @Test
    void aPurgedApplicationIsNotPurgedAgain() {
        DraftCreated draft = approved();
        decidedAgo(draft, properties.idScanRetention().plusDays(1));
        housekeeping.purgeIdScans();
        OffsetDateTime purgedAt = purgedAt(draft);

        housekeeping.purgeIdScans();

        assertThat(purgedAt(draft)).isEqualTo(purgedAt);
        assertThat(events(draft, RegistrationHousekeeping.EVENT_ID_SCANS_PURGED)).isEqualTo(1);
    }

    @Test
    void twoNodesAtOncePurgeOnce() throws Exception {
        DraftCreated draft = approved();
        decidedAgo(draft, properties.idScanRetention().plusDays(1));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Optional<RegistrationHousekeeping.Round>> node = () -> {
            start.await();
            return housekeeping.run();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<RegistrationHousekeeping.Round>> one = nodes.submit(node);
            Future<Optional<RegistrationHousekeeping.Round>> two = nodes.submit(node);
            start.countDown();

            assertThat(List.of(one.get(), two.get())).filteredOn(Optional::isPresent).hasSize(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(events(draft, RegistrationHousekeeping.EVENT_ID_SCANS_PURGED)).isEqualTo(1);
        assertThat(audits(draft, DocumentRetention.AUDIT_PURGED)).hasSize(2);
    }

    @Test
    void idScansOverdueForPurgingAreAnOperatorWarningUntilPurged() {
        DraftCreated draft = approved();
        decidedAgo(draft, properties.idScanRetention().plusDays(3));

        assertThat(warning.currentWarnings()).extracting(OperatorWarning::messageKey)
                .containsExactly("registration.warning.idScansOverdue");
        while (housekeeping.purgeIdScans() > 0) {
            // the backlog of other tests' applications, if any
        }
        assertThat(warning.currentWarnings()).isEmpty();
    }

    // ---- drafts ----------------------------------------------------------------------------------

    @Test
    void aStaleDraftDisappearsWithItsDocumentsAndEvents() {
        DraftCreated draft = draftWithDocuments();
        long id = applicationId(draft);
        List<String> keys = objectKeys(draft, "%");
        assertThat(keys).isNotEmpty();
        createdAgo(draft, properties.draftRetention().plusDays(1));

        Optional<RegistrationHousekeeping.Round> round = housekeeping.run();

        assertThat(round).get().extracting(RegistrationHousekeeping.Round::draftsDeleted).isNotEqualTo(0);
        assertThat(count("select count(*) from registration_application where id = :id", id)).isZero();
        assertThat(count("select count(*) from registration_event where application_id = :id", id)).isZero();
        assertThat(jdbc.sql("select count(*) from document where case_ref = :n").param("n", draft.applicationNumber())
                .query(Integer.class).single()).isZero();
        assertThat(keys).allSatisfy(key -> assertThat(store.stat(key)).as(key).isEmpty());
        assertThat(audits(draft, RegistrationHousekeeping.AUDIT_DRAFT_DELETED)).singleElement()
                .satisfies(detail -> assertThat(detail).contains("draft never submitted").contains("retention 30 days"));
        assertThat(audits(draft, DocumentRetention.AUDIT_PURGED)).hasSize(3);
    }

    @Test
    void aFreshDraftStays() {
        DraftCreated draft = draftWithDocuments();
        List<String> keys = objectKeys(draft, "%");
        createdAgo(draft, properties.draftRetention().minusDays(1));

        housekeeping.deleteStaleDrafts();

        assertThat(registrations.status(draft.access()).state()).isEqualTo(RegistrationState.DRAFT);
        assertThat(objectKeys(draft, "%")).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aDraftSubmittedBeforeTheJobGetsToItIsKept() {
        DraftCreated draft = draftWithDocuments();
        createdAgo(draft, properties.draftRetention().plusDays(1));
        registrations.submit(draft.access(), true);

        housekeeping.deleteStaleDrafts();

        assertThat(registrations.status(draft.access()).state()).isNotEqualTo(RegistrationState.DRAFT);
        assertThat(objectKeys(draft, "%")).isNotEmpty();
    }

    @Test
    void theJobsLockIsCreatedByTheMigration() {
        assertThat(jdbc.sql("select count(*) from scheduled_lock where name = :n").param("n", RegistrationHousekeeping.LOCK)
                .query(Integer.class).single()).isEqualTo(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    DraftCreated draftWithDocuments() {
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市示例科技有限公司",
                TestCodes.uscc(LegalPersonType.ENTERPRISE), false, "张三", IdType.RESIDENT_ID, "11010519491231002X",
                "13812345678", false, null, null, null, null, "13812345678", null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(LegalPersonType.ENTERPRISE, false)) {
            DocumentInfo info = registrations.upload(draft.access(), slot, slot + ".png", "image/png",
                    new ByteArrayInputStream(TestDocuments.png()));
            awaitPreviews(info);
        }
        return draft;
    }

    DraftCreated submitted(LegalPersonType type) {
        DraftCreated draft = draftWithDocuments();
        registrations.submit(draft.access(), true);
        return draft;
    }

    void afterChecks(DraftCreated draft) {
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(draft.applicationNumber()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    }

    DraftCreated approved() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        afterChecks(draft);
        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER);
        assertThat(registrations.status(draft.access()).state()).isEqualTo(RegistrationState.APPROVED);
        return draft;
    }

    void awaitPreviews(DocumentInfo info) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> documents.find(info.id()).orElseThrow().previewState() != PreviewState.PENDING);
        assertThat(documents.find(info.id()).orElseThrow().previewState()).isEqualTo(PreviewState.READY);
    }

    void decidedAgo(DraftCreated draft, Duration age) {
        jdbc.sql("update registration_application set decided_at = :t where number = :n")
                .param("t", OffsetDateTime.now().minus(age)).param("n", draft.applicationNumber()).update();
    }

    void createdAgo(DraftCreated draft, Duration age) {
        jdbc.sql("update registration_application set created_at = :t where number = :n")
                .param("t", OffsetDateTime.now().minus(age)).param("n", draft.applicationNumber()).update();
    }

    /** Object keys named by the rows of the case's documents in matching slots, originals and previews. */
    List<String> objectKeys(DraftCreated draft, String slotPattern) {
        return jdbc.sql("""
                        select d.storage_key from document d where d.case_ref = :n and d.slot like :s
                        union all
                        select p.storage_key from document_preview p join document d on d.id = p.document_id
                        where d.case_ref = :n and d.slot like :s""")
                .param("n", draft.applicationNumber()).param("s", slotPattern).query(String.class).list();
    }

    OffsetDateTime purgedAt(DraftCreated draft) {
        return jdbc.sql("select id_scans_purged_at from registration_application where number = :n")
                .param("n", draft.applicationNumber()).query(OffsetDateTime.class).list().get(0);
    }

    long applicationId(DraftCreated draft) {
        return jdbc.sql("select id from registration_application where number = :n")
                .param("n", draft.applicationNumber()).query(Long.class).single();
    }

    int events(DraftCreated draft, String kind) {
        return jdbc.sql("""
                        select count(*) from registration_event e join registration_application a on a.id = e.application_id
                        where a.number = :n and e.kind = :k""")
                .param("n", draft.applicationNumber()).param("k", kind).query(Integer.class).single();
    }

    List<String> audits(DraftCreated draft, String action) {
        return jdbc.sql("select detail from audit_record where case_ref = :n and action = :a order by id")
                .param("n", draft.applicationNumber()).param("a", action).query(String.class).list();
    }

    int count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }
}
