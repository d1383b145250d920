package org.reviewdesk.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One row of a list as a phone shows it ({@link NarrowScreen#cardOnly}): a title line (the row's name, and
 * beside it its state), then the row's other values one per line, smaller ones for what matters less, and
 * the row's actions. Every value is text, never HTML.
 */
public class PhoneCard extends Div {

    public PhoneCard(String title, Component... besideTitle) {
        Span name = new Span(title);
        name.addClassName("phone-card__title");
        Div head = new Div(name);
        head.add(besideTitle);
        head.addClassName("phone-card__head");
        add(head);
        addClassName("phone-card");
    }

    /** A line of text. */
    public PhoneCard line(String text) {
        add(new Span(text));
        return this;
    }

    /** A line of text in a language of its own (a Chinese name in the English UI), so it wraps and reads as such. */
    public PhoneCard line(String text, String language) {
        Div line = new Div(text);
        line.getElement().setAttribute("lang", language);
        add(line);
        return this;
    }

    /** A smaller, secondary line. */
    public PhoneCard minor(String text) {
        Span line = new Span(text);
        line.addClassName("phone-card__sub");
        add(line);
        return this;
    }

    /** A state as a badge: green when on ("启用", "Active"), grey when off. */
    public static Span state(String text, boolean on) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(on ? "badge success" : "badge contrast");
        return badge;
    }
}
