package org.reviewdesk.platform;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The body of the 403 and 404 pages, inside the staff shell: what happened in the user's language,
 * the address they asked for, and two ways back (the previous page, the user's start page). Never
 * says whether a page the user may not open exists beyond what the status tells.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private final H2 title = new H2();
    private final Paragraph message = new Paragraph();
    private final Paragraph address = new Paragraph();
    private String titleKey = "";

    ErrorPage(String id) {
        setId(id);
        addClassName("error-page");
        address.addClassName("error-page-address");
        Button back = new Button(getTranslation("platform.error.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        back.setId(id + "-back");
        Button start = new Button(getTranslation("platform.error.start"), VaadinIcon.HOME.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(HomeView.class)));
        start.setId(id + "-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, message, address, new HorizontalLayout(back, start));
    }

    /** Fills the page for one navigation; the path is shown as text, never as markup. */
    void show(String titleKey, String messageKey, String path) {
        this.titleKey = titleKey;
        title.setText(getTranslation(titleKey));
        message.setText(getTranslation(messageKey));
        address.setText(getTranslation("platform.error.address", "/" + path));
    }

    @Override
    public String getPageTitle() {
        return titleKey.isEmpty() ? getTranslation("platform.product.name") : getTranslation(titleKey);
    }
}
