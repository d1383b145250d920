package org.reviewdesk.applicants;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/**
 * One document a reviewer asked for again, on the applicant's status page of any process: its name
 * and that a new version is needed, the reviewer's reason, what has arrived since, and the upload field.
 * The field goes on listing the version that was judged, so the line above it says whether that counts.
 */
public class SupplementItem extends Div {

    private final Paragraph state = new Paragraph();

    /**
     * @param documentName the slot's name, translated
     * @param reason why a new version is needed, in the reviewer's words, or null
     * @param field where the new file goes
     */
    public SupplementItem(String slot, String documentName, String reason, Component field) {
        setId("supplement-item-" + slot);
        addClassName("applicant-supplement__item");
        H3 title = new H3(getTranslation("applicant.status.supplement.newVersion", documentName));
        title.addClassName("applicant-supplement__title");
        add(title);
        if (reason != null && !reason.isBlank()) {
            Paragraph why = new Paragraph(getTranslation("applicant.status.supplement.why", reason.strip()));
            why.addClassName("applicant-quote");
            add(why);
        }
        state.setId("supplement-state-" + slot);
        state.addClassName("applicant-supplement__state");
        add(state, field);
    }

    /**
     * Says what the slot holds now.
     *
     * @param version the newest version's number, or null when the slot is empty
     * @param answered that version arrived after the request
     */
    public void describe(Integer version, String fileName, boolean answered) {
        state.setText(version == null ? getTranslation("applicant.status.supplement.noVersion")
                : getTranslation(answered ? "applicant.status.supplement.received" : "applicant.status.supplement.rejectedVersion",
                version, fileName));
        getElement().getClassList().set("is-answered", answered);
    }
}
