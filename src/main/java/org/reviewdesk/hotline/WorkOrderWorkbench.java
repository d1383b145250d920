package org.reviewdesk.hotline;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.OffsetDateTime;
import java.util.List;
import org.reviewdesk.platform.DatePickers;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.CaseTimeline;
import org.reviewdesk.review.ColleagueNames;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.staff.HandlingUnit;
import org.springframework.security.access.AccessDeniedException;

/**
 * The body of the review view for a work-order task: the order (red when escalated), its timeline and
 * the actions of the step it waits at: dispatch or answer directly (agents), sign for it (the unit),
 * reply, ask for an extension or return it (the handler), decide the extension (supervisors), call
 * back (agents). Every action goes through {@link WorkOrders}, which checks role and ownership again.
 */
public class WorkOrderWorkbench extends Div {

    private final WorkOrders orders;
    private final BusinessTime time;
    private final CurrentUser user;
    private final Runnable onDecided;
    private final WorkOrder order;
    private final Paragraph error = new Paragraph();
    private final ColleagueNames colleagues;

    WorkOrderWorkbench(WorkOrders orders, ColleagueNames colleagues, ReviewTask task, CurrentUser user, BusinessTime time,
                       Runnable onDecided) {
        this.colleagues = colleagues;
        this.orders = orders;
        this.time = time;
        this.user = user;
        this.onDecided = onDecided;
        this.order = orders.byNumber(task.businessKey(), user);
        setId("workorder-workbench");
        addClassName("registration-workbench");
        error.setId("workorder-error");
        error.addClassName("form-error");
        error.setVisible(false);
        Div main = new Div(orderCard());
        main.addClassName("registration-workbench__main");
        boolean actionable = task.assignee() == null || user.username().equals(task.assignee());
        Div side = task.isReadOnly() ? new Div(timelineCard()) : new Div(actionable ? actions(task.taskKey()) : claimHint(), timelineCard());
        side.addClassName("registration-workbench__side");
        add(main, side);
    }

    private Component orderCard() {
        Div rows = new Div();
        rows.addClassName("workbench-facts");
        WorkOrder o = order;
        rows.add(row("workorders.field.number", o.number()));
        rows.add(row("workorders.field.state", getTranslation(o.state().messageKey())));
        rows.add(row("workorders.field.category", getTranslation(o.category().messageKey())));
        rows.add(row("workorders.field.caller", o.callerName() + " " + o.callerMobileMasked()));
        rows.add(row("workorders.field.description", o.description()));
        rows.add(row("workorders.field.uscc", o.uscc()));
        rows.add(row("workorders.field.unit", orders.unitName(o.unitCode(), getLocale())));
        rows.add(row("workorders.field.signDue", at(o.signDue())));
        rows.add(row("workorders.field.handleDue", at(o.handleDue())));
        // what most orders lack is left out rather than shown as a column of dashes
        ifAny(rows, "workorders.field.linkedRef", o.linkedRef());
        ifAny(rows, "workorders.field.representativeCase", o.representativeCase());
        ifAny(rows, "workorders.field.identityCheck", o.identityCheck() == null ? null : o.identityCheck() + " · " + o.identityCheckedBy());
        ifAny(rows, "workorders.field.extension", o.extensionUntil() == null ? null
                : BusinessTime.day(o.extensionUntil()) + " · " + o.extensionReason());
        ifAny(rows, "workorders.field.reply", o.replyText());
        ifAny(rows, "workorders.field.callerWords", o.callerWords());
        ifAny(rows, "workorders.field.mergedInto", o.mergedInto());
        ifAny(rows, "workorders.field.mergedFrom", String.join(", ", o.mergedFrom()));
        Div card = card("workorders.workbench.order", rows);
        card.setId("workorder-facts");
        if (o.overdue()) {
            Span overdue = new Span(getTranslation("workorders.workbench.overdue"));
            overdue.setId("workorder-overdue");
            overdue.addClassNames("workbench-pill", "workbench-pill--stopped");
            card.addComponentAtIndex(1, overdue);
        }
        return card;
    }

    private Component actions(String taskKey) {
        Div body = new Div();
        switch (taskKey) {
            case WorkOrderProcess.Activity.DISPATCH -> dispatchActions(body);
            case WorkOrderProcess.Activity.SIGN -> body.add(button("workorders.action.sign", "workorder-sign",
                    () -> orders.sign(order.number(), user)));
            case WorkOrderProcess.Activity.HANDLE -> handleActions(body);
            case WorkOrderProcess.Activity.DECIDE_EXTENSION -> extensionDecision(body);
            case WorkOrderProcess.Activity.CALLBACK -> callbackActions(body);
            default -> body.add(new Paragraph(getTranslation("workorders.workbench.noAction")));
        }
        body.add(error);
        body.addClassName("workorder-actions");
        body.getChildren().filter(c -> c instanceof com.vaadin.flow.component.HasSize && !(c instanceof Button))
                .forEach(c -> ((com.vaadin.flow.component.HasSize) c).setWidthFull());
        Div card = card("workorders.workbench.actions", body);
        card.setId("workorder-actions");
        card.addClassName("workbench-decision-card");
        return card;
    }

    private void dispatchActions(Div body) {
        ComboBox<HandlingUnit> unit = new ComboBox<>(getTranslation("workorders.field.unit"));
        unit.setId("workorder-unit");
        unit.setItems(orders.dispatchUnits(user));
        unit.setItemLabelGenerator(u -> u.name(getLocale()));
        TextArea identity = new TextArea(getTranslation("workorders.field.identityCheck"));
        identity.setId("workorder-identity");
        identity.setHelperText(getTranslation("workorders.identity.help"));
        Button recordIdentity = button("workorders.action.recordIdentity", "workorder-record-identity",
                () -> orders.recordIdentityCheck(order.number(), identity.getValue(), user));
        boolean recovery = order.category() == WorkOrderCategory.ACCOUNT_RECOVERY;
        identity.setVisible(recovery);
        recordIdentity.setVisible(recovery);
        TextField entry = new TextField(getTranslation("workorders.field.knowledgeEntry"));
        entry.setId("workorder-knowledge-entry");
        TextField into = new TextField(getTranslation("workorders.field.mergeInto"));
        into.setId("workorder-merge-into");
        body.add(identity, recordIdentity, unit,
                button("workorders.action.dispatch", "workorder-dispatch",
                        () -> orders.dispatch(order.number(), unit.getValue() == null ? null : unit.getValue().code(), user)),
                new H3(getTranslation("workorders.workbench.orAnswer")), entry,
                button("workorders.action.answer", "workorder-answer", () -> orders.answerDirectly(order.number(), entry.getValue(), user)),
                new H3(getTranslation("workorders.workbench.orMerge")), into,
                button("workorders.action.merge", "workorder-merge", () -> orders.merge(order.number(), into.getValue(), user)));
    }

    private void handleActions(Div body) {
        TextArea reply = new TextArea(getTranslation("workorders.field.reply"));
        reply.setId("workorder-reply-text");
        TextField reason = new TextField(getTranslation("workorders.field.extensionReason"));
        reason.setId("workorder-extension-reason");
        DatePicker until = DatePickers.localised(new DatePicker(getTranslation("workorders.field.extensionUntil")));
        until.setId("workorder-extension-until");
        TextField returnReason = new TextField(getTranslation("workorders.field.returnReason"));
        returnReason.setId("workorder-return-reason");
        body.add(reply, button("workorders.action.reply", "workorder-reply", () -> orders.reply(order.number(), reply.getValue(), user)),
                new H3(getTranslation("workorders.workbench.extension")));
        if (order.state() == WorkOrderState.EXTENSION_REQUESTED) {
            Paragraph pending = new Paragraph(getTranslation("workorders.workbench.extensionPending",
                    BusinessTime.day(order.extensionUntil())));
            pending.setId("workorder-extension-pending");
            pending.addClassName("workorder-extension-pending");
            body.add(pending);
        } else {
            body.add(reason, until, button("workorders.action.requestExtension", "workorder-request-extension",
                    () -> orders.requestExtension(order.number(), reason.getValue(), until.getValue(), user)));
        }
        body.add(new H3(getTranslation("workorders.workbench.return")), returnReason,
                button("workorders.action.return", "workorder-return", () -> orders.returnOrder(order.number(), returnReason.getValue(), user)));
    }

    private void extensionDecision(Div body) {
        TextField note = new TextField(getTranslation("workorders.field.extensionNote"));
        note.setId("workorder-extension-note");
        body.add(note, button("workorders.action.approveExtension", "workorder-approve-extension",
                        () -> orders.decideExtension(order.number(), true, note.getValue(), user)),
                button("workorders.action.refuseExtension", "workorder-refuse-extension",
                        () -> orders.decideExtension(order.number(), false, note.getValue(), user)));
    }

    private void callbackActions(Div body) {
        RadioButtonGroup<Satisfaction> satisfaction = new RadioButtonGroup<>(getTranslation("workorders.field.satisfaction"));
        satisfaction.setId("workorder-satisfaction");
        satisfaction.setItems(Satisfaction.values());
        satisfaction.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        TextArea words = new TextArea(getTranslation("workorders.field.callerWords"));
        words.setId("workorder-caller-words");
        body.add(satisfaction, words, button("workorders.action.callback", "workorder-callback",
                () -> orders.callback(order.number(), satisfaction.getValue(), words.getValue(), user)));
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(getTranslation(key), e -> run(action));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (UserFacingException e) {
            showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (AccessDeniedException e) {
            showError(getTranslation("workorders.denied"));
            return;
        }
        onDecided.run();
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    private Component timelineCard() {
        var events = orders.timeline(order.number(), user);
        CaseTimeline timeline = new CaseTimeline("workbench-timeline", events.stream()
                .map(e -> new CaseTimeline.Entry(e.at(), "workorders.event." + e.kind(),
                        WorkOrders.SYSTEM.equals(e.actor()) ? getTranslation("workorders.actor.system") : e.actor(), e.detail(), List.of()))
                .toList(), time, slot -> slot, colleagues.of(events.stream().map(e -> e.actor()).toList(), user));
        Div card = card("workorders.workbench.timeline", timeline);
        card.setId("workbench-timeline");
        return card;
    }

    private Component claimHint() {
        Div hint = new Div(new Paragraph(getTranslation("registration.workbench.decision.claimFirst")));
        hint.setId("decision-claim-hint");
        hint.addClassNames("card", "workbench-claim-hint");
        return hint;
    }

    private void ifAny(Div rows, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(row(labelKey, value));
        }
    }

    private Div row(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("workbench-facts__label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("workbench-facts__value");
        Div row = new Div(label, text);
        row.addClassName("workbench-facts__row");
        return row;
    }

    private Div card(String titleKey, Component content) {
        Div card = new Div(new H2(getTranslation(titleKey)), content);
        card.addClassNames("card", "workbench-card");
        return card;
    }

    private String at(OffsetDateTime when) {
        return when == null ? null : time.minute(when);
    }
}
