package org.reviewdesk.accounts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Facts;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.RevealableFact;

/**
 * One enterprise account as staff screens show it: its facts with the representative's name, ID number
 * and mobile masked, and optionally a button beside the ID number and the mobile that reveals the full
 * value through the screen's service (which checks the role, audits and counts it). Shared by the
 * screens that show an organisation (the hotline's case screen; the window's page can use it too).
 */
public class AccountSummary extends Div {

    private final Function<PersonalDataField, String> reveal;

    /**
     * @param reveal the full value of a field, through an audited service; null for no reveal buttons
     */
    public AccountSummary(EnterpriseAccount a, BusinessTime time, Function<PersonalDataField, String> reveal) {
        this.reveal = reveal;
        addClassNames("workbench-facts", "account-summary");
        setId("account-" + a.id());
        add(row("accounts.summary.name", a.name()));
        add(row("accounts.summary.uscc", a.uscc()));
        add(row("accounts.summary.type", getTranslation(a.legalPersonType().messageKey())));
        Div status = row("accounts.summary.status", "");
        status.getChildren().skip(1).findFirst().ifPresent(value -> status.replace(value, statusPill(a.status())));
        add(status);
        add(row("accounts.summary.representative", a.legalRepNameMasked()));
        add(revealable(a.id(), PersonalDataField.REPRESENTATIVE_ID_NUMBER, "accounts.summary.representativeId",
                a.representativeIdType() == null ? null : getTranslation(a.representativeIdType().messageKey()),
                a.representativeIdNumberMasked()));
        add(revealable(a.id(), PersonalDataField.REPRESENTATIVE_MOBILE, "accounts.summary.mobile", null,
                a.representativeMobileMasked()));
        add(row("accounts.summary.openedOn", BusinessTime.day(a.openedOn())));
        add(row("accounts.summary.source", getTranslation(a.source().messageKey())
                + (a.sourceCaseRef() == null ? "" : " · " + a.sourceCaseRef())));
        if (a.status() == AccountStatus.DEREGISTERED) {
            add(row("accounts.summary.deregisteredAt", time.minute(a.deregisteredAt())));
            add(row("accounts.summary.deregistrationReason", a.deregistrationReason()));
            add(row("accounts.summary.deregistrationCase", a.deregistrationCaseRef()));
        }
    }

    /** The names an account has had, the current one first, each with the day it took effect. */
    public static UnorderedList names(List<AccountName> history, BusinessTime time) {
        UnorderedList names = new UnorderedList();
        names.addClassName("account-names");
        for (int i = history.size() - 1; i >= 0; i--) {
            AccountName n = history.get(i);
            ListItem item = new ListItem(new Span(n.name()));
            Span since = new Span(" · " + item.getTranslation("accounts.summary.nameSince", time.day(n.validFrom())));
            since.addClassName("account-names__since");
            item.add(since);
            if (i < history.size() - 1) {
                item.addClassName("account-names__former");
            }
            names.add(item);
        }
        return names;
    }

    /** The account's status as a pill. */
    public static Span statusPill(AccountStatus status) {
        Span pill = new Span();
        pill.setText(pill.getTranslation("accounts.status." + status.name()));
        pill.addClassNames("workbench-pill", status == AccountStatus.ACTIVE ? "workbench-pill--passed" : "workbench-pill--neutral");
        return pill;
    }

    private Div revealable(long accountId, PersonalDataField field, String labelKey, String prefix, String masked) {
        String shown = masked == null || masked.isEmpty() ? "" : (prefix == null ? "" : prefix + " ") + masked;
        Div row = row(labelKey, shown);
        if (reveal == null || shown.isEmpty()) {
            return row;
        }
        Span value = (Span) row.getChildren().skip(1).findFirst().orElseThrow();
        Button show = revealButton("account-" + accountId + "-reveal-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                () -> reveal.apply(field), full -> {
                    value.setText((prefix == null ? "" : prefix + " ") + full);
                    value.addClassName("account-summary__revealed");
                });
        Div withButton = new Div(value, show);
        withButton.addClassName("account-summary__value");
        row.replace(value, withButton);
        return row;
    }

    /**
     * A small "show in full" button: runs the reveal (an audited service call) and hands the full value
     * to {@code show}, then hides itself; a refusal (the daily limit) is shown as an error notification.
     */
    public static Button revealButton(String id, Supplier<String> reveal, Consumer<String> show) {
        Button button = RevealableFact.button(id, reveal, show);
        button.addClassName("account-summary__reveal");
        return button;
    }

    private Div row(String labelKey, String value) {
        return Facts.row(getTranslation(labelKey), value);
    }
}
