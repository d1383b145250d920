package org.reviewdesk.documents.intake;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.GivenHashClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.http.HttpUtils;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.flywaydb.core.Flyway;
import org.reviewdesk.documents.ApplicationStoreClient;
import org.reviewdesk.documents.EmbeddedS3Server;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.inspection.FileInspector;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.documents.inspection.InspectionResult;
import org.reviewdesk.documents.inspection.InspectionWorker;
import org.reviewdesk.documents.inspection.PreviewRenderer;
import org.reviewdesk.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 3's upload benchmark: a ~10 MB PDF (one page, one image of random pixels, so nothing
 * compresses; accepted by the real {@link FileInspector}) through the real {@link DocumentService}
 * (real {@link ObjectStore}, MinIO SDK, embedded S3 server on a temporary folder, H2 in memory with
 * the Flyway migrations, real inspector and preview renderer), against a direct MinIO SDK
 * {@code putObject} of the same bytes (unknown length, same part size) to the same server. Then 20
 * concurrent uploads, each streaming the file from disk, with the heap high-water mark.
 * Prints figures, asserts nothing. Targets: ratio direct/app at least 0.8; no OutOfMemoryError and
 * heap per concurrent upload at most 1.5 x the part size under {@code -Xmx512m}.
 *
 * <p>With {@code --separate-server} the S3 server runs in a child JVM, so that the heap figures are
 * the uploading side's alone (as against an external MinIO in production).
 *
 * <p>Not a test. Run it from the project folder:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.documents.intake.UploadBenchmark
 * </pre>
 */
public final class UploadBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int WARM_UP = 2;
    /** 20; {@code -Dbench.concurrent=n} to check that the per-upload figure does not depend on the heap's ceiling. */
    private static final int CONCURRENT = Integer.getInteger("bench.concurrent", 20);
    private static final String ACCESS_KEY = "bench-access";
    private static final String SECRET_KEY = "bench-secret-0123456789";
    private static final String BUCKET = "review-desk-bench";
    private static final long PART = ObjectStore.DEFAULT_PART_SIZE;
    private static final double MB = 1024.0 * 1024.0;

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path dir = Files.createTempDirectory("upload-benchmark");
        System.out.printf(Locale.ROOT, "JVM max heap %.0f MB, %d CPUs, GC %s, part size %.0f MB%n",
                Runtime.getRuntime().maxMemory() / MB, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                PART / MB);
        boolean separate = Arrays.asList(args).contains("--separate-server");
        System.out.println(separate
                ? "embedded S3 server in a separate JVM (-Xmx512m): the heap figures are the uploading side's alone"
                : "embedded S3 server in this JVM, as in the default start: the heap figures include the server");
        Process child = null;
        try (AutoCloseable server = separate ? null : EmbeddedS3Server.start(dir.resolve("objects"), ACCESS_KEY, SECRET_KEY);
             AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            String endpoint;
            if (separate) {
                child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                        "-cp", System.getProperty("java.class.path"), Server.class.getName(), dir.resolve("objects").toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                endpoint = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
            } else {
                endpoint = ((EmbeddedS3Server) server).endpoint().toString();
            }
            MinioClient client = minioClient(endpoint);
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
            MinioClient applicationClient = ApplicationStoreClient.at(endpoint, ACCESS_KEY, SECRET_KEY, separate);
            context.registerBean(MinioClient.class, () -> applicationClient);
            GivenHashClient givenHash = ApplicationStoreClient.givenHashAt(endpoint, ACCESS_KEY, SECRET_KEY, separate);
            context.registerBean(GivenHashClient.class, () -> givenHash);
            context.register(Beans.class, AuditLog.class, PreviewJobs.class, DocumentRecords.class,
                    DocumentService.class, InspectionAdapters.class);
            context.refresh();
            run(context, client, applicationClient, dir, child);
        } finally {
            if (child != null) {
                child.getOutputStream().close(); // the server stops at the end of its input
                child.waitFor();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * @param client the SDK's default client: the reference put
     * @param applicationClient the client as the application makes it (TCP_NODELAY), which the application's store uses
     */
    private static void run(AnnotationConfigApplicationContext context, MinioClient client, MinioClient applicationClient,
                            Path dir, Process server) throws Exception {
        DocumentService service = context.getBean(DocumentService.class);
        FileInspector inspector = context.getBean(FileInspector.class);
        DocumentRepository documents = context.getBean(DocumentRepository.class);

        long started = System.nanoTime();
        byte[] pdf = bigPdf(InspectionLimits.DEFAULTS.maxBytes());
        Path file = Files.write(dir.resolve("big.pdf"), pdf);
        InspectionResult checked = inspector.inspect(file);
        System.out.printf(Locale.ROOT, "file: %d bytes (limit %d), made in %.1f s, inspection: %s%n", pdf.length,
                InspectionLimits.DEFAULTS.maxBytes(), (System.nanoTime() - started) / 1e9,
                checked.accepted() ? "accepted, " + checked.pageCount() + " page(s)" : checked);
        if (!checked.accepted()) {
            throw new IllegalStateException("the benchmark file must be accepted");
        }

        // the same service, its inspection replaced by the (real) result computed above: upload minus inspection
        DocumentService uninspected = new DocumentService(context.getBean(ObjectStore.class),
                context.getBean(DocumentRecords.class), documents, context.getBean(DocumentPreviewRepository.class),
                context.getBean(PreviewJobs.class), provider(DocumentInspection.class, (DocumentInspection) f -> CompletableFuture.completedFuture(checked)),
                InspectionLimits.DEFAULTS, context.getBean(AuditLog.class), context.getBeanProvider(DocumentReadPolicy.class),
                context.getBean(PlatformTransactionManager.class));

        // the same service storing through the SDK's own uploadObject, which reads and hashes the copy
        // again: the code before the intake handed its SHA-256 to the SDK, timed in the same rounds
        ObjectStore sdkHashingStore = new ObjectStore(applicationClient, BUCKET, PART, new SimpleMeterRegistry());
        DocumentService sdkHashing = new DocumentService(sdkHashingStore,
                context.getBean(DocumentRecords.class), documents, context.getBean(DocumentPreviewRepository.class),
                context.getBean(PreviewJobs.class), context.getBeanProvider(DocumentInspection.class),
                InspectionLimits.DEFAULTS, context.getBean(AuditLog.class), context.getBeanProvider(DocumentReadPolicy.class),
                context.getBean(PlatformTransactionManager.class));

        AtomicLong n = new AtomicLong();
        Callable<Object> app = () -> service.upload("BENCH-" + n.incrementAndGet(), "licence", "big.pdf",
                "application/pdf", new ByteArrayInputStream(pdf), "bench");
        Callable<Object> appSdkHashing = () -> sdkHashing.upload("BENCH-" + n.incrementAndGet(), "licence", "big.pdf",
                "application/pdf", new ByteArrayInputStream(pdf), "bench");
        Callable<Object> appUninspected = () -> uninspected.upload("BENCH-" + n.incrementAndGet(), "licence",
                "big.pdf", "application/pdf", new ByteArrayInputStream(pdf), "bench");
        Callable<Object> direct = () -> client.putObject(PutObjectArgs.builder().bucket(BUCKET)
                .object("direct/" + n.incrementAndGet()).stream(new ByteArrayInputStream(pdf), -1, PART)
                .contentType("application/pdf").build());
        Callable<Object> directNoDelay = () -> applicationClient.putObject(PutObjectArgs.builder().bucket(BUCKET)
                .object("direct/" + n.incrementAndGet()).stream(new ByteArrayInputStream(pdf), -1, PART)
                .contentType("application/pdf").build());
        ObjectStore store = context.getBean(ObjectStore.class);
        Callable<Object> storeFile = () -> store.put("direct/" + n.incrementAndGet(), file, "application/pdf");
        String fileSha = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        Callable<Object> storeFileGivenHash = () -> store.put("direct/" + n.incrementAndGet(), file, "application/pdf", fileSha);
        Callable<Object> inspect = () -> inspector.inspect(file);
        Callable<Object> sha = () -> MessageDigest.getInstance("SHA-256").digest(pdf);
        Callable<Object> tempCopy = () -> {
            Path copy = Files.createTempFile("bench-copy-", ".bin");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(copy))) {
                new ByteArrayInputStream(pdf).transferTo(out);
            }
            Files.delete(copy);
            return null;
        };

        System.out.println();
        System.out.println("(1) one 10 MB upload, median of " + RUNS + " after " + WARM_UP + " warm-ups (ms), interleaved;"
                + " previews of each app upload awaited before the next run");
        Map<String, Callable<Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("direct MinIO putObject", direct);
        cases.put("DocumentService.upload", app);
        cases.put("upload, SDK hashes again", appSdkHashing);
        cases.put("upload, inspection stubbed", appUninspected);
        cases.put("  direct, the application's client", directNoDelay);
        cases.put("  ObjectStore.put(file) alone", storeFile);
        cases.put("  put(file) with our SHA-256", storeFileGivenHash);
        cases.put("  FileInspector.inspect alone", inspect);
        cases.put("  SHA-256 of the bytes alone", sha);
        cases.put("  temp-file copy alone", tempCopy);
        Map<String, long[]> times = new java.util.LinkedHashMap<>();
        Map<String, long[]> cpu = new java.util.LinkedHashMap<>();
        cases.keySet().forEach(k -> times.put(k, new long[RUNS]));
        cases.keySet().forEach(k -> cpu.put(k, new long[2]));
        for (int i = -WARM_UP; i < RUNS; i++) {
            for (Map.Entry<String, Callable<Object>> c : cases.entrySet()) {
                awaitPreviews(documents);
                System.gc(); // no case pays for collecting what the one before left (previews, the SDK's part buffer)
                long own0 = processCpu();
                long server0 = childCpu(server);
                long t0 = System.nanoTime();
                c.getValue().call();
                long t = System.nanoTime() - t0;
                long own = processCpu() - own0;
                long serverCpu = childCpu(server) - server0;
                if (i >= 0) {
                    times.get(c.getKey())[i] = t;
                    cpu.get(c.getKey())[0] += own;
                    cpu.get(c.getKey())[1] += serverCpu;
                }
            }
        }
        awaitPreviews(documents);
        for (Map.Entry<String, long[]> e : times.entrySet()) {
            long[] used = cpu.get(e.getKey());
            System.out.printf(Locale.ROOT, "%-32s median %7.1f  runs %-26s CPU per run: this JVM %6.1f, server JVM %6.1f%n",
                    e.getKey(), median(e.getValue()) / 1e6,
                    Arrays.toString(Arrays.stream(e.getValue()).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v / 1e6)).toArray()),
                    used[0] / 1e6 / RUNS, used[1] / 1e6 / RUNS);
        }
        double directMs = median(times.get("direct MinIO putObject")) / 1e6;
        double appMs = median(times.get("DocumentService.upload")) / 1e6;
        double stubMs = median(times.get("upload, inspection stubbed")) / 1e6;
        System.out.printf(Locale.ROOT, "ratio direct/app = %.2f (target >= 0.8); direct/app without inspection = %.2f;"
                        + " direct with the application's client/app = %.2f%n",
                directMs / appMs, directMs / stubMs, median(times.get("  direct, the application's client")) / 1e6 / appMs);
        long[] directRuns = times.get("direct MinIO putObject");
        long[] appRuns = times.get("DocumentService.upload");
        double[] paired = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            paired[i] = (double) directRuns[i] / appRuns[i];
        }
        Arrays.sort(paired);
        // each round times both back to back, so a slow moment of the shared machine hits both
        System.out.printf(Locale.ROOT, "median of the rounds' own ratios direct/app = %.2f%n", paired[RUNS / 2]);
        long[] directCpu = cpu.get("direct MinIO putObject");
        long[] appCpu = cpu.get("DocumentService.upload");
        System.out.printf(Locale.ROOT, "CPU-time ratio direct/app, both JVMs = %.2f (this JVM alone %.2f)%n",
                (double) (directCpu[0] + directCpu[1]) / (appCpu[0] + appCpu[1]), (double) directCpu[0] / appCpu[0]);
        long[] refRuns = times.get("upload, SDK hashes again");
        long[] refCpu = cpu.get("upload, SDK hashes again");
        for (int i = 0; i < RUNS; i++) {
            paired[i] = (double) directRuns[i] / refRuns[i];
        }
        Arrays.sort(paired);
        System.out.printf(Locale.ROOT, "reference (SDK hashes again): direct/app = %.2f, rounds' own %.2f,"
                        + " CPU-time ratio both JVMs %.2f (this JVM alone %.2f)%n",
                directMs / (median(refRuns) / 1e6), paired[RUNS / 2],
                (double) (directCpu[0] + directCpu[1]) / (refCpu[0] + refCpu[1]), (double) directCpu[0] / refCpu[0]);
        if (CONCURRENT == 0) {
            return;
        }

        System.out.println();
        System.out.println("(2) " + CONCURRENT + " concurrent 10 MB uploads, each streaming the file from disk");
        heap("direct MinIO putObject", () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return client.putObject(PutObjectArgs.builder().bucket(BUCKET).object("direct/" + n.incrementAndGet())
                        .stream(in, -1, PART).contentType("application/pdf").build());
            }
        }, () -> { });
        heap("DocumentService.upload", () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return service.upload("BENCH-" + n.incrementAndGet(), "licence", "big.pdf", "application/pdf", in, "bench");
            }
        }, () -> awaitPreviews(documents));
    }

    /** Runs {@link #CONCURRENT} uploads at once; prints the summed heap-pool peaks and the highest heap after a GC. */
    private static void heap(String label, Callable<Object> upload, Runnable settle) throws Exception {
        settle.run();
        System.gc();
        long baseline = heapUsed();
        List<MemoryPoolMXBean> pools = heapPools();
        AtomicLong maxAfterGc = new AtomicLong();
        AtomicLong gcs = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> pools.stream().anyMatch(p -> p.getName().equals(e.getKey())))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                maxAfterGc.accumulateAndGet(used, Math::max);
                gcs.incrementAndGet();
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            results.add(threads.submit(() -> {
                start.await();
                return upload.call();
            }));
        }
        // a full GC every 250 ms while the uploads run: the live heap, not the garbage
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
            }
        });
        long t0 = System.nanoTime();
        start.countDown();
        sampler.start();
        int failed = 0;
        String firstFailure = null;
        for (Future<Object> f : results) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = String.valueOf(e.getCause());
                }
            }
        }
        long elapsed = System.nanoTime() - t0;
        long peakUploads = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long afterGcUploads = maxAfterGc.get();
        long gcsUploads = gcs.get();
        settle.run();
        sampler.interrupt();
        sampler.join();
        long peakAll = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long afterGcAll = maxAfterGc.get();
        threads.shutdown();
        for (NotificationEmitter emitter : emitters) {
            emitter.removeNotificationListener(listener);
        }
        System.out.printf(Locale.ROOT, "%-24s %d ok, %d failed%s, %.1f s; heap before %.0f MB%n", label,
                CONCURRENT - failed, failed, firstFailure == null ? "" : " (" + firstFailure + ")", elapsed / 1e9,
                baseline / MB);
        System.out.printf(Locale.ROOT, "  while uploading: sum of heap-pool peaks %.0f MB, highest used after a GC %.0f MB (%d GCs)"
                        + " -> %.1f MB per upload above the baseline = %.2f x part size%n",
                peakUploads / MB, afterGcUploads / MB, gcsUploads,
                (afterGcUploads - baseline) / MB / CONCURRENT, (afterGcUploads - baseline) / (double) PART / CONCURRENT);
        System.out.printf(Locale.ROOT, "  (peak-based: %.1f MB per upload = %.2f x part size)%n",
                (peakUploads - baseline) / MB / CONCURRENT, (peakUploads - baseline) / (double) PART / CONCURRENT);
        if (peakAll != peakUploads || afterGcAll != afterGcUploads) {
            System.out.printf(Locale.ROOT, "  until the previews were rendered too: peaks %.0f MB, highest after a GC %.0f MB%n",
                    peakAll / MB, afterGcAll / MB);
        }
    }

    /** CPU time of this JVM, all threads (GC and JIT included), ns. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the S3 server's JVM, ns (0 when it runs in this one); Linux counts it in 10 ms ticks. */
    private static long childCpu(Process server) {
        return server == null ? 0 : server.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Waits until no document has PENDING previews, so renderings do not overlap the next measurement. */
    private static void awaitPreviews(DocumentRepository documents) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (documents.findAll().stream().anyMatch(d -> d.previewState() == PreviewState.PENDING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("previews still pending after 120 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A one-page PDF with a line of text and an image of random pixels (Flate cannot shrink it),
     * sized to just under {@code limit}: 64 KB under it, or closer.
     */
    static byte[] bigPdf(long limit) throws Exception {
        long target = limit - 64 * 1024;
        int side = (int) Math.sqrt(target / 3.0);
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] pdf = pdfWithImage(side, side);
            if (pdf.length <= limit && pdf.length > limit - 512 * 1024) {
                return pdf;
            }
            side = (int) (side * Math.sqrt((double) target / pdf.length));
        }
        throw new IllegalStateException("could not size the PDF");
    }

    private static byte[] pdfWithImage(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(1 << 24);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 780);
                content.showText("Upload benchmark: business licence scan");
                content.endText();
                content.drawImage(xobject, 72, 72, 450, 450f * height / width);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The SDK's default client, as a plain user of the SDK makes it. */
    private static MinioClient minioClient(String endpoint) {
        return MinioClient.builder()
                .endpoint(endpoint)
                .region("us-east-1")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .httpClient(HttpUtils.newDefaultHttpClient(5_000, 30_000, 30_000), true)
                .build();
    }

    static <T> ObjectProvider<T> provider(Class<T> type, Object bean) {
        return new StaticListableBeanFactory(Map.of("bean", bean)).getBeanProvider(type);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The embedded S3 server on its own, for {@code --separate-server}: prints its endpoint, stops at the end of its input. */
    public static final class Server {

        private Server() {
        }

        public static void main(String[] args) throws Exception {
            if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
                root.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            try (EmbeddedS3Server server = EmbeddedS3Server.start(Path.of(args[0]), ACCESS_KEY, SECRET_KEY)) {
                System.out.println(server.endpoint());
                System.out.flush();
                System.in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /** The intake's collaborators as the application makes them: H2 in memory, Flyway, JPA, inspection. */
    // a TestConfiguration: the application's component scan sees test classes in tests and must skip this
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    @EnableJpaRepositories(basePackageClasses = DocumentRepository.class,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
                    classes = {DocumentRepository.class, DocumentPreviewRepository.class}))
    static class Beans {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl("jdbc:h2:mem:upload-benchmark;DB_CLOSE_DELAY=-1");
            dataSource.setUsername("sa");
            dataSource.setMaximumPoolSize(10);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return dataSource;
        }

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(DocumentRepository.class.getPackageName());
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            Properties jpa = new Properties();
            jpa.setProperty("hibernate.hbm2ddl.auto", "validate");
            jpa.setProperty("hibernate.physical_naming_strategy",
                    "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
            factory.setJpaProperties(jpa);
            return factory;
        }

        @Bean
        JpaTransactionManager transactionManager(jakarta.persistence.EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        InspectionLimits inspectionLimits() {
            return InspectionLimits.DEFAULTS;
        }

        @Bean
        IntakeProperties intakeProperties() {
            return IntakeProperties.DEFAULTS;
        }

        @Bean(destroyMethod = "close")
        InspectionWorker inspectionWorker(InspectionLimits limits) {
            return new InspectionWorker(limits);
        }

        @Bean
        FileInspector fileInspector(InspectionLimits limits, InspectionWorker worker) {
            return new FileInspector(limits, worker);
        }

        @Bean
        PreviewRenderer previewRenderer(InspectionLimits limits, InspectionWorker worker) {
            return new PreviewRenderer(limits, worker);
        }

        @Bean
        ObjectStore objectStore(MinioClient client, GivenHashClient givenHash) {
            return new ObjectStore(client, givenHash, BUCKET, PART, new SimpleMeterRegistry());
        }
    }
}
