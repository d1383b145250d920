package org.reviewdesk.documents.inspection;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's parser, run without its repair mode and with the streams it unpacks on its own while
 * parsing (cross-reference streams, object streams) measured by the {@link StreamGuard} first.
 *
 * <p>Why no repair: a file that needs repairing is one whose cross-reference data disagrees with its
 * body, so different readers see different objects (the reviewer's PDF viewer may find what this
 * inspection did not). Such files are refused instead; a real scan or export parses strictly.
 *
 * <p>PDFBox swallows the failure of an object it cannot read and hands back null; the first failure
 * and the first refusal are kept here so that the inspection can say what went wrong.
 */
final class HardenedPdfParser extends PDFParser {

    private static final String RECURSION_LIMIT = "maximum recursion depth";

    private final StreamGuard guard;
    private final Set<Long> checkedObjectStreams = new HashSet<>();
    private IOException firstFailure;
    private InspectionRefusedException firstRefusal;

    HardenedPdfParser(RandomAccessRead source, StreamGuard guard) throws IOException {
        // an empty password opens files that only have an owner password; unpacked stream data
        // goes to temporary files, not the heap
        super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        this.guard = guard;
    }

    PDDocument parseStrictly() throws IOException {
        return parse(false);
    }

    @Override
    protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
        COSStream stream = super.parseCOSStream(dictionary);
        if (COSName.XREF.equals(dictionary.getItem(COSName.TYPE))) {
            guarded(stream); // decoded right after this, during parsing
        }
        return stream;
    }

    @Override
    protected COSBase parseObjectStreamObject(long objectStreamNumber, COSObjectKey key) throws IOException {
        if (checkedObjectStreams.add(objectStreamNumber)) {
            COSBase objectStream = document.getObjectFromPool(getObjectKey(objectStreamNumber, 0)).getObject();
            if (objectStream instanceof COSStream stream) {
                guarded(stream); // read already decrypted, as PDFBox reads it next
            }
        }
        return super.parseObjectStreamObject(objectStreamNumber, key);
    }

    @Override
    protected synchronized COSBase parseObjectDynamically(COSObjectKey key, boolean requireExistingNotCompressedObj)
            throws IOException {
        Interruptions.check();
        try {
            return super.parseObjectDynamically(key, requireExistingNotCompressedObj);
        } catch (IOException e) {
            if (firstFailure == null) {
                firstFailure = e;
            }
            throw e;
        } catch (InspectionRefusedException e) {
            if (firstRefusal == null) {
                firstRefusal = e;
            }
            throw e;
        }
    }

    private void guarded(COSStream stream) throws IOException {
        try {
            guard.check(stream);
        } catch (InspectionRefusedException e) {
            if (firstRefusal == null) {
                firstRefusal = e;
            }
            throw e;
        }
    }

    /**
     * What to tell about a failure seen while parsing or reading objects: a refusal found on the way
     * (PDFBox may have swallowed it), nesting beyond PDFBox's recursion limit, or damage.
     */
    InspectionRefusedException explain(Throwable failure) {
        if (firstRefusal != null) {
            return firstRefusal;
        }
        if (failure instanceof InspectionRefusedException refused) {
            return refused;
        }
        if (mentionsRecursionLimit(failure) || mentionsRecursionLimit(firstFailure)) {
            return InspectionRefusedException.of(RefusalReason.NESTING_TOO_DEEP, "PDFBox " + RECURSION_LIMIT);
        }
        Throwable cause = failure != null ? failure : firstFailure;
        return InspectionRefusedException.of(RefusalReason.DAMAGED, cause == null ? "an object cannot be read" : cause.toString());
    }

    /** True when an object failed to load, though PDFBox carried on with null. */
    boolean sawFailure() {
        return firstFailure != null || firstRefusal != null;
    }

    private static boolean mentionsRecursionLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(RECURSION_LIMIT)) {
                return true;
            }
        }
        return false;
    }
}
