package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.inspection.DocumentType;
import org.reviewdesk.documents.inspection.InspectionFlag;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.documents.inspection.InspectionResult;
import org.reviewdesk.documents.inspection.RefusalReason;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents of cases: receiving an upload (straight to the store, size limit, SHA-256 and
 * inspection on the way; the record committed only once the object is stored and accepted),
 * versions per slot, page previews, and reading originals and previews after an access check.
 *
 * <p>A refused file leaves neither record nor object. If the record cannot be committed after the
 * object was stored, the object stays behind without a record and {@link OrphanSweep} removes it.
 *
 * <p>Slots are named by the capability that asks for the document, lower-case letters, digits and
 * hyphens; a slot whose name starts with {@value #ID_SCAN_SLOT_PREFIX} holds an identity document
 * scan (e.g. {@code id-front}, {@code id-back}, {@code id-agent}), and every staff view of it is audited.
 *
 * <p>Who reads: an applicant only the case whose access code they proved; a staff member only the
 * cases a {@link DocumentReadPolicy} lets them read (those of the processes their role handles),
 * asked again on every read, and each refusal is audited ({@value #AUDIT_READ_REFUSED}). URLs name a
 * version by its random {@link DocumentInfo#publicId()}, never by its sequential id.
 */
@NamedInterface("intake")
@Service
public class DocumentService implements DisposableBean {

    /** Slot names of identity document scans start with this. */
    public static final String ID_SCAN_SLOT_PREFIX = "id-";
    /** Audit action of a staff member viewing an ID scan (original or preview). */
    public static final String AUDIT_VIEW_ID_SCAN = "documents.viewIdScan";
    /** Audit action of a staff member refused a case's document (their role does not handle its process). */
    public static final String AUDIT_READ_REFUSED = "documents.readRefused";
    static final String ORIGINALS = "documents/";

    /**
     * Bytes per read and write while receiving: 8 KB (a BufferedOutputStream's) made a 10 MB upload
     * 1,300 write calls; this many make it 80, and stay small beside the part the SDK sends.
     */
    private static final int RECEIVE_BUFFER = 128 * 1024;
    private static final Pattern SLOT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final ObjectStore store;
    private final DocumentRecords records;
    private final DocumentRepository documents;
    private final DocumentPreviewRepository previews;
    private final PreviewJobs previewJobs;
    private final ObjectProvider<DocumentInspection> inspection;
    private final InspectionLimits limits;
    private final AuditLog audit;
    private final ObjectProvider<DocumentReadPolicy> readers;
    private final TransactionTemplate transaction;
    private final ReceivedCopies copies = new ReceivedCopies();

    DocumentService(ObjectStore store, DocumentRecords records, DocumentRepository documents,
                    DocumentPreviewRepository previews, PreviewJobs previewJobs,
                    ObjectProvider<DocumentInspection> inspection, InspectionLimits limits, AuditLog audit,
                    ObjectProvider<DocumentReadPolicy> readers, PlatformTransactionManager transactions) {
        this.store = store;
        this.records = records;
        this.documents = documents;
        this.previews = previews;
        this.previewJobs = previewJobs;
        this.inspection = inspection;
        this.limits = limits;
        this.audit = audit;
        this.readers = readers;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void destroy() {
        copies.close();
    }

    static boolean isIdScan(String slot) {
        return slot != null && slot.startsWith(ID_SCAN_SLOT_PREFIX);
    }

    /**
     * Receives a file into the next version of {@code slot} of case {@code caseRef}. Does not close
     * {@code in}. The declared type is only logged: the type is decided by content.
     *
     * @throws UserFacingException the file was refused (the inspection's key and arguments), the
     *     store is unavailable ({@code documents.store.unavailable}), the upload broke off, or the
     *     record could not be saved; in every case nothing is recorded
     */
    public DocumentInfo upload(String caseRef, String slot, String originalName, String declaredType,
                               InputStream in, String actor) {
        requireText(caseRef, "caseRef", 100);
        requireText(actor, "actor", 100);
        if (slot == null || !SLOT.matcher(slot).matches()) {
            throw new IllegalArgumentException("Not a slot name: " + slot);
        }
        DocumentInspection inspector = inspection.getIfAvailable();
        if (inspector == null) {
            throw new UserFacingException("intake.inspection.unavailable");
        }
        byte[] head = readHead(in);
        if (head.length == 0) {
            throw new UserFacingException(RefusalReason.EMPTY.messageKey());
        }
        DocumentType sniffed = FirstBytes.type(head).orElseThrow(() -> {
            log.info("Refused an upload to {}/{}: not PDF, JPEG or PNG by its first bytes (declared {})",
                    caseRef, slot, declaredType);
            return new UserFacingException(RefusalReason.UNSUPPORTED_TYPE.messageKey());
        });
        String key = ORIGINALS + UUID.randomUUID();
        Path copy = copies.create();
        try {
            ReceivingStream receiving = receive(new SequenceInputStream(new ByteArrayInputStream(head), in), copy);
            String sha256 = receiving.sha256(); // once: reading the digest resets it
            // inspection (in its bounded worker) and the store upload (on this thread) both read the
            // received copy, so they run side by side: the upload costs about the longer of the two
            CompletableFuture<InspectionResult> inspecting = inspector.inspectAsync(copy);
            try {
                storeCopy(key, copy, sniffed, sha256);
            } catch (RuntimeException e) {
                // the copy must outlive the inspection reading it; waiting is bounded by its time limit
                inspecting.handle((r, t) -> null).join();
                throw e;
            }
            InspectionResult result;
            try {
                result = inspecting.join();
            } catch (CompletionException e) {
                deleteQuietly(key);
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            if (!result.accepted()) {
                deleteQuietly(key);
                log.info("Refused an upload to {}/{}: {}", caseRef, slot, result.refusal());
                throw new UserFacingException(result.refusal().messageKey(), result.refusal().argumentArray());
            }
            DocumentRecords.Received received = new DocumentRecords.Received(caseRef, slot,
                    DisplayNames.sanitise(originalName), receiving.count(), sha256, key, actor);
            StoredDocument saved;
            try {
                saved = records.insert(received, result);
            } catch (RuntimeException e) {
                // the object stays: the orphan sweep removes it once the grace period has passed
                log.error("The record of stored object {} ({}/{}) could not be saved; left to the orphan sweep",
                        key, caseRef, slot, e);
                throw new UserFacingException(e, "intake.upload.notSaved");
            }
            return info(saved);
        } finally {
            copies.discard(copy);
        }
    }

    /** Every version of a slot, newest first; what it holds is for the caller to show to whom it may. */
    public List<DocumentInfo> versions(String caseRef, String slot) {
        return documents.versions(caseRef, slot).stream().map(DocumentService::info).toList();
    }

    /** The newest version in each slot of a case, in one query (a status page asks on every call). */
    public Map<String, DocumentInfo> latestVersions(String caseRef) {
        return documents.latestOfCase(caseRef).stream().map(DocumentService::info)
                .collect(Collectors.toMap(DocumentInfo::slot, d -> d));
    }

    public Optional<DocumentInfo> find(long documentId) {
        return documents.findById(documentId).map(DocumentService::info);
    }

    /** The rendered pages, in order; empty while previews are PENDING or FAILED. */
    public List<PreviewPage> previews(long documentId) {
        return previews.ofDocument(documentId).stream()
                .map(p -> new PreviewPage(p.page(), p.width(), p.height()))
                .toList();
    }

    /** A PDF's text layer (empty for images and scans), for cross-checks against the form. */
    public String textLayer(long documentId, Access access) {
        StoredDocument document = authorised(() -> documents.findById(documentId), access, false);
        return document.textLayer() == null ? "" : document.textLayer();
    }

    /**
     * Whether the stored text layer of a document shows {@code code} and {@code name}; for images
     * and scanned PDFs {@link TextCrossCheck#textLayer()} is false.
     */
    public TextCrossCheck crossCheck(long documentId, Access access, String code, String name) {
        return TextCrossCheck.of(authorised(() -> documents.findById(documentId), access, false).textLayer(), code, name);
    }

    /** Renders the previews again, e.g. after FAILED; they become PENDING until done. */
    public void retryPreviews(long documentId) {
        transaction.executeWithoutResult(status -> {
            if (documents.setPreviewState(documentId, PreviewState.PENDING) == 0) {
                throw new UserFacingException("intake.document.notFound");
            }
            previewJobs.renderAfterCommit(documentId);
        });
    }

    /**
     * The original as uploaded, with the type detected by content. A staff view of an ID scan is
     * audited before the content is handed out.
     *
     * @throws AccessDeniedException the caller may not read this case's documents
     */
    public DocumentContent openOriginal(long documentId, Access access) {
        return original(authorised(() -> documents.findById(documentId), access, true));
    }

    /** {@link #openOriginal(long, Access)} of the version a URL names by its public id. */
    public DocumentContent openOriginal(UUID publicId, Access access) {
        return original(authorised(() -> documents.findByPublicId(publicId), access, true));
    }

    /** Page {@code page} (from 1) as PNG, when the previews are READY. */
    public DocumentContent openPreview(long documentId, int page, Access access) {
        return preview(authorised(() -> documents.findById(documentId), access, true), page);
    }

    /** {@link #openPreview(long, int, Access)} of the version a URL names by its public id. */
    public DocumentContent openPreview(UUID publicId, int page, Access access) {
        return preview(authorised(() -> documents.findByPublicId(publicId), access, true), page);
    }

    /**
     * Refuses, before anything of the case is shown, a reader who may not read the case's documents:
     * for views that list a case's versions (the listing itself, {@link #versions}, asks nobody).
     *
     * @throws AccessDeniedException the caller may not read this case's documents (audited for staff)
     */
    public void requireReadable(String caseRef, Access access) {
        if (access instanceof Access.Applicant applicant) {
            if (!applicant.caseRef().equals(caseRef)) {
                throw new AccessDeniedException("case " + caseRef + " is not the applicant's " + applicant.caseRef());
            }
            return;
        }
        CurrentUser user = ((Access.Staff) access).user();
        if (!mayRead(user, caseRef)) {
            throw refused(user, caseRef, "the case's documents");
        }
    }

    private DocumentContent original(StoredDocument document) {
        return new DocumentContent(get(document.storageKey()), document.detectedType().mediaType(),
                downloadName(document), document.sizeBytes());
    }

    private DocumentContent preview(StoredDocument document, int page) {
        DocumentPreview preview = previews.page(document.id(), page)
                .orElseThrow(() -> new UserFacingException("intake.preview.notFound", page));
        String name = baseName(downloadName(document)) + "-" + page + ".png";
        return new DocumentContent(get(preview.storageKey()), "image/png", name, -1);
    }

    private StoredDocument authorised(Supplier<Optional<StoredDocument>> lookup, Access access, boolean view) {
        if (access instanceof Access.Applicant applicant) {
            return transaction.execute(status -> {
                // an applicant learns nothing about documents of other cases, not even that they exist
                StoredDocument document = lookup.get().orElseThrow(() -> new AccessDeniedException("no such document"));
                if (!document.caseRef().equals(applicant.caseRef())) {
                    throw new AccessDeniedException("document " + document.id() + " is not of case " + applicant.caseRef());
                }
                return document;
            });
        }
        CurrentUser user = ((Access.Staff) access).user();
        StoredDocument document = transaction.execute(status -> lookup.get()
                .orElseThrow(() -> new UserFacingException("intake.document.notFound")));
        if (!mayRead(user, document.caseRef())) {
            throw refused(user, document.caseRef(), describe(document));
        }
        if (view && isIdScan(document.slot())) {
            transaction.executeWithoutResult(status ->
                    audit.record(user.username(), AUDIT_VIEW_ID_SCAN, document.caseRef(), describe(document)));
        }
        return document;
    }

    /** Staff read a case only when a policy says their role handles its process; nobody claims it: nobody reads. */
    private boolean mayRead(CurrentUser user, String caseRef) {
        return !user.roles().isEmpty() && readers.stream().anyMatch(policy -> policy.mayRead(user, caseRef));
    }

    /** Audited on its own: the refusal is the record, there is no act to commit it with. */
    private AccessDeniedException refused(CurrentUser user, String caseRef, String what) {
        log.warn("Refused {} ({}) reading {} of case {}", user.username(), user.roles(), what, caseRef);
        audit.recordNow(user.username(), AUDIT_READ_REFUSED, caseRef, what + "; roles " + user.roles());
        return new AccessDeniedException(user.username() + " may not read the documents of " + caseRef);
    }

    private static String describe(StoredDocument document) {
        return "document " + document.id() + ", slot " + document.slot() + ", version " + document.version();
    }

    private InputStream get(String key) {
        try {
            return store.get(key);
        } catch (DocumentStoreException e) {
            throw new UserFacingException(e, e.messageKey());
        }
    }

    /** Receives the upload into the temporary copy, counting, hashing and enforcing the size limit. */
    private ReceivingStream receive(InputStream content, Path copy) {
        try (OutputStream out = Files.newOutputStream(copy)) {
            ReceivingStream receiving = new ReceivingStream(content, out, limits.maxBytes());
            byte[] buffer = new byte[RECEIVE_BUFFER];
            try {
                while (receiving.read(buffer, 0, buffer.length) >= 0) {
                    // ReceivingStream hashes, counts and copies what passes
                }
            } catch (ReceivingStream.TooLarge e) {
                throw new UserFacingException(RefusalReason.TOO_LARGE.messageKey(), megabytes(limits.maxBytes()));
            }
            return receiving;
        } catch (IOException e) {
            throw new UserFacingException(e, DocumentStoreException.UPLOAD_INTERRUPTED);
        }
    }

    /**
     * Stores the received copy; the SDK reads its parts from the file, not from the heap, and signs
     * the upload with the SHA-256 computed while receiving (the server checks the body against it).
     */
    private void storeCopy(String key, Path copy, DocumentType type, String sha256) {
        try {
            store.put(key, copy, type.mediaType(), sha256);
        } catch (DocumentStoreException e) {
            deleteQuietly(key);
            log.warn("Storing an upload failed: {}", e.getMessage());
            throw new UserFacingException(e, e.messageKey());
        }
    }

    /** Best effort: what cannot be deleted now is an orphan the sweep removes later. */
    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (DocumentStoreException e) {
            log.warn("Could not delete {} now; the orphan sweep will: {}", key, e.getMessage());
        }
    }

    private static byte[] readHead(InputStream in) {
        try {
            return FirstBytes.read(in);
        } catch (IOException e) {
            throw new UserFacingException(e, DocumentStoreException.UPLOAD_INTERRUPTED);
        }
    }

    static String megabytes(long bytes) {
        double value = bytes / (1024.0 * 1024.0);
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The display name, with the extension of the type detected by content if it has another one. */
    static String downloadName(StoredDocument document) {
        String name = document.displayName();
        String extension = document.detectedType().extension();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean matches = lower.endsWith("." + extension)
                || (document.detectedType() == DocumentType.JPEG && lower.endsWith(".jpeg"));
        return matches ? name : name + "." + extension;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1 to " + max + " characters");
        }
    }

    static DocumentInfo info(StoredDocument d) {
        Set<InspectionFlag> flags = EnumSet.noneOf(InspectionFlag.class);
        if (d.flags() != null && !d.flags().isBlank()) {
            Arrays.stream(d.flags().split(",")).forEach(f -> flags.add(InspectionFlag.valueOf(f)));
        }
        return new DocumentInfo(d.id(), d.publicId(), d.caseRef(), d.slot(), d.version(), d.displayName(), d.detectedType(),
                d.sizeBytes(), d.sha256(), d.previewState(), d.pageCount() == null ? 0 : d.pageCount(), flags,
                d.createdBy(), d.createdAt());
    }
}
