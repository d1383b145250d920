package org.reviewdesk.documents.receipt;

import java.util.List;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.OperatorWarningSource;
import org.springframework.stereotype.Component;

/**
 * Tells operators when applicants cannot download their acceptance receipt for want of a Chinese
 * font, before the first applicant finds out.
 */
@Component
class ReceiptFontWarnings implements OperatorWarningSource {

    private final ReceiptFont font;

    ReceiptFontWarnings(ReceiptFont font) {
        this.font = font;
    }

    @Override
    public List<OperatorWarning> currentWarnings() {
        return font.problem().stream().toList();
    }
}
