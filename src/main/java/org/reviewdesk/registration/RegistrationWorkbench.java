package org.reviewdesk.registration;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.DecisionReason;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.rules.IdType;
import org.springframework.security.access.AccessDeniedException;

/**
 * The body of the review view for a registration: the application (personal numbers masked), the
 * automated checks, the documents, the timeline and the decision form. Every read and the decision
 * go through {@link RegistrationReview}, which checks role and assignment again.
 */
public class RegistrationWorkbench extends Div {

    /** The three outcomes of the review, in the order the form offers them. */
    enum Outcome { APPROVE, REJECT, REQUEST_DOCUMENTS }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RegistrationReview registrations;
    private final CurrentUser user;
    private final Runnable onDecided;
    private final RegistrationWorkbenchCase application;

    /** The verdict per document slot and, for a slot that needs a new version, the reason. */
    final Map<String, RadioButtonGroup<DocumentVerdict.Kind>> verdicts = new LinkedHashMap<>();
    final Map<String, TextArea> verdictReasons = new LinkedHashMap<>();
    final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
    final TextArea approveComment = new TextArea();
    final CheckboxGroup<DecisionReason> reasons = new CheckboxGroup<>();
    final TextArea rejectText = new TextArea();
    final TextArea supplementNote = new TextArea();
    final Div formError = new Div();
    final Button submit = new Button();

    RegistrationWorkbench(RegistrationReview registrations, DocumentService documents, ReviewTask task,
                          CurrentUser user, Runnable onDecided) {
        this.registrations = registrations;
        this.user = user;
        this.onDecided = onDecided;
        this.application = registrations.reviewCase(task.businessKey(), user);
        setId("registration-workbench");
        addClassName("registration-workbench");

        Div main = new Div(applicationCard(), checksCard(), documentsSection(documents));
        main.addClassName("registration-workbench__main");
        boolean mine = user.username().equals(task.assignee());
        Div side = new Div(mine ? decisionCard() : claimHint(), timelineCard());
        side.addClassName("registration-workbench__side");
        add(main, side);
    }

    // ---- the application ------------------------------------------------------------------------

    private Component applicationCard() {
        Div rows = new Div();
        rows.addClassName("workbench-facts");
        RegistrationWorkbenchCase a = application;
        rows.add(row("registration.workbench.field.state", getTranslation(a.state().messageKey())));
        rows.add(row("registration.workbench.field.type", a.type() == null ? "—" : getTranslation(a.type().messageKey())));
        rows.add(row("registration.workbench.field.name", a.name()));
        Div uscc = row("registration.workbench.field.uscc", a.uscc());
        if (a.usccConfirmed()) {
            Span flag = new Span(getTranslation("registration.workbench.field.usccConfirmed"));
            flag.addClassNames("workbench-pill", "workbench-pill--warning");
            uscc.add(flag);
        }
        rows.add(uscc);
        rows.add(row("registration.workbench.field.representative", a.representativeName()));
        rows.add(row("registration.workbench.field.representativeId", idText(a.representativeIdType(), a.representativeIdNumberMasked())));
        rows.add(row("registration.workbench.field.representativeMobile", a.representativeMobileMasked()));
        if (a.agentApplies()) {
            rows.add(row("registration.workbench.field.agent", a.agentName()));
            rows.add(row("registration.workbench.field.agentId", idText(a.agentIdType(), a.agentIdNumberMasked())));
            rows.add(row("registration.workbench.field.agentMobile", a.agentMobileMasked()));
        } else {
            rows.add(row("registration.workbench.field.agent", getTranslation("registration.workbench.field.noAgent")));
        }
        rows.add(row("registration.workbench.field.contactMobile", a.contactMobileMasked()));
        rows.add(row("registration.workbench.field.submittedAt", time(a.submittedAt())));
        if (a.supplementReason() != null && !a.supplementSlots().isEmpty()) {
            rows.add(row("registration.workbench.field.lastSupplement", a.supplementReason()));
        }
        Div card = card("registration.workbench.application", rows);
        card.setId("workbench-application");
        return card;
    }

    private String idText(IdType type, String masked) {
        return (type == null ? "" : getTranslation(type.messageKey()) + " ") + (masked == null ? "" : masked);
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

    // ---- checks -----------------------------------------------------------------------------------

    private Component checksCard() {
        OrderedList list = new OrderedList();
        list.addClassName("workbench-checks");
        for (CheckResult check : registrations.checks(application.number(), user)) {
            Span outcomeBadge = new Span(getTranslation("registration.workbench.outcome." + check.outcome().name()));
            outcomeBadge.addClassNames("workbench-pill", "workbench-pill--" + check.outcome().name().toLowerCase(java.util.Locale.ROOT));
            Span name = new Span(getTranslation("registration.workbench.check." + check.check()));
            name.addClassName("workbench-checks__name");
            Span message = new Span(check.message() == null ? ""
                    : getTranslation(check.message().key(), check.message().argumentArray()));
            message.addClassName("workbench-checks__message");
            ListItem item = new ListItem(outcomeBadge, name, message);
            item.addClassNames("workbench-checks__item", "workbench-checks__item--" + check.outcome().name().toLowerCase(java.util.Locale.ROOT));
            list.add(item);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new ListItem(getTranslation("registration.workbench.checks.none")));
        }
        Div card = card("registration.workbench.checks", list);
        card.setId("workbench-checks");
        return card;
    }

    // ---- documents --------------------------------------------------------------------------------

    private Component documentsSection(DocumentService documents) {
        H2 heading = new H2(getTranslation("registration.workbench.documents"));
        heading.addClassName("workbench-section-title");
        Div section = new Div(heading, new RegistrationWorkbenchDocuments(documents, Access.staff(user), application));
        section.addClassName("workbench-documents-section");
        return section;
    }

    // ---- timeline ---------------------------------------------------------------------------------

    private Component timelineCard() {
        OrderedList list = new OrderedList();
        list.addClassName("workbench-timeline");
        registrations.timeline(application.number(), user).stream()
                .sorted(Comparator.comparing(TimelineEntry::at).reversed())
                .forEach(entry -> {
                    Span at = new Span(time(entry.at()));
                    at.addClassName("workbench-timeline__time");
                    Span what = new Span(getTranslation(entry.messageKey()));
                    what.addClassName("workbench-timeline__event");
                    Span actor = new Span(actor(entry.actor()));
                    actor.addClassName("workbench-timeline__actor");
                    ListItem item = new ListItem(at, what, actor);
                    if (entry.detail() != null && !entry.detail().isBlank()) {
                        Span detail = new Span(entry.detail());
                        detail.addClassName("workbench-timeline__detail");
                        item.add(detail);
                    }
                    entry.verdicts().forEach(v -> {
                        Span verdict = new Span(getTranslation("registration.workbench.timeline.verdict",
                                getTranslation(RegistrationService.slotKey(v.slot())), getTranslation(v.kind().messageKey()),
                                v.reason() == null ? "" : v.reason()));
                        verdict.addClassNames("workbench-timeline__verdict",
                                v.newVersionNeeded() ? "workbench-timeline__verdict--needed" : "workbench-timeline__verdict--accepted");
                        item.add(verdict);
                    });
                    list.add(item);
                });
        Div card = card("registration.workbench.timeline", list);
        card.setId("workbench-timeline");
        return card;
    }

    private String actor(String actor) {
        if (actor == null || actor.isBlank() || "system".equals(actor)) {
            return getTranslation("registration.workbench.actor.system");
        }
        return actor.startsWith(RegistrationService.APPLICANT_ACTOR) ? getTranslation("registration.workbench.actor.applicant") : actor;
    }

    // ---- decision ---------------------------------------------------------------------------------

    private Component claimHint() {
        Div hint = new Div(VaadinIcon.HAND.create(), new Paragraph(getTranslation("registration.workbench.decision.claimFirst")));
        hint.setId("decision-claim-hint");
        hint.addClassNames("card", "workbench-claim-hint");
        return hint;
    }

    private Component decisionCard() {
        outcome.setId("decision-outcome");
        outcome.setLabel(getTranslation("registration.workbench.decision.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("registration.workbench.decision." + o.name()));
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);

        approveComment.setId("decision-approve-comment");
        approveComment.setLabel(getTranslation("registration.workbench.decision.comment"));
        approveComment.setMaxLength(2000);
        approveComment.setWidthFull();

        reasons.setId("decision-reasons");
        reasons.setLabel(getTranslation("registration.workbench.decision.reasons"));
        List<DecisionReason> offered = registrations.rejectionReasons(user);
        reasons.setItems(offered);
        reasons.setItemLabelGenerator(r -> r.template(getLocale()));
        reasons.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        rejectText.setId("decision-reject-text");
        rejectText.setLabel(getTranslation("registration.workbench.decision.rejectText"));
        rejectText.setHelperText(getTranslation("registration.workbench.decision.rejectTextHelp"));
        rejectText.setMaxLength(2000);
        rejectText.setWidthFull();

        Paragraph requested = new Paragraph(getTranslation("registration.workbench.decision.requestHint"));
        requested.addClassName("workbench-muted");
        supplementNote.setId("decision-supplement-note");
        supplementNote.setLabel(getTranslation("registration.workbench.decision.supplementNote"));
        supplementNote.setHelperText(getTranslation("registration.workbench.decision.supplementNoteHelp"));
        supplementNote.setMaxLength(1000);
        supplementNote.setWidthFull();

        Div approveSection = section("approve", approveComment);
        Div rejectSection = section("reject", reasons, rejectText);
        Div requestSection = section("request", requested, supplementNote);

        formError.setId("decision-error");
        formError.addClassName("workbench-decision__error");
        formError.setVisible(false);

        submit.setId("decision-submit");
        submit.setText(getTranslation("registration.workbench.decision.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> decide());

        outcome.addValueChangeListener(e -> {
            approveSection.setVisible(e.getValue() == Outcome.APPROVE);
            rejectSection.setVisible(e.getValue() == Outcome.REJECT);
            requestSection.setVisible(e.getValue() == Outcome.REQUEST_DOCUMENTS);
            submit.setEnabled(e.getValue() != null);
            submit.setText(getTranslation(e.getValue() == null ? "registration.workbench.decision.submit"
                    : "registration.workbench.decision.submit." + e.getValue().name()));
            submit.getElement().getThemeList().set("error", e.getValue() == Outcome.REJECT);
            formError.setVisible(false);
        });
        approveSection.setVisible(false);
        rejectSection.setVisible(false);
        requestSection.setVisible(false);

        Div form = new Div(verdictsSection(), outcome, approveSection, rejectSection, requestSection, formError, submit);
        form.addClassName("workbench-decision");
        Div card = card("registration.workbench.decision", form);
        card.setId("workbench-decision");
        card.addClassName("workbench-decision-card");
        return card;
    }

    /** A verdict per document slot: accepted, or a new version needed and why (the applicant reads the why). */
    private Component verdictsSection() {
        Span title = new Span(getTranslation("registration.workbench.verdicts"));
        title.addClassName("workbench-verdicts__title");
        Div section = new Div(title);
        section.setId("decision-verdicts");
        section.addClassName("workbench-verdicts");
        for (String slot : application.requiredSlots()) {
            RadioButtonGroup<DocumentVerdict.Kind> verdict = new RadioButtonGroup<>();
            verdict.setId("verdict-" + slot);
            verdict.setLabel(getTranslation(RegistrationService.slotKey(slot)));
            verdict.setItems(DocumentVerdict.Kind.values());
            verdict.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
            TextArea reason = new TextArea();
            reason.setId("verdict-reason-" + slot);
            reason.setPlaceholder(getTranslation("registration.workbench.verdicts.reason"));
            reason.setAriaLabel(getTranslation("registration.workbench.verdicts.reason"));
            reason.setMaxLength(1000);
            reason.setWidthFull();
            reason.setVisible(false);
            verdict.addValueChangeListener(e -> {
                boolean needed = e.getValue() == DocumentVerdict.Kind.NEW_VERSION_NEEDED;
                reason.setVisible(needed);
                verdict.getElement().getClassList().set("workbench-verdict--needed", needed);
                formError.setVisible(false);
            });
            verdicts.put(slot, verdict);
            verdictReasons.put(slot, reason);
            Div row = new Div(verdict, reason);
            row.addClassName("workbench-verdict");
            section.add(row);
        }
        return section;
    }
    private Div section(String name, Component... fields) {
        Div section = new Div(fields);
        section.setId("decision-section-" + name);
        section.addClassName("workbench-decision__section");
        return section;
    }

    private void decide() {
        Outcome chosen = outcome.getValue();
        try {
            if (chosen == null) {
                throw new UserFacingException("registration.workbench.decision.chooseOutcome");
            }
            List<DocumentVerdict> given = givenVerdicts();
            ReviewDecision decision = switch (chosen) {
                case APPROVE -> new ReviewDecision.Approve(approveComment.getValue(), given);
                case REJECT -> new ReviewDecision.Reject(reasons.getValue().stream()
                        .sorted(Comparator.comparingInt(DecisionReason::sortOrder)).map(DecisionReason::code).toList(),
                        rejectText.getValue(), given);
                case REQUEST_DOCUMENTS -> new ReviewDecision.RequestDocuments(given, supplementNote.getValue());
            };
            registrations.decide(application.number(), decision, user);
        } catch (UserFacingException e) {
            showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (AccessDeniedException e) {
            showError(getTranslation("registration.workbench.decision.denied"));
            return;
        } finally {
            submit.setEnabled(true);
        }
        onDecided.run();
    }

    /** The verdicts the reviewer gave, in the slots' order; a slot left open has none. */
    private List<DocumentVerdict> givenVerdicts() {
        List<DocumentVerdict> given = new ArrayList<>();
        verdicts.forEach((slot, verdict) -> {
            if (verdict.getValue() != null) {
                given.add(new DocumentVerdict(slot, verdict.getValue(),
                        verdict.getValue() == DocumentVerdict.Kind.NEW_VERSION_NEEDED ? verdictReasons.get(slot).getValue() : null));
            }
        });
        return given;
    }

    private void showError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Div card(String titleKey, Component content) {
        H2 title = new H2(getTranslation(titleKey));
        Div card = new Div(title, content);
        card.addClassNames("card", "workbench-card");
        return card;
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "—" : at.atZoneSameInstant(CHINA).format(MINUTE);
    }
}
