package org.reviewdesk.documents.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders page previews after the upload's record has committed, on a small pool of its own so the
 * upload answers at once and renderings never take every thread of the node. A rendering that fails,
 * or finds the queue full, leaves the document's previews FAILED, which the reviewer sees and can
 * retry ({@link DocumentService#retryPreviews}).
 */
@Component
class PreviewJobs implements DisposableBean {

    static final String PREFIX = "previews/";

    private static final Logger log = LoggerFactory.getLogger(PreviewJobs.class);

    private final ObjectStore store;
    private final DocumentRepository documents;
    private final DocumentPreviewRepository previews;
    private final ObjectProvider<PageRendering> rendering;
    private final InspectionLimits limits;
    private final TransactionTemplate transaction;
    private final ThreadPoolExecutor executor;
    /** Marks FAILED the documents whose rendering found the queue full after a commit (see {@link #renderAfterCommit}). */
    private final ExecutorService failedMarks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "document-preview-failed");
        thread.setDaemon(true);
        return thread;
    });

    PreviewJobs(ObjectStore store, DocumentRepository documents, DocumentPreviewRepository previews,
                ObjectProvider<PageRendering> rendering, InspectionLimits limits, IntakeProperties properties,
                PlatformTransactionManager transactions) {
        this.store = store;
        this.documents = documents;
        this.previews = previews;
        this.rendering = rendering;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
        // after a commit the finished transaction's resources are still bound: joining them writes nothing
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.previewThreads(), properties.previewThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.previewQueue()), runnable -> {
                    Thread thread = new Thread(runnable, "document-preview-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    static String key(long documentId, int page) {
        return PREFIX + documentId + "/" + page + ".png";
    }

    /** Renders once the current transaction commits (at once when there is none); never on rollback. */
    void renderAfterCommit(long documentId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // the document is committed: nothing here may fail the upload that saved it
                    try {
                        submit(documentId, true);
                    } catch (RuntimeException e) {
                        log.warn("Previews of document {} could not be queued; the reviewer can render them again", documentId, e);
                    }
                }
            });
        } else {
            submit(documentId, false);
        }
    }

    /**
     * @param afterCommit called from a commit's afterCommit: the committing thread still holds its connection
     *     until the callback returns, so the FAILED mark of a full queue is written on another thread. Written
     *     here, it took a second connection per upload: under load every connection of the pool was held by an
     *     upload waiting for a second one (HikariPool total=10 active=10 waiting=38, docs/load.md).
     */
    private void submit(long documentId, boolean afterCommit) {
        try {
            executor.execute(() -> render(documentId));
        } catch (RejectedExecutionException e) {
            log.warn("Preview queue full: previews of document {} marked FAILED, to be retried", documentId);
            if (afterCommit) {
                failedMarks.execute(() -> markFailed(documentId));
            } else {
                setState(documentId, PreviewState.FAILED);
            }
        }
    }

    private void markFailed(long documentId) {
        try {
            setState(documentId, PreviewState.FAILED);
        } catch (RuntimeException e) {
            log.warn("Previews of document {} could not be marked FAILED; the reviewer can render them again", documentId, e);
        }
    }

    void render(long documentId) {
        StoredDocument document = documents.findById(documentId).orElse(null);
        if (document == null) {
            return;
        }
        Path original = null;
        try {
            PageRendering renderer = rendering.getIfAvailable();
            if (renderer == null) {
                throw new IllegalStateException("no PageRendering bean: previews cannot be rendered");
            }
            original = Files.createTempFile("reviewdesk-preview-", ".bin");
            try (InputStream in = store.get(document.storageKey())) {
                Files.copy(in, original, StandardCopyOption.REPLACE_EXISTING);
            }
            List<DocumentPreview> pages = new ArrayList<>();
            renderer.render(original, document.detectedType(), limits.maxPreviewPages(), (page, width, height, png) -> {
                String key = key(documentId, page);
                store.put(key, new ByteArrayInputStream(png), "image/png");
                pages.add(new DocumentPreview(documentId, page, key, width, height));
            });
            if (pages.isEmpty()) {
                throw new IOException("no page rendered");
            }
            transaction.executeWithoutResult(status -> {
                previews.deleteOfDocument(documentId);
                previews.flush();
                previews.saveAll(pages);
                documents.setPreviewState(documentId, PreviewState.READY);
            });
            log.debug("Rendered {} preview pages of document {}", pages.size(), documentId);
        } catch (Exception e) {
            log.warn("Previews of document {} failed; marked FAILED, to be retried", documentId, e);
            setState(documentId, PreviewState.FAILED);
        } finally {
            deleteQuietly(original);
        }
    }

    void setState(long documentId, PreviewState state) {
        transaction.executeWithoutResult(status -> documents.setPreviewState(documentId, state));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}", file, e);
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        failedMarks.shutdown();
    }
}
