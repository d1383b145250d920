package org.reviewdesk.review;

import java.util.Locale;
import org.reviewdesk.platform.Languages;

/**
 * A reason as a decision stated it: the code and the template's texts at decision time, so a later
 * edit of the template never changes what the applicant was told.
 */
public record StatedReason(String code, String textZh, String textEn) {

    public String text(Locale locale) {
        return Languages.supported(locale).equals(Languages.ENGLISH) ? textEn : textZh;
    }
}
