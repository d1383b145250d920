package org.reviewdesk.documents.inspection;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;

/**
 * Looks at every dictionary of a parsed PDF for active content, and has every stream measured.
 *
 * <p>It is fed each indirect object of the file (every entry of the cross-reference data, of every
 * revision) and walks what is written directly inside it; references are not followed, since what
 * they point to is fed in on its own. So every dictionary of the file is seen exactly once, whether
 * or not anything reaches it from the catalog, wherever it sits (object streams included), and names
 * are compared as PDFBox decoded them ({@code /J#61vaScript} is {@code /JavaScript}). An identity set
 * guards against an object being walked twice, a depth limit against nesting the parser let through.
 */
final class ActiveContentScan {

    /** Real documents nest a few levels; PDFBox's parser stops at 500 too. */
    static final int MAX_DEPTH = 500;

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName SUBMIT_FORM = COSName.getPDFName("SubmitForm");
    private static final COSName GO_TO_R = COSName.getPDFName("GoToR");
    private static final COSName GO_TO_E = COSName.getPDFName("GoToE");
    private static final COSName IMPORT_DATA = COSName.getPDFName("ImportData");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final Set<COSName> MEDIA_ANNOTATIONS = Set.of(COSName.getPDFName("RichMedia"),
            COSName.getPDFName("Screen"), COSName.getPDFName("Movie"), COSName.getPDFName("Sound"),
            COSName.getPDFName("3D"));
    private static final Set<COSName> MEDIA_ACTIONS = Set.of(COSName.getPDFName("RichMediaExecute"),
            COSName.getPDFName("Rendition"), COSName.getPDFName("Movie"), COSName.getPDFName("Sound"));
    private static final Set<COSName> SIGNATURE_TYPES = Set.of(COSName.SIG, COSName.getPDFName("DocTimeStamp"));

    private final StreamGuard guard;
    private final Set<InspectionFlag> flags = EnumSet.noneOf(InspectionFlag.class);
    private final Set<COSBase> walked = Collections.newSetFromMap(new IdentityHashMap<>());

    ActiveContentScan(StreamGuard guard) {
        this.guard = guard;
    }

    /** Flags found so far (links, signatures). */
    Set<InspectionFlag> flags() {
        return flags;
    }

    /** Walks one indirect object (or the trailer), throwing at the first active content. */
    void scan(COSBase root) throws IOException {
        Deque<Entry> stack = new ArrayDeque<>();
        stack.push(new Entry(root, 0));
        while (!stack.isEmpty()) {
            Entry entry = stack.pop();
            COSBase object = entry.object;
            if (object instanceof COSObject || !(object instanceof COSDictionary || object instanceof COSArray)) {
                continue; // references are walked as their own roots; numbers, names and strings are inert
            }
            if (entry.depth > MAX_DEPTH) {
                throw InspectionRefusedException.of(RefusalReason.NESTING_TOO_DEEP, "objects nested " + entry.depth + " deep");
            }
            if (!walked.add(object)) {
                continue;
            }
            Interruptions.check();
            if (object instanceof COSDictionary dictionary) {
                inspect(dictionary);
                for (COSBase value : dictionary.getValues()) {
                    stack.push(new Entry(value, entry.depth + 1));
                }
                if (dictionary instanceof COSStream stream) {
                    guard.check(stream);
                }
            } else {
                for (COSBase element : (COSArray) object) {
                    stack.push(new Entry(element, entry.depth + 1));
                }
            }
        }
    }

    private void inspect(COSDictionary dictionary) {
        COSName action = name(dictionary, COSName.S);
        COSName type = name(dictionary, COSName.TYPE);
        COSName subtype = name(dictionary, COSName.SUBTYPE);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)
                || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            throw refused(RefusalReason.JAVASCRIPT, "JavaScript");
        }
        if (LAUNCH.equals(action)) {
            throw refused(RefusalReason.LAUNCH_ACTION, "a Launch action");
        }
        if (GO_TO_E.equals(action) || dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || COSName.EMBEDDED_FILE.equals(type) || FILE_ATTACHMENT.equals(subtype)) {
            throw refused(RefusalReason.EMBEDDED_FILE, "an embedded file");
        }
        if (dictionary.containsKey(COSName.XFA)) {
            throw refused(RefusalReason.XFA_FORM, "an XFA form");
        }
        if (subtype != null && MEDIA_ANNOTATIONS.contains(subtype) || action != null && MEDIA_ACTIONS.contains(action)) {
            throw refused(RefusalReason.RICH_MEDIA, "multimedia");
        }
        if (SUBMIT_FORM.equals(action)) {
            throw refused(RefusalReason.SUBMIT_FORM, "a SubmitForm action");
        }
        if (GO_TO_R.equals(action)) {
            throw refused(RefusalReason.REMOTE_GO_TO, "a GoToR action");
        }
        if (IMPORT_DATA.equals(action)) {
            throw refused(RefusalReason.IMPORT_DATA, "an ImportData action");
        }
        if (COSName.URI.equals(action)) {
            flags.add(InspectionFlag.EXTERNAL_LINKS);
        }
        if (dictionary.containsKey(COSName.BYTERANGE) && (type == null || SIGNATURE_TYPES.contains(type))) {
            flags.add(InspectionFlag.SIGNED);
        }
    }

    private static COSName name(COSDictionary dictionary, COSName key) {
        return dictionary.getDictionaryObject(key) instanceof COSName name ? name : null;
    }

    private static InspectionRefusedException refused(RefusalReason reason, String what) {
        return InspectionRefusedException.of(reason, "the PDF carries " + what);
    }

    private record Entry(COSBase object, int depth) {
    }
}
