package org.reviewdesk.window;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;

/**
 * The in-person identity check card (现场身份核验): the clerk picks one of the open cases, the type of
 * the original document seen and its number; {@link InPersonVerifications} compares and records. The
 * checks already recorded for the case are listed under it. On the window page and on a case's page.
 */
class IdentityCheck extends Div {

    private final InPersonVerifications verifications;
    private final BusinessTime time;
    final Select<String> identityCase = new Select<>();
    final Select<IdType> identityType = new Select<>();
    final TextField identityNumber = new TextField();
    final Paragraph identityResult = new Paragraph();
    final Div identityRecorded = new Div();

    IdentityCheck(InPersonVerifications verifications, BusinessTime time) {
        this.verifications = verifications;
        this.time = time;
        setId("window-identity");
        identityCase.setId("window-identity-case");
        identityCase.setLabel(getTranslation("window.identity.case"));
        identityCase.addValueChangeListener(e -> showRecorded(e.getValue()));
        identityType.setId("window-identity-type");
        identityType.setLabel(getTranslation("window.identity.type"));
        identityType.setItems(IdType.values());
        identityType.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        identityNumber.setId("window-identity-number");
        identityNumber.setLabel(getTranslation("window.identity.number"));
        identityNumber.setHelperText(getTranslation("window.identity.numberHelper", InPersonVerifications.MIN_DIGITS));
        identityNumber.setMaxLength(18);
        identityResult.setId("window-identity-result");
        identityRecorded.setId("window-identity-recorded");
    }

    /** The card for these open cases (the first chosen); nothing when there is none. */
    void show(List<String> openCases) {
        removeAll();
        if (openCases.isEmpty()) {
            return;
        }
        identityCase.setItems(openCases);
        identityCase.setValue(openCases.get(0));
        identityType.setValue(IdType.RESIDENT_ID);
        identityNumber.clear();
        identityResult.setText("");
        identityResult.removeClassNames("window-identity--ok", "window-identity--refused");
        Button record = new Button(getTranslation("window.identity.record"), VaadinIcon.CHECK.create(), e -> record());
        record.setId("window-identity-record");
        showRecorded(openCases.get(0));
        add(card(getTranslation("window.identity.title"), new Paragraph(getTranslation("window.identity.help")),
                identityCase, identityType, identityNumber, record, identityResult, identityRecorded));
    }

    private void record() {
        try {
            InPersonVerification v = verifications.record(identityCase.getValue(), identityType.getValue(), identityNumber.getValue());
            identityResult.setText(getTranslation("window.identity.recorded", v.verifiedByName(), time.minute(v.verifiedAt())));
            identityResult.removeClassName("window-identity--refused");
            identityResult.addClassName("window-identity--ok");
            identityNumber.clear();
            showRecorded(v.caseRef());
        } catch (UserFacingException e) {
            identityResult.setText(getTranslation(e.messageKey(), e.arguments()));
            identityResult.removeClassName("window-identity--ok");
            identityResult.addClassName("window-identity--refused");
        }
    }

    private void showRecorded(String caseRef) {
        identityRecorded.removeAll();
        if (caseRef == null) {
            return;
        }
        verifications.find(caseRef).forEach(v -> identityRecorded.add(new Paragraph(getTranslation("window.identity.line",
                getTranslation(v.idType().messageKey()), v.idNumberMasked(), v.verifiedByName(), time.minute(v.verifiedAt())))));
    }

    /** A card of the window's pages: a title and its content. */
    static Div card(String title, Component... content) {
        Div card = new Div(new H2(title));
        card.add(content);
        card.addClassNames("card", "window-card");
        return card;
    }
}
