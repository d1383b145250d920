package org.reviewdesk.window;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.reviewdesk.platform.BusinessTime;

/**
 * What a reviewer's workbench shows of the in-person identity checks on a case: one line each,
 * "identity verified in person at the window by …, document …, at …". Every process's workbench
 * adds this (from {@link InPersonVerifications#find}) to its case card; nothing shows when there is none.
 */
public class InPersonLines extends Div {

    public InPersonLines(List<InPersonVerification> checks, BusinessTime time) {
        addClassName("workbench-in-person-lines");
        boolean first = true;
        for (InPersonVerification v : checks) {
            String document = getTranslation(v.idType().messageKey()) + " " + v.idNumberMasked();
            Paragraph line = new Paragraph(VaadinIcon.USER_CHECK.create(), new Span(getTranslation("window.identity.verifiedAtWindow",
                    v.verifiedByName(), document, time.minute(v.verifiedAt()))));
            line.addClassName("workbench-in-person");
            if (first) {
                line.setId("workbench-in-person");
                first = false;
            }
            add(line);
        }
        setVisible(!checks.isEmpty());
    }
}
