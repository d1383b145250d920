package org.reviewdesk.review;

import java.util.Locale;
import org.reviewdesk.platform.Languages;

/**
 * One reason of a process's list of rejection reasons (table {@code review_decision_reason}), as
 * administrators and supervisors edit it. The code never changes; an unused reason is deactivated,
 * never deleted, because past decisions name it.
 *
 * @param textRequired the reviewer must explain in free text when choosing it (e.g. OTHER)
 */
public record DecisionReason(long id, String processKey, String code, String templateZh, String templateEn,
                             boolean textRequired, boolean active, int sortOrder) {

    /** The template in the reader's language (Chinese unless English). */
    public String template(Locale locale) {
        return Languages.supported(locale).equals(Languages.ENGLISH) ? templateEn : templateZh;
    }

    /** The reason as a decision keeps it: its texts as they are now. */
    public StatedReason stated() {
        return new StatedReason(code, templateZh, templateEn);
    }
}
