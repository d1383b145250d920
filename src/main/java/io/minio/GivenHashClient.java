package io.minio;

import com.google.common.collect.Multimap;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.concurrent.CompletableFuture;

/**
 * A MinIO client that stores a file whose SHA-256 the caller already knows, without the SDK's own
 * pass over the file to hash it again. The request is signed (SigV4) with the given hash as
 * {@code x-amz-content-sha256}, so the server still checks the body against it and refuses a
 * mismatch. In this package because SDK 8.6's {@code PartSource}, the one body type whose hash the
 * SDK takes as given, is package-private; everything else goes through the client's protected
 * {@code executePutAsync}.
 */
public class GivenHashClient extends MinioAsyncClient {

    public GivenHashClient(MinioAsyncClient client) {
        super(client);
    }

    /**
     * Stores {@code args}' file in one PUT signed with {@code sha256Hex} (lower-case hex of the
     * whole file). Files of more than one part go through the SDK's own {@link #uploadObject}.
     */
    public CompletableFuture<ObjectWriteResponse> uploadObject(UploadObjectArgs args, String sha256Hex)
            throws Exception {
        if (args.partCount() != 1 || sha256Hex == null) {
            return uploadObject(args);
        }
        checkArgs(args);
        args.validateSse(this.baseUrl);
        RandomAccessFile file = new RandomAccessFile(args.filename(), "r");
        try {
            PartSource part = new PartSource(1, file, args.objectSize(), null, sha256Hex);
            Multimap<String, String> headers = newMultimap(args.genHeaders());
            if (!headers.containsKey("Content-Type")) {
                headers.put("Content-Type", args.contentType());
            }
            return executePutAsync(args, headers, null, part, 0)
                    .thenApply(response -> {
                        try {
                            return new ObjectWriteResponse(response.headers(), args.bucket(), args.region(),
                                    args.object(), response.header("ETag").replace("\"", ""),
                                    response.header("x-amz-version-id"));
                        } finally {
                            response.close();
                        }
                    })
                    .whenComplete((written, failure) -> closeQuietly(file));
        } catch (Exception | Error e) {
            closeQuietly(file);
            throw e;
        }
    }

    private static void closeQuietly(RandomAccessFile file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only: nothing was lost
        }
    }
}
