package org.reviewdesk.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.PhoneCard;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;

/**
 * The rejection reasons of each process, for administrators and supervisors: add a reason, change
 * its texts and order, deactivate or activate it again. There is no delete and the code of an
 * existing reason cannot be edited; {@link DecisionReasons} checks and audits every change.
 */
@Route("review/reasons")
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
public class DecisionReasonsView extends VerticalLayout implements HasDynamicTitle {

    private final DecisionReasons reasons;
    private final CurrentUser user;
    private final StepNames names;
    private final Select<CaseAdapter> process = new Select<>();
    private final Grid<DecisionReason> grid = new Grid<>(DecisionReason.class, false);
    private final TextField code = new TextField();
    private final TextArea templateZh = new TextArea();
    private final TextArea templateEn = new TextArea();
    private final Checkbox textRequired = new Checkbox();
    private final IntegerField sortOrder = new IntegerField();
    private final Div formError = new Div();
    private final Button save = new Button();
    private final H2 formTitle = new H2();
    /** The reason being edited, or null for a new one. */
    private DecisionReason editing;

    public DecisionReasonsView(DecisionReasons reasons, StepNames names) {
        this.reasons = reasons;
        this.names = names;
        this.user = CurrentUser.require();
        addClassName("decision-reasons");

        Paragraph intro = new Paragraph(getTranslation("review.reasons.intro"));
        intro.addClassName("decision-reasons__intro");
        // a process whose decisions never reject (a 12345 work order) has no reasons and is not offered: say why
        Paragraph onlyRejecting = new Paragraph(getTranslation("review.reasons.onlyRejecting"));
        onlyRejecting.setId("reasons-only-rejecting");
        onlyRejecting.addClassName("decision-reasons__intro");
        process.setId("reasons-process");
        process.setLabel(getTranslation("review.reasons.process"));
        List<CaseAdapter> processes = reasons.processes(user);
        process.setItems(processes);
        process.setItemLabelGenerator(a -> names.process(a.processKey(), getLocale()));
        // the longest name ("Representative change and deregistration") whole, not "Out-of-province regist…"
        process.setWidth("24rem");
        process.setMaxWidth("100%");
        process.addValueChangeListener(e -> {
            startNew();
            refresh();
        });

        grid.setId("reasons-grid");
        grid.setEmptyStateText(getTranslation("review.reasons.empty"));
        // the texts get the room (at 1280 px they were a word wide, cut mid-word); the short columns keep their size
        grid.addColumn(DecisionReason::code).setHeader(getTranslation("review.reasons.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DecisionReason::templateZh).setHeader(getTranslation("review.reasons.templateZh")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(DecisionReason::templateEn).setHeader(getTranslation("review.reasons.templateEn")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(r -> r.textRequired() ? "✓" : "").setHeader(getTranslation("review.reasons.textRequired"))
                .setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(DecisionReason::sortOrder).setHeader(getTranslation("review.reasons.sortOrder")).setWidth("4.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::badge).setHeader(getTranslation("review.reasons.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> toggle(r, "reason-toggle-")).setKey("toggle").setAutoWidth(true).setFlexGrow(0);
        // on a phone the seven columns scrolled sideways inside the grid and cut the Chinese text at the screen's
        // edge: a phone gets one cell per reason (code and state, both texts, the two settings, the action)
        Grid.Column<DecisionReason> card = grid.addComponentColumn(this::card).setKey("card")
                .setHeader(getTranslation("review.reasons.title")).setFlexGrow(1);
        card.setVisible(false);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(grid, card, narrow));
        grid.setAllRowsVisible(true);
        // the texts are what an editor reads: whole, not cut off
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> edit(e.getItem()));

        add(intro, onlyRejecting, process, grid, form());
        // open on the first process that has reasons to read, not on an empty list
        processes.stream().filter(a -> !reasons.all(a.processKey(), user).isEmpty()).findFirst()
                .or(() -> processes.stream().findFirst()).ifPresent(process::setValue);
    }

    private Div form() {
        code.setId("reason-code");
        code.setLabel(getTranslation("review.reasons.code"));
        code.setHelperText(getTranslation("review.reasons.codeHelp"));
        code.setMaxLength(40);
        templateZh.setId("reason-template-zh");
        templateZh.setLabel(getTranslation("review.reasons.templateZh"));
        templateZh.setMaxLength(DecisionReasons.MAX_TEMPLATE);
        templateZh.setWidthFull();
        templateEn.setId("reason-template-en");
        templateEn.setLabel(getTranslation("review.reasons.templateEn"));
        templateEn.setMaxLength(DecisionReasons.MAX_TEMPLATE);
        templateEn.setWidthFull();
        textRequired.setId("reason-text-required");
        textRequired.setLabel(getTranslation("review.reasons.textRequired"));
        sortOrder.setId("reason-sort-order");
        sortOrder.setLabel(getTranslation("review.reasons.sortOrder"));
        sortOrder.setMin(0);
        sortOrder.setMax(DecisionReasons.MAX_SORT_ORDER);
        sortOrder.setStepButtonsVisible(true);
        formError.setId("reason-error");
        formError.addClassName("workbench-decision__error");
        formError.setVisible(false);
        save.setId("reason-save");
        save.setText(getTranslation("review.reasons.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("review.reasons.new"), e -> startNew());
        cancel.setId("reason-new");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div buttons = new Div(save, cancel);
        buttons.addClassName("decision-reasons__buttons");
        Div form = new Div(formTitle, code, templateZh, templateEn, sortOrder, textRequired, formError, buttons);
        form.setId("reason-form");
        form.addClassNames("card", "decision-reasons__form");
        startNew();
        return form;
    }

    private Span badge(DecisionReason reason) {
        return PhoneCard.state(getTranslation(reason.active() ? "review.reasons.active" : "review.reasons.inactive"), reason.active());
    }

    private PhoneCard card(DecisionReason reason) {
        PhoneCard card = new PhoneCard(reason.code(), badge(reason)).line(reason.templateZh(), "zh").line(reason.templateEn(), "en")
                .minor(getTranslation("review.reasons.sortOrder") + " " + reason.sortOrder()
                        + (reason.textRequired() ? " · " + getTranslation("review.reasons.textRequired") : ""));
        card.add(toggle(reason, "reason-card-toggle-"));
        return card;
    }

    private Button toggle(DecisionReason reason, String idPrefix) {
        Button toggle = new Button(getTranslation(reason.active() ? "review.reasons.deactivate" : "review.reasons.activate"), e -> {
            DecisionReason changed = reasons.setActive(reason.id(), !reason.active(), user);
            Toasts.success(getTranslation(changed.active() ? "review.reasons.activated" : "review.reasons.deactivated", changed.code()));
            refresh();
        });
        toggle.setId(idPrefix + reason.code());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (reason.active()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return toggle;
    }

    private void startNew() {
        editing = null;
        formTitle.setText(getTranslation("review.reasons.new"));
        code.setReadOnly(false);
        code.clear();
        templateZh.clear();
        templateEn.clear();
        textRequired.setValue(false);
        sortOrder.setValue(nextSortOrder());
        formError.setVisible(false);
    }

    private void edit(DecisionReason reason) {
        editing = reason;
        formTitle.setText(reason.code());
        code.setValue(reason.code());
        code.setReadOnly(true);
        templateZh.setValue(reason.templateZh());
        templateEn.setValue(reason.templateEn());
        textRequired.setValue(reason.textRequired());
        sortOrder.setValue(reason.sortOrder());
        formError.setVisible(false);
    }

    private void save() {
        if (process.getValue() == null) {
            showError(new UserFacingException("review.reason.unknownProcess"));
            return;
        }
        ReasonDraft draft = new ReasonDraft(code.getValue(), templateZh.getValue(), templateEn.getValue(), textRequired.getValue(),
                sortOrder.getValue() == null ? -1 : sortOrder.getValue());
        try {
            DecisionReason saved = editing == null ? reasons.add(process.getValue().processKey(), draft, user)
                    : reasons.update(editing.id(), draft, user);
            Toasts.success(getTranslation("review.reasons.saved", saved.code()));
        } catch (UserFacingException e) {
            showError(e);
            return;
        }
        refresh();
        startNew();
    }

    private void showError(UserFacingException e) {
        formError.setText(getTranslation(e.messageKey(), e.arguments()));
        formError.setVisible(true);
    }

    private void refresh() {
        grid.setItems(process.getValue() == null ? List.of() : reasons.all(process.getValue().processKey(), user));
    }

    private int nextSortOrder() {
        return process.getValue() == null ? 10 : reasons.all(process.getValue().processKey(), user).stream()
                .mapToInt(DecisionReason::sortOrder).max().orElse(0) + 10;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.reasons.title");
    }
}
