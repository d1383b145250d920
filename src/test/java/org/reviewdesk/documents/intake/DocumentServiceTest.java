package org.reviewdesk.documents.intake;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.zaxxer.hikari.HikariDataSource;
import io.minio.MinioClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.documents.EmbeddedS3Server;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.StoredObject;
import org.reviewdesk.documents.inspection.DocumentType;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.documents.inspection.InspectionResult;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.ScheduledLock;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The intake against the application's real store (the embedded S3 server through the MinIO SDK)
 * and database (H2), with the test's stand-in inspector and renderer.
 */
@ApplicationTest
class DocumentServiceTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));

    @Autowired ObjectStore store;
    @Autowired DocumentRepository documents;
    @Autowired DocumentPreviewRepository previewRows;
    @Autowired AuditLog audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;
    @Autowired ScheduledLock lock;
    /** The application's read policies: the workbench's, from the processes' handlers. */
    @Autowired ObjectProvider<DocumentReadPolicy> readers;

    final TestInspection inspection = new TestInspection();
    PreviewJobs previewJobs;
    DocumentService service;
    String caseRef;

    @BeforeEach
    void setUp() {
        caseRef = Fixtures.registrationRef();
        service = newService(store, InspectionLimits.DEFAULTS, null);
    }

    @AfterEach
    void tearDown() {
        previewJobs.destroy();
    }

    DocumentService newService(ObjectStore objectStore, InspectionLimits limits, DocumentRecords records) {
        return newService(objectStore, limits, records, inspection);
    }

    DocumentService newService(ObjectStore objectStore, InspectionLimits limits, DocumentRecords records,
                               DocumentInspection inspector) {
        if (previewJobs != null) {
            previewJobs.destroy();
        }
        previewJobs = new PreviewJobs(objectStore, documents, previewRows, provider(PageRendering.class, inspection),
                limits, IntakeProperties.DEFAULTS, transactions);
        DocumentRecords recordsToUse = records != null ? records : new DocumentRecords(documents, previewJobs, transactions, clock);
        return new DocumentService(objectStore, recordsToUse, documents, previewRows, previewJobs,
                provider(DocumentInspection.class, inspector), limits, audit, readers, transactions);
    }

    static <T> ObjectProvider<T> provider(Class<T> type, Object bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(bean == null ? Map.of() : Map.of("bean", bean));
        return beans.getBeanProvider(type);
    }

    DocumentInfo upload(String slot, String name, byte[] content) {
        return service.upload(caseRef, slot, name, "application/octet-stream", new ByteArrayInputStream(content), "reviewer");
    }

    /** The originals in the store. */
    List<String> storedKeys() {
        return storedKeys(store);
    }

    static List<String> storedKeys(ObjectStore objectStore) {
        try (var keys = objectStore.keysLastModifiedBefore(Instant.now().plusSeconds(3600))) {
            // originals only: previews of other tests' documents are written in the background meanwhile
            return keys.filter(k -> k.startsWith(DocumentService.ORIGINALS)).sorted().toList();
        }
    }

    /** The upload is refused with {@code key}, and neither a record nor an object is left. */
    void assertRefusedLeavingNothing(String key, String slot, org.assertj.core.api.ThrowableAssert.ThrowingCallable upload) {
        List<String> before = storedKeys();

        assertThatThrownBy(upload).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));

        assertThat(service.versions(caseRef, slot)).isEmpty();
        assertThat(storedKeys()).isEqualTo(before);
    }

    DocumentInfo awaitPreviews(long id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> service.find(id).orElseThrow(), info -> info.previewState() != PreviewState.PENDING);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static byte[] readAll(DocumentContent content) throws IOException {
        try (content) {
            return content.stream().readAllBytes();
        }
    }

    @Test
    void aGoodPdfIsStoredWithItsRecordAndRenderedPreviews() throws Exception {
        byte[] pdf = Fixtures.pdf(3, "Business licence 914403001922038216");

        DocumentInfo info = upload("licence", "licence.pdf", pdf);

        assertThat(info.version()).isEqualTo(1);
        assertThat(info.type()).isEqualTo(DocumentType.PDF);
        assertThat(info.sizeBytes()).isEqualTo(pdf.length);
        assertThat(info.sha256()).isEqualTo(sha256(pdf));
        assertThat(info.pageCount()).isEqualTo(3);
        assertThat(info.displayName()).isEqualTo("licence.pdf");
        assertThat(readAll(service.openOriginal(info.id(), Access.staff(REVIEWER)))).isEqualTo(pdf);
        assertThat(service.textLayer(info.id(), Access.staff(REVIEWER))).contains("914403001922038216");

        assertThat(awaitPreviews(info.id()).previewState()).isEqualTo(PreviewState.READY);
        assertThat(service.previews(info.id())).extracting(PreviewPage::page).containsExactly(1, 2, 3);
        DocumentContent page2 = service.openPreview(info.id(), 2, Access.staff(REVIEWER));
        assertThat(page2.contentType()).isEqualTo("image/png");
        assertThat(Arrays.copyOf(readAll(page2), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(store.stat(PreviewJobs.key(info.id(), 3))).isPresent();
    }

    @Test
    void aJpegAndAPngGetOnePreviewEach() throws Exception {
        DocumentInfo jpeg = upload("id-front", "front.jpg", Fixtures.jpeg(320, 200));
        DocumentInfo png = upload("id-back", "back.png", Fixtures.png(200, 320));

        assertThat(jpeg.type()).isEqualTo(DocumentType.JPEG);
        assertThat(png.type()).isEqualTo(DocumentType.PNG);
        assertThat(awaitPreviews(jpeg.id()).previewState()).isEqualTo(PreviewState.READY);
        assertThat(awaitPreviews(png.id()).previewState()).isEqualTo(PreviewState.READY);
        assertThat(service.previews(png.id())).containsExactly(new PreviewPage(1, 200, 320));
    }

    @Test
    void bytesThatAreNoPdfAreRefusedWhateverTheirNameAndNothingIsStored() {
        assertRefusedLeavingNothing("inspection.refused.unsupportedType", "licence",
                () -> upload("licence", "licence.pdf", "<html>not a pdf</html>".getBytes()));
    }

    @Test
    void aFileTheInspectionRefusesLeavesNeitherRecordNorObject() {
        byte[] truncated = Arrays.copyOf(Fixtures.png(100, 100), 40);

        assertRefusedLeavingNothing("inspection.refused.damaged", "licence", () -> upload("licence", "scan.png", truncated));
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsStored() {
        assertRefusedLeavingNothing("inspection.refused.empty", "licence", () -> upload("licence", "empty.pdf", new byte[0]));
    }

    @Test
    void exactlyTheSizeLimitIsAcceptedAndOneByteMoreIsRefused() {
        byte[] png = Fixtures.png(64, 64);
        byte[] oneMore = Arrays.copyOf(png, png.length + 1); // a trailing byte after IEND: still a readable PNG
        service = newService(store, InspectionLimits.DEFAULTS.withMaxBytes(png.length), null);
        List<String> before = storedKeys();

        assertThatThrownBy(() -> upload("licence", "big.png", oneMore))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("inspection.refused.tooLarge");
                    assertThat(e.arguments()).hasSize(1);
                });
        assertThat(service.versions(caseRef, "licence")).isEmpty();
        assertThat(storedKeys()).isEqualTo(before);

        DocumentInfo accepted = upload("licence", "exact.png", png);
        assertThat(accepted.sizeBytes()).isEqualTo(png.length);
    }

    @Test
    void aSecondUploadIntoASlotIsVersionTwoAndVersionOneStays() throws Exception {
        byte[] first = Fixtures.pdf(1, "first");
        byte[] second = Fixtures.pdf(1, "second");
        DocumentInfo one = upload("licence", "licence.pdf", first);
        DocumentInfo two = upload("licence", "licence-new.pdf", second);

        assertThat(two.version()).isEqualTo(2);
        assertThat(service.versions(caseRef, "licence")).extracting(DocumentInfo::version).containsExactly(2, 1);
        assertThat(readAll(service.openOriginal(one.id(), Access.staff(REVIEWER)))).isEqualTo(first);
        assertThat(readAll(service.openOriginal(two.id(), Access.staff(REVIEWER)))).isEqualTo(second);
        assertThat(upload("other-slot", "x.pdf", first).version()).isEqualTo(1);
    }

    @Test
    void theStoreStoppingDuringAnUploadIsAClearMessageAndNothingIsRecorded(@TempDir Path directory) {
        EmbeddedS3Server server = EmbeddedS3Server.start(directory, "intake-test", "intake-test-secret");
        try {
            MinioClient client = MinioClient.builder().endpoint(server.endpoint().toString())
                    .credentials("intake-test", "intake-test-secret").region("us-east-1").build();
            ObjectStore ownStore = new ObjectStore(client, "intake-stop-test", ObjectStore.DEFAULT_PART_SIZE, new SimpleMeterRegistry());
            service = newService(ownStore, InspectionLimits.DEFAULTS, null);
            upload("licence", "warm-up.pdf", Fixtures.pdf(1, "bucket created")); // the bucket exists before the failure
            InputStream slow = new StopsTheServer(Fixtures.pdf(2, "interrupted"), server);

            assertThatThrownBy(() -> service.upload(caseRef, "licence", "licence.pdf", "application/pdf", slow, "reviewer"))
                    .isInstanceOfSatisfying(UserFacingException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UNAVAILABLE));

            assertThat(service.versions(caseRef, "licence")).extracting(DocumentInfo::displayName).containsExactly("warm-up.pdf");
        } finally {
            server.close();
        }
    }

    /** Hands out its content slowly and stops the store half-way through. */
    static final class StopsTheServer extends InputStream {
        private final ByteArrayInputStream content;
        private final EmbeddedS3Server server;
        private final int stopAt;
        private int read;

        StopsTheServer(byte[] content, EmbeddedS3Server server) {
            this.content = new ByteArrayInputStream(content);
            this.server = server;
            this.stopAt = content.length / 2;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= stopAt) {
                server.close();
            }
            int n = content.read(buffer, offset, Math.min(length, 256));
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }

    /** An inspection whose result the test hands over when it chooses. */
    static final class HeldInspection implements DocumentInspection {
        final CompletableFuture<InspectionResult> result = new CompletableFuture<>();
        final CountDownLatch started = new CountDownLatch(1);
        volatile Path file;

        @Override
        public CompletableFuture<InspectionResult> inspectAsync(Path file) {
            this.file = file;
            started.countDown();
            return result;
        }
    }

    @Test
    void theOriginalIsStoredWhileTheInspectionRuns() throws Exception {
        HeldInspection held = new HeldInspection();
        service = newService(store, InspectionLimits.DEFAULTS, null, held);
        List<String> before = storedKeys();

        CompletableFuture<DocumentInfo> uploading = CompletableFuture.supplyAsync(
                () -> upload("licence", "licence.pdf", Fixtures.pdf(1, "overlap")));

        await().atMost(Duration.ofSeconds(30)).until(() -> storedKeys().size() > before.size());
        assertThat(storedKeys()).as("stored before the inspection answered").hasSize(before.size() + 1);
        assertThat(uploading).isNotDone();
        assertThat(held.file).exists();

        held.result.complete(inspection.inspect(held.file));

        assertThat(uploading.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
        // deleted after the answer, on the copies' own thread
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(held.file));
    }

    @Test
    void whenStoringFailsTheCopyIsKeptUntilTheInspectionHasFinished() throws Exception {
        CountDownLatch storeFailed = new CountDownLatch(1);
        MinioClient unused = MinioClient.builder().endpoint("http://127.0.0.1:9").credentials("x", "y").build();
        ObjectStore failing = new ObjectStore(unused, "never", ObjectStore.DEFAULT_PART_SIZE, new SimpleMeterRegistry()) {
            @Override
            public StoredObject put(String key, Path file, String contentType, String sha256Hex) {
                storeFailed.countDown();
                throw new DocumentStoreException(DocumentStoreException.UNAVAILABLE, "failing on purpose", null);
            }

            @Override
            public void delete(String key) {
            }
        };
        HeldInspection held = new HeldInspection();
        service = newService(failing, InspectionLimits.DEFAULTS, null, held);

        CompletableFuture<DocumentInfo> uploading = CompletableFuture.supplyAsync(
                () -> upload("licence", "licence.pdf", Fixtures.pdf(1, "store down")));

        assertThat(storeFailed.await(30, TimeUnit.SECONDS)).isTrue();
        // the upload blocks on the inspection's result (a waiter registers on the future) instead of
        // deleting the copy the inspection still reads
        await().atMost(Duration.ofSeconds(30)).until(() -> held.result.getNumberOfDependents() > 0);
        assertThat(uploading).isNotDone();
        assertThat(held.file).as("the copy the inspection reads").exists();

        held.result.complete(inspection.inspect(held.file));

        assertThatThrownBy(() -> uploading.get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UNAVAILABLE));
        // deleted after the answer, on the copies' own thread: the upload may answer first
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(held.file));
        assertThat(service.versions(caseRef, "licence")).isEmpty();
    }

    @Test
    void aRecordThatCannotBeSavedLeavesItsObjectForTheSweep() throws Exception {
        // every upload picks version 1: the second one breaks the unique (case, slot, version) constraint
        DocumentRecords alwaysVersionOne = new DocumentRecords(documents, previewJobs, transactions, clock) {
            @Override
            int nextVersion(String caseRef, String slot) {
                return 1;
            }
        };
        service = new DocumentService(store, alwaysVersionOne, documents, previewRows, previewJobs,
                provider(DocumentInspection.class, inspection), InspectionLimits.DEFAULTS, audit, readers, transactions);
        DocumentInfo kept = upload("licence", "first.pdf", Fixtures.pdf(1, "first"));
        awaitPreviews(kept.id());
        List<String> before = storedKeys();

        assertThatThrownBy(() -> upload("licence", "second.pdf", Fixtures.pdf(1, "second")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("intake.upload.notSaved"));
        List<String> orphans = storedKeys().stream().filter(k -> !before.contains(k)).toList();
        assertThat(orphans).hasSize(1);
        assertThat(service.versions(caseRef, "licence")).hasSize(1);

        // object times have a one-second resolution: the sweep looks from two seconds ahead
        OrphanSweep.Report report = new OrphanSweep(store, documents, previewRows, lock, IntakeProperties.DEFAULTS,
                java.time.Clock.offset(clock, Duration.ofSeconds(2))).sweep(Duration.ZERO);

        assertThat(report.deletedKeys()).contains(orphans.get(0));
        assertThat(store.stat(orphans.get(0))).isEmpty();
        assertThat(readAll(service.openOriginal(kept.id(), Access.staff(REVIEWER)))).isNotEmpty();
        assertThat(store.stat(PreviewJobs.key(kept.id(), 1))).isPresent();
    }

    @Test
    void theSweepReportsARecordWhoseObjectIsMissing() throws Exception {
        DocumentInfo info = upload("licence", "licence.pdf", Fixtures.pdf(1, "gone"));
        awaitPreviews(info.id());
        store.delete(documents.findById(info.id()).orElseThrow().storageKey());

        OrphanSweep.Report report = new OrphanSweep(store, documents, previewRows, lock, IntakeProperties.DEFAULTS, clock)
                .sweep(Duration.ZERO);

        assertThat(report.missingObjectDocumentIds()).contains(info.id());
    }

    @Test
    void anApplicantReadsTheirOwnCaseAndIsDeniedAnother() throws Exception {
        DocumentInfo info = upload("licence", "licence.pdf", Fixtures.pdf(1, "mine"));

        assertThat(readAll(service.openOriginal(info.id(), Access.applicantOf(caseRef)))).isNotEmpty();
        assertThatThrownBy(() -> service.openOriginal(info.id(), Access.applicantOf("CASE-someone-else")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.openPreview(info.id(), 1, Access.applicantOf("CASE-someone-else")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.openOriginal(Long.MAX_VALUE, Access.applicantOf(caseRef)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aVersionIsReadByItsRandomPublicIdAndAnUnknownOneIsNotFound() throws Exception {
        byte[] pdf = Fixtures.pdf(1, "public");
        DocumentInfo info = upload("licence", "licence.pdf", pdf);
        DocumentInfo other = upload("licence", "again.pdf", Fixtures.pdf(1, "again"));

        assertThat(info.publicId()).isNotNull().isNotEqualTo(other.publicId());
        assertThat(readAll(service.openOriginal(info.publicId(), Access.staff(REVIEWER)))).isEqualTo(pdf);
        assertThatThrownBy(() -> service.openOriginal(UUID.randomUUID(), Access.staff(REVIEWER)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("intake.document.notFound"));
    }

    @Test
    void staffWhoseRoleHandlesNoProcessOfTheCaseAreDeniedEveryReadAndEachRefusalIsAudited() {
        DocumentInfo idScan = upload("id-front", "front.png", Fixtures.png(80, 50));
        Access hotline = Access.staff(new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT)));
        Access admin = Access.staff(new CurrentUser("admin", Set.of(Role.ADMIN)));

        assertThatThrownBy(() -> service.openOriginal(idScan.id(), hotline)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.openPreview(idScan.publicId(), 1, admin)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.textLayer(idScan.id(), admin)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.requireReadable(caseRef, hotline)).isInstanceOf(AccessDeniedException.class);

        List<String> refused = jdbc.sql("select actor from audit_record where case_ref = :c and action = :a order by id")
                .param("c", caseRef).param("a", DocumentService.AUDIT_READ_REFUSED).query(String.class).list();
        assertThat(refused).containsExactly("hotline", "admin", "admin", "hotline");
    }

    @Test
    void aCaseNoProcessClaimsIsReadByNoStaffMember() {
        caseRef = "CASE-" + UUID.randomUUID();
        DocumentInfo info = upload("licence", "licence.pdf", Fixtures.pdf(1, "unclaimed"));

        assertThatThrownBy(() -> service.openOriginal(info.id(), Access.staff(REVIEWER))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutAnyReadPolicyStaffReadNothing() {
        DocumentInfo info = upload("licence", "licence.pdf", Fixtures.pdf(1, "no policy"));
        readers = provider(DocumentReadPolicy.class, null);
        DocumentService unguarded = newService(store, InspectionLimits.DEFAULTS, null);

        assertThatThrownBy(() -> unguarded.openOriginal(info.id(), Access.staff(REVIEWER))).isInstanceOf(AccessDeniedException.class);
        assertThat(unguarded.versions(caseRef, "licence")).hasSize(1);
    }

    @Test
    void staffWithoutARoleIsDenied() {
        DocumentInfo info = upload("licence", "licence.pdf", Fixtures.pdf(1, "x"));

        assertThatThrownBy(() -> service.openOriginal(info.id(), Access.staff(new CurrentUser("nobody", Set.of()))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyStaffViewOfAnIdScanIsAudited() throws Exception {
        DocumentInfo idScan = upload("id-front", "front.png", Fixtures.png(80, 50));
        DocumentInfo licence = upload("licence", "licence.png", Fixtures.png(80, 50));
        awaitPreviews(idScan.id());

        readAll(service.openOriginal(idScan.id(), Access.staff(REVIEWER)));
        readAll(service.openPreview(idScan.id(), 1, Access.staff(REVIEWER)));
        readAll(service.openOriginal(licence.id(), Access.staff(REVIEWER)));
        readAll(service.openOriginal(idScan.id(), Access.applicantOf(caseRef)));

        List<String> audited = jdbc.sql("select actor || ' ' || action || ' ' || detail from audit_record where case_ref = :c order by id")
                .param("c", caseRef).query(String.class).list();
        assertThat(audited).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("reviewer " + DocumentService.AUDIT_VIEW_ID_SCAN + " document " + idScan.id()));
    }

    @Test
    void aFailedRenderingIsVisibleAndCanBeRetried() throws Exception {
        inspection.failuresToCome.set(1);
        DocumentInfo info = upload("licence", "licence.pdf", Fixtures.pdf(2, "retry"));

        assertThat(awaitPreviews(info.id()).previewState()).isEqualTo(PreviewState.FAILED);
        assertThat(service.previews(info.id())).isEmpty();

        service.retryPreviews(info.id());

        assertThat(awaitPreviews(info.id()).previewState()).isEqualTo(PreviewState.READY);
        assertThat(service.previews(info.id())).hasSize(2);
    }

    @Test
    void withoutAnInspectorEveryUploadIsRefused() {
        previewJobs.destroy();
        DocumentService uninspected = new DocumentService(store, new DocumentRecords(documents, previewJobs, transactions, clock),
                documents, previewRows, previewJobs, provider(DocumentInspection.class, null), InspectionLimits.DEFAULTS,
                audit, readers, transactions);
        List<String> before = storedKeys();

        assertThatThrownBy(() -> uninspected.upload(caseRef, "licence", "a.pdf", null,
                new ByteArrayInputStream(Fixtures.pdf(1, "x")), "reviewer"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("intake.inspection.unavailable"));
        assertThat(storedKeys()).isEqualTo(before);
    }

    @Test
    void theStoredNameIsSanitisedAndTheDownloadNameCarriesTheDetectedType() throws Exception {
        DocumentInfo info = upload("licence", "..\\..\\evil\u202Egpj.html", Fixtures.pdf(1, "x"));

        assertThat(info.displayName()).isEqualTo("evilgpj.html");
        try (DocumentContent original = service.openOriginal(info.id(), Access.staff(REVIEWER))) {
            assertThat(original.fileName()).isEqualTo("evilgpj.html.pdf");
            assertThat(original.contentType()).isEqualTo("application/pdf");
        }
        assertThat(documents.findById(info.id()).orElseThrow().storageKey())
                .startsWith(DocumentService.ORIGINALS).doesNotContain("evil");
    }

    /**
     * Under load the preview queue fills: the uploads that find it full are still saved and answered, their
     * previews FAILED (to be rendered again). Before the fix the FAILED mark ran in the finished
     * transaction after its commit, failed, and the committed upload was answered with an error.
     */
    @Test
    void anUploadWhosePreviewsFindTheQueueFullIsSavedAndItsPreviewsAreFailed() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        useOnePreviewThreadAndQueuePlace(release, new CountDownLatch(1));
        try {
            List<DocumentInfo> saved = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // one rendering, one waiting, two refused by the full queue
                saved.add(upload("scan-" + i, "scan.png", Fixtures.png(60, 60)));
            }

            assertThat(saved).hasSize(4).allSatisfy(info -> assertThat(service.find(info.id())).isPresent());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(saved.subList(2, 4)).allSatisfy(info ->
                    assertThat(service.find(info.id()).orElseThrow().previewState()).isEqualTo(PreviewState.FAILED)));
        } finally {
            release.countDown();
        }
    }

    /**
     * The FAILED mark of a full queue takes no second connection on the committing thread: with every
     * connection of the pool but one held elsewhere, the upload that finds the queue full is answered and its
     * previews become FAILED. Before, the committing thread, still holding the last connection, waited for a
     * second one until the pool's timeout and the mark was lost; under load every upload thread held one
     * connection and waited for another (the pool ran dry, docs/load.md).
     */
    @Test
    void anUploadThatFindsThePreviewQueueFullNeedsOneConnectionOnly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch rendering = new CountDownLatch(1);
        useOnePreviewThreadAndQueuePlace(release, rendering);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            upload("scan-0", "scan.png", Fixtures.png(60, 60));
            assertThat(rendering.await(30, TimeUnit.SECONDS)).as("the one preview thread busy").isTrue();
            upload("scan-1", "scan.png", Fixtures.png(60, 60));
            while (pool.getHikariPoolMXBean().getActiveConnections() < pool.getMaximumPoolSize() - 1) {
                held.add(pool.getConnection());
            }

            DocumentInfo full = upload("scan-2", "scan.png", Fixtures.png(60, 60));

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(service.find(full.id()).orElseThrow().previewState()).isEqualTo(PreviewState.FAILED));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            release.countDown();
        }
    }

    /** Previews on one thread with one queue place; the rendering signals {@code rendering}, waits for {@code release}, fails. */
    private void useOnePreviewThreadAndQueuePlace(CountDownLatch release, CountDownLatch rendering) {
        PageRendering blocked = (file, type, maxPages, pages) -> {
            rendering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("not rendered in this test");
        };
        previewJobs.destroy();
        previewJobs = new PreviewJobs(store, documents, previewRows, provider(PageRendering.class, blocked),
                InspectionLimits.DEFAULTS, new IntakeProperties(Duration.ofHours(24), Duration.ofHours(1), 1, 1), transactions);
        DocumentRecords records = new DocumentRecords(documents, previewJobs, transactions, clock);
        service = new DocumentService(store, records, documents, previewRows, previewJobs,
                provider(DocumentInspection.class, inspection), InspectionLimits.DEFAULTS, audit, readers, transactions);
    }
}
