package org.reviewdesk.documents.inspection;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PDF that passed every check, open for reading its text or rendering its pages; anything else
 * ends in an {@link InspectionRefusedException}. The checks, in order:
 * <ol>
 * <li>strict parsing (no repair), without a password: a file that needs one is refused, one
 *     encrypted with only an owner password is flagged;</li>
 * <li>the page tree: no loops, counts that add up, at most the page limit;</li>
 * <li>every indirect object in the cross-reference data must load, and is scanned for active content
 *     with each stream measured before anything unpacks it;</li>
 * <li>every earlier revision of an incrementally updated file, as far as it parses on its own, is
 *     scanned the same way (a viewer can show an earlier revision, e.g. the signed version);</li>
 * <li>page sizes within what PDF allows (14,400 points, 200 inches, a side).</li>
 * </ol>
 * Must be used on one thread (an inspection worker) and closed.
 */
final class SafePdf implements Closeable {

    /** PDF's largest page side, in points (200 inches); larger is refused, which also bounds rendering. */
    static final float MAX_PAGE_SIDE = 14_400f;
    /** PDF's smallest page side, in points. */
    static final float MIN_PAGE_SIDE = 3f;
    /** Revisions looked at; real files have a handful (one per signature or edit). */
    static final int MAX_REVISIONS = 32;

    private static final byte[] EOF_MARKER = {'%', '%', 'E', 'O', 'F'};
    private static final Logger log = LoggerFactory.getLogger(SafePdf.class);

    private final PDDocument document;
    private final StreamGuard guard;
    private final List<COSDictionary> pages = new ArrayList<>();
    private final List<PageSize> pageSizes = new ArrayList<>();
    private final Set<InspectionFlag> flags = EnumSet.noneOf(InspectionFlag.class);

    private SafePdf(PDDocument document, StreamGuard guard) {
        this.document = document;
        this.guard = guard;
    }

    static SafePdf open(Path file, InspectionLimits limits) throws IOException {
        StreamGuard guard = new StreamGuard(limits.maxPixels());
        RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(file);
        HardenedPdfParser parser;
        PDDocument document;
        try {
            parser = new HardenedPdfParser(source, guard);
            document = parse(parser);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        SafePdf pdf = new SafePdf(document, guard);
        try {
            pdf.check(parser, file, limits);
            return pdf;
        } catch (IOException | RuntimeException | Error e) {
            pdf.close();
            throw e;
        }
    }

    private static PDDocument parse(HardenedPdfParser parser) throws IOException {
        try {
            return parser.parseStrictly();
        } catch (InvalidPasswordException e) {
            throw InspectionRefusedException.of(RefusalReason.PASSWORD_REQUIRED, "needs a user password");
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw parser.explain(e);
        }
    }

    PDDocument document() {
        return document;
    }

    StreamGuard guard() {
        return guard;
    }

    List<PageSize> pageSizes() {
        return List.copyOf(pageSizes);
    }

    Set<InspectionFlag> flags() {
        return flags;
    }

    private void check(HardenedPdfParser parser, Path file, InspectionLimits limits) throws IOException {
        if (document.isEncrypted()) {
            flags.add(InspectionFlag.OWNER_PASSWORD_ONLY);
        }
        collectPages(document.getDocumentCatalog().getCOSObject(), limits.maxPages(), parser);
        ActiveContentScan scan = new ActiveContentScan(guard);
        Set<Located> walked = new HashSet<>();
        scanRevision(document.getDocument(), parser, scan, walked);
        scanEarlierRevisions(file, scan, walked);
        flags.addAll(scan.flags());
        measurePages();
    }

    /** Every indirect object in one revision's cross-reference data, plus its trailer. */
    private static void scanRevision(COSDocument revision, HardenedPdfParser parser, ActiveContentScan scan,
                                     Set<Located> walked) throws IOException {
        Map<COSObjectKey, Long> xref = revision.getXrefTable();
        List<COSObjectKey> keys = new ArrayList<>(xref.keySet());
        keys.sort(Comparator.comparingLong(COSObjectKey::getNumber).thenComparingInt(COSObjectKey::getGeneration));
        for (COSObjectKey key : keys) {
            Interruptions.check();
            if (!walked.add(Located.of(key, xref))) {
                continue; // the same bytes were scanned in a later revision
            }
            COSBase object;
            try {
                object = revision.getObjectFromPool(key).getObject();
            } catch (RuntimeException e) {
                throw parser.explain(e);
            }
            if (object == null || (object instanceof COSNull && parser.sawFailure())) {
                throw parser.explain(null);
            }
            scan.scan(object);
        }
        scan.scan(revision.getTrailer());
        if (parser.sawFailure()) {
            throw parser.explain(null);
        }
    }

    /**
     * An incremental update appends objects, a new cross-reference section pointing back to the one
     * before ({@code /Prev}), and a new {@code %%EOF}; the file up to the {@code %%EOF} after that
     * earlier section is the earlier revision. A revision that does not parse on its own (a
     * linearized file's first-page section, say) cannot be shown by a viewer either: the walk stops.
     */
    private void scanEarlierRevisions(Path file, ActiveContentScan scan, Set<Located> walked) throws IOException {
        long end = Files.size(file);
        long previous = document.getDocument().getTrailer().getLong(COSName.PREV, -1);
        int revisions = 1;
        while (previous > 0 && previous < end) {
            long revisionEnd = endOfRevision(file, previous, end);
            if (revisionEnd < 0 || revisionEnd >= end) {
                break;
            }
            if (++revisions > MAX_REVISIONS) {
                throw InspectionRefusedException.of(RefusalReason.DAMAGED, "more than " + MAX_REVISIONS + " revisions");
            }
            try (RandomAccessRead prefix = new PrefixSource(file, revisionEnd)) {
                HardenedPdfParser parser = new HardenedPdfParser(prefix, guard);
                PDDocument earlier;
                try {
                    earlier = parser.parseStrictly();
                } catch (InspectionRefusedException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    log.debug("Revision ending at {} does not parse on its own, not looking further back: {}", revisionEnd, e.toString());
                    revisions--;
                    break;
                }
                try (earlier) {
                    scanRevision(earlier.getDocument(), parser, scan, walked);
                    previous = earlier.getDocument().getTrailer().getLong(COSName.PREV, -1);
                }
            }
            end = revisionEnd;
        }
        if (revisions > 1) {
            flags.add(InspectionFlag.INCREMENTAL_UPDATES);
        }
    }

    /** Just after the first {@code %%EOF} at or after {@code from}, or -1. */
    private static long endOfRevision(Path file, long from, long end) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(from);
            int matched = 0;
            for (long position = from; position < end; position++) {
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                matched = b == EOF_MARKER[matched] ? matched + 1 : (b == EOF_MARKER[0] ? 1 : 0);
                if (matched == EOF_MARKER.length) {
                    return position + 1;
                }
                if ((position & 0xFFFF) == 0) {
                    Interruptions.check();
                }
            }
            return -1;
        }
    }

    /**
     * Collects the pages in order, mirroring how PDFBox walks the tree (a node with /Type /Pages or
     * with /Kids is a node, anything else must be a /Page), and refuses loops, /Count values that do
     * not add up (PDFBox finds page N by them) and more pages than the limit, before any page is read.
     */
    private void collectPages(COSDictionary catalog, int maxPages, HardenedPdfParser parser) throws IOException {
        if (!(catalog.getDictionaryObject(COSName.PAGES) instanceof COSDictionary root)) {
            throw parser.sawFailure() ? parser.explain(null) : pageTreeInvalid("no page tree");
        }
        Set<COSDictionary> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        collectPages(root, 0, nodes, maxPages, parser);
        if (pages.isEmpty()) {
            throw pageTreeInvalid("no pages");
        }
    }

    private int collectPages(COSDictionary node, int depth, Set<COSDictionary> nodes, int maxPages,
                             HardenedPdfParser parser) throws IOException {
        Interruptions.check();
        if (depth > ActiveContentScan.MAX_DEPTH) {
            throw pageTreeInvalid("page tree deeper than " + ActiveContentScan.MAX_DEPTH);
        }
        if (COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || node.containsKey(COSName.KIDS)) {
            if (!nodes.add(node)) {
                throw pageTreeInvalid("the page tree loops back on itself");
            }
            if (!(node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids)) {
                throw pageTreeInvalid("a page tree node without kids");
            }
            int leaves = 0;
            for (int i = 0; i < kids.size(); i++) {
                if (!(kids.getObject(i) instanceof COSDictionary kid)) {
                    throw parser.sawFailure() ? parser.explain(null) : pageTreeInvalid("a page that is not a dictionary");
                }
                leaves += collectPages(kid, depth + 1, nodes, maxPages, parser);
            }
            int count = node.getInt(COSName.COUNT, -1);
            if (count != leaves) {
                throw pageTreeInvalid("a node counts " + count + " pages but has " + leaves);
            }
            return leaves;
        }
        if (!COSName.PAGE.equals(node.getCOSName(COSName.TYPE))) {
            throw pageTreeInvalid("a page without /Type /Page");
        }
        pages.add(node);
        if (pages.size() > maxPages) {
            throw InspectionRefusedException.of(RefusalReason.TOO_MANY_PAGES, "more than " + maxPages + " pages", maxPages);
        }
        return 1;
    }

    private void measurePages() {
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = new PDPage(pages.get(i));
            PDRectangle media = page.getMediaBox();
            PDRectangle crop = page.getCropBox();
            if (!sane(media) || !sane(crop)) {
                throw InspectionRefusedException.of(RefusalReason.PAGE_SIZE_INVALID,
                        "page " + (i + 1) + " measures " + media.getWidth() + " x " + media.getHeight() + " points", i + 1);
            }
            pageSizes.add(new PageSize(crop.getWidth(), crop.getHeight(), page.getRotation()));
        }
    }

    private static boolean sane(PDRectangle box) {
        float[] corners = {box.getLowerLeftX(), box.getLowerLeftY(), box.getUpperRightX(), box.getUpperRightY()};
        for (float corner : corners) {
            if (!Float.isFinite(corner)) {
                return false;
            }
        }
        return box.getWidth() >= MIN_PAGE_SIDE && box.getWidth() <= MAX_PAGE_SIDE
                && box.getHeight() >= MIN_PAGE_SIDE && box.getHeight() <= MAX_PAGE_SIDE;
    }

    private static InspectionRefusedException pageTreeInvalid(String detail) {
        return InspectionRefusedException.of(RefusalReason.PAGE_TREE_INVALID, detail);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    /**
     * Where one revision keeps an object: its number, generation and offset, or for an object in an
     * object stream the stream's number and the offset of that stream.
     */
    private record Located(long number, int generation, long offset, long containerOffset) {

        static Located of(COSObjectKey key, Map<COSObjectKey, Long> xref) {
            long offset = xref.get(key);
            long containerOffset = 0;
            if (offset < 0) {
                Long container = xref.get(new COSObjectKey(-offset, 0));
                containerOffset = container == null ? 0 : container;
            }
            return new Located(key.getNumber(), key.getGeneration(), offset, containerOffset);
        }
    }
}
