package org.reviewdesk.platform;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * Personal data on a staff screen: shown masked, with a "show in full" button beside it that asks the
 * screen's service for the full value. The service checks who may see it and goes through
 * {@link PersonalDataReveals} (audited, counted against the daily allowance); a refusal is shown in the
 * user's language and the value stays masked. Shared by every screen that reveals (the workbenches,
 * the hotline's case screen).
 */
public final class RevealableFact {

    private RevealableFact() {
    }

    /**
     * A facts row ({@link Facts#row}) with the masked value and, when there is one, the reveal button.
     *
     * @param prefix shown before the value, masked or full (an ID type), or null
     * @param field which value: names the button ({@code reveal-representative-id-number}) and its row
     * @param reveal the full value through the audited service
     */
    public static Div row(String label, String prefix, String masked, PersonalDataField field, Supplier<String> reveal) {
        String id = "reveal-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String shown = masked == null || masked.isBlank() ? "" : (prefix == null ? "" : prefix + " ") + masked;
        Div row = Facts.row(label, shown);
        row.setId(id + "-row");
        if (shown.isEmpty()) {
            return row;
        }
        Span value = (Span) row.getChildren().skip(1).findFirst().orElseThrow();
        Button show = button(id, reveal, full -> {
            value.setText((prefix == null ? "" : prefix + " ") + full);
            value.addClassName("personal-data__revealed");
        });
        Div withButton = new Div(value, show);
        withButton.addClassName("personal-data__value");
        row.add(withButton);
        return row;
    }

    /**
     * A small "show in full" button: runs the reveal and hands the full value to {@code show}, then hides
     * itself; a refusal (the daily limit, a case the user may not open) is an error notification.
     */
    public static Button button(String id, Supplier<String> reveal, Consumer<String> show) {
        Button button = new Button(VaadinIcon.EYE.create());
        button.setText(button.getTranslation("platform.reveal.show"));
        button.setId(id);
        button.addClassName("personal-data__reveal");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("title", button.getTranslation("platform.reveal.showHint"));
        button.addClickListener(e -> {
            try {
                show.accept(reveal.get());
                button.setVisible(false);
            } catch (UserFacingException refused) {
                error(button, button.getTranslation(refused.messageKey(), refused.arguments()));
            } catch (AccessDeniedException refused) {
                error(button, button.getTranslation("platform.reveal.denied"));
            }
        });
        return button;
    }

    private static void error(Button button, String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.addClassName("personal-data__refused");
    }
}
