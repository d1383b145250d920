package org.reviewdesk.accounts;

import java.util.List;

/**
 * What an import did. Every data row is counted once: imported (a new account), unchanged (the desk
 * already had exactly this), updated (an imported account whose data the portal changed) or refused.
 *
 * @param charset how the file's text was read: UTF-8 BOM, UTF-8 or GB18030
 * @param notes rows taken with a note the administrator should read, e.g. an account's newer name kept
 *     (a row and a message, as a refusal is)
 */
public record ImportReport(long importId, String fileName, String charset, int rows, int imported, int unchanged,
                           int updated, List<RowRefusal> refusals, List<RowRefusal> notes) {

    public ImportReport {
        refusals = List.copyOf(refusals);
        notes = List.copyOf(notes);
    }

    public int refused() {
        return refusals.size();
    }
}
