package org.reviewdesk.platform;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A label and its value in a card of facts (the theme's {@code workbench-facts} grid); "—" for none. */
public final class Facts {

    private Facts() {
    }

    public static Div row(String label, String value) {
        Span labelText = new Span(label);
        labelText.addClassName("workbench-facts__label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("workbench-facts__value");
        Div row = new Div(labelText, text);
        row.addClassName("workbench-facts__row");
        return row;
    }
}
