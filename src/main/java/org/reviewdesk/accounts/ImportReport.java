package org.reviewdesk.accounts;

import java.util.List;

/**
 * What an import did. Every data row is counted once: imported (a new account), unchanged (the desk
 * already had exactly this), updated (an imported account whose data the portal changed) or refused.
 *
 * @param charset how the file's text was read: UTF-8 BOM, UTF-8 or GB18030
 */
public record ImportReport(long importId, String fileName, String charset, int rows, int imported, int unchanged,
                           int updated, List<RowRefusal> refusals) {

    public ImportReport {
        refusals = List.copyOf(refusals);
    }

    public int refused() {
        return refusals.size();
    }
}
