package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * A document's {@link TextCrossCheck} as the reviewer reads it next to the pages: the credit code
 * and the name found or not in the text layer, or that there is none (an image or a scan, to be read
 * by eye).
 */
@NamedInterface("intake")
public class TextCrossCheckBadges extends Div {

    public TextCrossCheckBadges(TextCrossCheck check) {
        addClassName("text-cross-check");
        setTitle(getTranslation("intake.textCheck.help"));
        if (!check.textLayer()) {
            add(pill("intake.textCheck.noTextLayer", null));
            return;
        }
        add(pill(check.codeFound() ? "intake.textCheck.code.found" : "intake.textCheck.code.notFound", check.codeFound()),
                pill(check.nameFound() ? "intake.textCheck.name.found" : "intake.textCheck.name.notFound", check.nameFound()));
    }

    private Span pill(String key, Boolean found) {
        Span pill = new Span(getTranslation(key));
        pill.addClassName("workbench-pill");
        if (found != null) {
            pill.addClassName(found ? "workbench-pill--passed" : "workbench-pill--flagged");
        }
        return pill;
    }
}
