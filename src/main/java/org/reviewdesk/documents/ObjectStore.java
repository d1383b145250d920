package org.reviewdesk.documents;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GivenHashClient;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that talks to the S3-compatible store, through the MinIO SDK, whichever server is
 * behind it. Every failure of the store comes out as a {@link DocumentStoreException}; put, get,
 * stat and delete are timed as {@value #TIMER} tagged by operation and outcome.
 *
 * <p>Keys are made by the application (never from a file name): letters, digits, {@code . _ -},
 * segments separated by {@code /}, each segment starting with a letter or digit.
 */
public class ObjectStore {

    /**
     * Part size of uploads of unknown length. The SDK buffers one part in memory, so this bounds the
     * memory an upload takes, and 10,000 parts of it (S3's limit) bound the object size at ~100 GB.
     */
    public static final long DEFAULT_PART_SIZE = 10L * 1024 * 1024;
    static final String TIMER = "reviewdesk.documents.store";

    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_KEY_LENGTH = 512;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");
    /** HEAD answers carry no body; MinIO then names a 404 NoSuchKey, or NoSuchObject on some servers. */
    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchObject");
    private static final Set<String> BUCKET_ALREADY_THERE = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    private final MinioClient client;
    /** Stores files whose SHA-256 is already known without the SDK hashing them again; may be null. */
    private final GivenHashClient givenHash;
    private final String bucket;
    private final long partSize;
    private final MeterRegistry meters;
    private volatile boolean bucketReady;

    public ObjectStore(MinioClient client, String bucket, long partSize, MeterRegistry meters) {
        this(client, null, bucket, partSize, meters);
    }

    /**
     * With {@code givenHash}, a client to the same server with the same credentials, {@link
     * #put(String, Path, String, String)} signs the upload with the caller's SHA-256 instead of the
     * SDK reading and hashing the file a second time.
     */
    public ObjectStore(MinioClient client, GivenHashClient givenHash, String bucket, long partSize, MeterRegistry meters) {
        this.givenHash = givenHash;
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, was " + partSize);
        }
        this.client = Objects.requireNonNull(client);
        this.bucket = Objects.requireNonNull(bucket);
        this.partSize = partSize;
        this.meters = Objects.requireNonNull(meters);
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Stores {@code content} under {@code key}, replacing what was there. The length need not be
     * known: the content is streamed in parts, at most one part in memory at a time. Does not close
     * {@code content}.
     */
    public StoredObject put(String key, InputStream content, String contentType) {
        checkKey(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        CountingInputStream counted = new CountingInputStream(content);
        return timed("put", key, () -> {
            if (!bucketReady) {
                ensureBucket();
            }
            try {
                ObjectWriteResponse written = client.putObject(PutObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .stream(counted, -1, partSize)
                        .contentType(contentType)
                        .build());
                return new StoredObject(key, counted.count, contentType, unquote(written.etag()));
            } catch (Exception e) {
                if (counted.sourceFailure != null) {
                    throw new DocumentStoreException(DocumentStoreException.UPLOAD_INTERRUPTED,
                            "Reading the content for " + key + " failed", counted.sourceFailure);
                }
                throw e;
            }
        });
    }

    /**
     * Stores a file of known size. The SDK reads each part from the file, so no part is held on the
     * heap: the way to store an upload that was already received into a temporary file.
     */
    public StoredObject put(String key, Path file, String contentType) {
        return put(key, file, contentType, null);
    }

    /**
     * The same, for a file whose SHA-256 (lower-case hex) the caller computed while receiving it: with a
     * {@link GivenHashClient} the upload is signed with that hash and the server refuses a body that
     * does not match it, so the hash is checked without the SDK reading and hashing the file again.
     * Without that client, without a hash, or for a file of more than one part, the SDK's own upload.
     */
    public StoredObject put(String key, Path file, String contentType, String sha256Hex) {
        checkKey(key);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        return timed("put", key, () -> {
            if (!bucketReady) {
                ensureBucket();
            }
            UploadObjectArgs args = UploadObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .filename(file.toString(), partSize)
                    .contentType(contentType)
                    .build();
            ObjectWriteResponse written;
            if (givenHash == null || sha256Hex == null) {
                written = client.uploadObject(args);
            } else {
                try {
                    written = givenHash.uploadObject(args, sha256Hex).join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return new StoredObject(key, Files.size(file), contentType, unquote(written.etag()));
        });
    }

    /** What the store knows about {@code key}, or empty when there is no such object. */
    public Optional<StoredObject> stat(String key) {
        checkKey(key);
        return timed("stat", key, () -> {
            try {
                StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return Optional.of(new StoredObject(key, stat.size(), stat.contentType(), unquote(stat.etag())));
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /**
     * The content of {@code key}, streamed from the store; the caller closes it. The timer measures
     * the time to the first byte, not the reading. A missing object is a {@link DocumentStoreException}
     * with {@link DocumentStoreException#MISSING}: a record points to it, so it is not a normal case.
     */
    public InputStream get(String key) {
        checkKey(key);
        return timed("get", key, () -> {
            try {
                return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
            } catch (ErrorResponseException e) {
                if (isNotFound(e)) {
                    throw new DocumentStoreException(DocumentStoreException.MISSING,
                            "No object " + key + " in bucket " + bucket, e);
                }
                throw e;
            }
        });
    }

    /** Removes {@code key}; removing what is not there is not an error. */
    public void delete(String key) {
        checkKey(key);
        timed("delete", key, () -> {
            try {
                client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            } catch (ErrorResponseException e) {
                if (!isNotFound(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Keys of the objects last modified before {@code cutoff}, for the orphan sweep. Lazy: the
     * listing is fetched page by page as the stream is consumed, and a failure while doing so is a
     * {@link DocumentStoreException} thrown from the stream operation.
     */
    public Stream<String> keysLastModifiedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        Iterable<Result<Item>> listing = client.listObjects(
                ListObjectsArgs.builder().bucket(bucket).recursive(true).build());
        return StreamSupport.stream(listing.spliterator(), false)
                .map(this::item)
                .filter(item -> !item.isDir() && item.lastModified().toInstant().isBefore(cutoff))
                .map(Item::objectName);
    }

    /** Whether the bucket exists: the question the health indicator asks. */
    public boolean bucketExists() {
        return call("bucketExists", bucket, () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    /**
     * Creates the bucket if it is missing. Several nodes may start at once against one MinIO, so a
     * bucket created by another between the check and the creation counts as success.
     */
    void ensureBucket() {
        call("makeBucket", bucket, () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    log.info("Created the document bucket {}", bucket);
                } catch (ErrorResponseException e) {
                    if (!BUCKET_ALREADY_THERE.contains(e.errorResponse().code())) {
                        throw e;
                    }
                }
            }
            return null;
        });
        bucketReady = true;
    }

    private Item item(Result<Item> result) {
        return call("list", bucket, result::get);
    }

    private <T> T timed(String operation, String key, StoreCall<T> action) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failure";
        try {
            T result = call(operation, key, action);
            outcome = "success";
            return result;
        } finally {
            sample.stop(meters.timer(TIMER, "operation", operation, "outcome", outcome));
        }
    }

    private <T> T call(String operation, String key, StoreCall<T> action) {
        try {
            return action.call();
        } catch (DocumentStoreException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new DocumentStoreException(DocumentStoreException.UNAVAILABLE,
                    "Document store " + operation + " of " + key + " in bucket " + bucket + " failed: " + e, e);
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a valid document key: " + key);
        }
    }

    private static boolean isNotFound(ErrorResponseException e) {
        return NOT_FOUND.contains(e.errorResponse().code());
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T call() throws Exception;
    }

    /** Counts what the SDK read and remembers whether the source (not the store) failed. */
    private static final class CountingInputStream extends FilterInputStream {

        long count;
        IOException sourceFailure;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = remember(() -> super.read());
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = remember(() -> super.read(buffer, offset, length));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private int remember(IoRead read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                sourceFailure = e;
                throw e;
            }
        }

        @FunctionalInterface
        private interface IoRead {
            int read() throws IOException;
        }
    }
}
