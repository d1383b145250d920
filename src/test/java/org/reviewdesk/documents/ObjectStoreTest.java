package org.reviewdesk.documents;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.documents.DocumentStoreTestSupport.BUCKET;
import static org.reviewdesk.documents.DocumentStoreTestSupport.SMALL_PART_SIZE;
import static org.reviewdesk.documents.DocumentStoreTestSupport.sha256;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store against the embedded server, through the MinIO SDK as in production. */
class ObjectStoreTest {

    @TempDir
    static Path directory;
    static EmbeddedS3Server server;

    SimpleMeterRegistry meters;
    ObjectStore store;

    @BeforeAll
    static void startServer() {
        server = DocumentStoreTestSupport.startServer(directory);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createStore() {
        meters = new SimpleMeterRegistry();
        store = storeFor(BUCKET, meters);
        store.ensureBucket();
    }

    @Test
    void contentOfUnknownLengthLargerThanAPartRoundTripsUnchanged() throws IOException {
        byte[] content = randomBytes(SMALL_PART_SIZE * 2 + 123_457);
        String key = "documents/round-trip/v1";

        StoredObject stored = store.put(key, new ByteArrayInputStream(content), "application/pdf");

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.etag()).as("multipart etag").endsWith("-3");
        assertThat(store.stat(key)).hasValueSatisfying(stat -> {
            assertThat(stat.size()).isEqualTo(content.length);
            assertThat(stat.etag()).isEqualTo(stored.etag());
        });
        try (InputStream read = store.get(key)) {
            assertThat(sha256(read)).isEqualTo(sha256(new ByteArrayInputStream(content)));
        }
        store.delete(key);
        assertThat(store.stat(key)).isEmpty();
    }

    @Test
    void smallContentKeepsItsContentType() {
        String key = "documents/small/v1";

        StoredObject stored = store.put(key, text("a licence scan"), "image/png");

        assertThat(stored.size()).isEqualTo(14);
        assertThat(store.stat(key)).map(StoredObject::contentType).hasValue("image/png");
    }

    @Test
    void aFileIsStoredInOnePutSignedWithTheHashGivenForIt() throws IOException {
        byte[] content = randomBytes(300_001);
        Path file = Files.write(directory.resolve("given-hash.bin"), content);
        String key = "documents/given-hash/v1";

        StoredObject stored = store.put(key, file, "application/pdf", sha256(new ByteArrayInputStream(content)));

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.etag()).as("one PUT, not a multipart upload").doesNotContain("-");
        assertThat(store.stat(key)).map(StoredObject::contentType).hasValue("application/pdf");
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aFileWhoseGivenHashIsNotItsOwnIsRefusedByTheServerAndNotStored() throws IOException {
        byte[] content = randomBytes(300_001);
        Path file = Files.write(directory.resolve("wrong-hash.bin"), content);
        String otherHash = sha256(text("not the file"));
        String key = "documents/wrong-hash/v1";

        // the SDK signs the request with the given hash and the server checks the body against it:
        // were the SDK to hash the file itself, this upload would succeed
        assertThatThrownBy(() -> store.put(key, file, "application/pdf", otherHash))
                .isInstanceOfSatisfying(DocumentStoreException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UNAVAILABLE));
        assertThat(store.stat(key)).isEmpty();
        assertThat(timerCount("put", "failure")).isEqualTo(1);
    }

    @Test
    void aFileOfSeveralPartsWithAGivenHashIsStoredInParts() throws IOException {
        byte[] content = randomBytes(SMALL_PART_SIZE + 77);
        Path file = Files.write(directory.resolve("two-parts.bin"), content);
        String key = "documents/two-parts/v1";

        StoredObject stored = store.put(key, file, "image/png", sha256(new ByteArrayInputStream(content)));

        assertThat(stored.etag()).as("multipart etag").endsWith("-2");
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void statOfAnUnknownKeyIsEmpty() {
        assertThat(store.stat("documents/never-stored")).isEmpty();
    }

    @Test
    void getOfAnUnknownKeyIsReportedAsMissing() {
        assertThatThrownBy(() -> store.get("documents/never-stored"))
                .isInstanceOfSatisfying(DocumentStoreException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.MISSING));
    }

    @Test
    void deletingTwiceIsNotAnError() {
        store.put("documents/deleted/v1", text("x"), "text/plain");
        store.delete("documents/deleted/v1");

        assertThatCode(() -> store.delete("documents/deleted/v1")).doesNotThrowAnyException();
    }

    @Test
    void listsOnlyKeysLastModifiedBeforeTheCutoff() throws InterruptedException {
        store.put("sweep/old", text("old"), "text/plain");
        // object times have a resolution of one second: the cutoff lies in a later second than the first
        // object's, and the second object in a later one still
        Instant first = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > first.getEpochSecond());
        Instant cutoff = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > cutoff.getEpochSecond());
        store.put("sweep/new", text("new"), "text/plain");

        assertThat(store.keysLastModifiedBefore(cutoff)).contains("sweep/old").doesNotContain("sweep/new");
    }

    @Test
    void anUploadThatBreaksOffIsNotBlamedOnTheStore() {
        InputStream breaksOff = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1_000) {
                    throw new IOException("connection reset by the browser");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put("documents/broken/v1", breaksOff, "application/pdf"))
                .isInstanceOfSatisfying(DocumentStoreException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UPLOAD_INTERRUPTED));
    }

    @Test
    void putsAndGetsAreTimedByOutcome() throws IOException {
        store.put("documents/timed/v1", text("timed"), "text/plain");
        store.get("documents/timed/v1").close();
        assertThatThrownBy(() -> store.get("documents/timed/missing")).isInstanceOf(DocumentStoreException.class);

        assertThat(timerCount("put", "success")).isEqualTo(1);
        assertThat(timerCount("get", "success")).isEqualTo(1);
        assertThat(timerCount("get", "failure")).isEqualTo(1);
    }

    @Test
    void keysThatCouldLeaveTheBucketOrComeFromFileNamesAreRefused() {
        for (String key : List.of("", "/abs", "a//b", "../etc/passwd", "a/../b", "a/./b", "dir/", "有名字.pdf", "a b")) {
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> store.stat(key));
        }
    }

    @Test
    void nodesCreatingTheBucketAtOnceAllSucceed() throws Exception {
        String bucket = "created-at-once";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ObjectStore node = storeFor(bucket, new SimpleMeterRegistry());
            nodes.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                node.ensureBucket();
            }));
        }
        start.countDown();

        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(storeFor(bucket, new SimpleMeterRegistry()).bucketExists()).isTrue();
    }

    private static ObjectStore storeFor(String bucket, SimpleMeterRegistry registry) {
        return DocumentStoreTestSupport.storeAt(server.endpoint().toString(), bucket, registry);
    }

    private long timerCount(String operation, String outcome) {
        return meters.get(ObjectStore.TIMER).tag("operation", operation).tag("outcome", outcome).timer().count();
    }

    private static byte[] randomBytes(long length) {
        byte[] bytes = new byte[Math.toIntExact(length)];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
