package org.reviewdesk.documents.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of every receipt (acceptance and deregistration). Empty means "use the default": the issuer's name then comes
 * from the receipt bundle ({@code receipt.issuer}), since it is a text in the document's language
 * like every other on it, and the font from the well-known system locations {@link ReceiptFont}
 * searches.
 *
 * @param issuer the issuing body printed on the receipt, e.g. a city's service centre
 * @param font a TrueType font file (.ttf) or collection (.ttc) with Chinese glyphs
 * @param fontName the PostScript name of the font to take from a collection (e.g.
 *                 {@code WenQuanYiZenHei}); empty takes the first usable one
 */
@ConfigurationProperties(prefix = "reviewdesk.documents.receipt")
public record ReceiptProperties(@DefaultValue("") String issuer,
                         @DefaultValue("") String font,
                         @DefaultValue("") String fontName) {

    public ReceiptProperties {
        issuer = issuer == null ? "" : issuer.strip();
        font = font == null ? "" : font.strip();
        fontName = fontName == null ? "" : fontName.strip();
    }

    public static ReceiptProperties defaults() {
        return new ReceiptProperties("", "", "");
    }
}
