package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision on a review task, for any process that decides on documents: a verdict per document
 * (accepted, or a new version needed and why: the applicant reads the why), then the outcome —
 * approve with an optional comment, reject with reasons from the process's list, or request the
 * documents marked as needing a new version. An approval or a rejection is confirmed first, in a
 * dialog that repeats the case, the outcome and the reasons. Submitting fires {@link Submitted} with
 * the {@link ReviewDecision}; the process's workbench hands it to its service, which checks every rule
 * again, and shows a refusal with {@link #showError}. In a round after the applicant's answer, each
 * document shows its last verdict, and a document nobody changed keeps its "accepted".
 */
public class DecisionForm extends Div {

    public enum Outcome { APPROVE, REJECT, REQUEST_DOCUMENTS }

    /** A document slot the decision judges: its id and the bundle key of its name. */
    public record Slot(String id, String nameKey) {
    }

    /** The reviewer submitted a decision. */
    public static class Submitted extends ComponentEvent<DecisionForm> {

        private final ReviewDecision decision;

        Submitted(DecisionForm source, ReviewDecision decision) {
            super(source, true);
            this.decision = decision;
        }

        public ReviewDecision decision() {
            return decision;
        }
    }

    private final Map<String, RadioButtonGroup<DocumentVerdict.Kind>> verdicts = new LinkedHashMap<>();
    private final Map<String, TextArea> verdictReasons = new LinkedHashMap<>();
    private final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
    private final TextArea approveComment = new TextArea();
    private final CheckboxGroup<DecisionReason> reasons = new CheckboxGroup<>();
    private final TextArea rejectText = new TextArea();
    private final TextArea supplementNote = new TextArea();
    private final Div formError = new Div();
    private final Button submit = new Button();
    private final String caseRef;

    /** A first round: no verdicts before. */
    public DecisionForm(String caseRef, List<Slot> slots, List<DecisionReason> offeredReasons) {
        this(caseRef, slots, offeredReasons, Map.of());
    }

    /**
     * @param caseRef the case number the confirmation names
     * @param previous the last round's verdict per slot ({@link DocumentPanel#priorVerdicts()})
     */
    public DecisionForm(String caseRef, List<Slot> slots, List<DecisionReason> offeredReasons,
                        Map<String, PreviousRound.Verdict> previous) {
        this.caseRef = caseRef;
        addClassName("workbench-decision");
        outcome.setId("decision-outcome");
        outcome.setLabel(getTranslation("review.decision.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("review.decision." + o.name()));
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);

        approveComment.setId("decision-approve-comment");
        approveComment.setLabel(getTranslation("review.decision.comment"));
        approveComment.setMaxLength(2000);
        approveComment.setWidthFull();

        reasons.setId("decision-reasons");
        reasons.setLabel(getTranslation("review.decision.reasons"));
        reasons.setItems(offeredReasons);
        reasons.setItemLabelGenerator(r -> r.template(getLocale()));
        reasons.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        rejectText.setId("decision-reject-text");
        rejectText.setLabel(getTranslation("review.decision.rejectText"));
        rejectText.setHelperText(getTranslation("review.decision.rejectTextHelp"));
        rejectText.setMaxLength(2000);
        rejectText.setWidthFull();

        Paragraph requested = new Paragraph(getTranslation("review.decision.requestHint"));
        requested.addClassName("workbench-muted");
        supplementNote.setId("decision-supplement-note");
        supplementNote.setLabel(getTranslation("review.decision.supplementNote"));
        supplementNote.setHelperText(getTranslation("review.decision.supplementNoteHelp"));
        supplementNote.setMaxLength(1000);
        supplementNote.setWidthFull();

        Div approveSection = section("approve", approveComment);
        Div rejectSection = section("reject", reasons, rejectText);
        Div requestSection = section("request", requested, supplementNote);

        formError.setId("decision-error");
        formError.addClassName("workbench-decision__error");
        formError.setVisible(false);

        submit.setId("decision-submit");
        submit.setText(getTranslation("review.decision.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());

        outcome.addValueChangeListener(e -> {
            approveSection.setVisible(e.getValue() == Outcome.APPROVE);
            rejectSection.setVisible(e.getValue() == Outcome.REJECT);
            requestSection.setVisible(e.getValue() == Outcome.REQUEST_DOCUMENTS);
            submit.setEnabled(e.getValue() != null);
            submit.setText(getTranslation(e.getValue() == null ? "review.decision.submit"
                    : "review.decision.submit." + e.getValue().name()));
            submit.getElement().getThemeList().set("error", e.getValue() == Outcome.REJECT);
            formError.setVisible(false);
        });
        approveSection.setVisible(false);
        rejectSection.setVisible(false);
        requestSection.setVisible(false);

        Div actions = new Div(submit);
        actions.addClassName("workbench-decision__actions");
        add(verdictsSection(slots, previous), outcome, approveSection, rejectSection, requestSection, formError, actions);
    }

    public Registration addSubmitListener(ComponentEventListener<Submitted> listener) {
        return addListener(Submitted.class, listener);
    }

    /** Shows why the decision was refused, under the form; the reviewer may correct it and submit again. */
    public void showError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }

    private Component verdictsSection(List<Slot> slots, Map<String, PreviousRound.Verdict> previous) {
        Span title = new Span(getTranslation("review.verdicts"));
        title.addClassName("workbench-verdicts__title");
        Div section = new Div(title);
        section.setId("decision-verdicts");
        section.addClassName("workbench-verdicts");
        for (Slot slot : slots) {
            RadioButtonGroup<DocumentVerdict.Kind> verdict = new RadioButtonGroup<>();
            verdict.setId("verdict-" + slot.id());
            verdict.setLabel(getTranslation(slot.nameKey()));
            verdict.setItems(DocumentVerdict.Kind.values());
            verdict.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
            TextArea reason = new TextArea();
            reason.setId("verdict-reason-" + slot.id());
            reason.setPlaceholder(getTranslation("review.verdicts.reason"));
            reason.setAriaLabel(getTranslation("review.verdicts.reason"));
            reason.setMaxLength(1000);
            reason.setWidthFull();
            reason.setVisible(false);
            verdict.addValueChangeListener(e -> {
                boolean needed = e.getValue() == DocumentVerdict.Kind.NEW_VERSION_NEEDED;
                reason.setVisible(needed);
                verdict.getElement().getClassList().set("workbench-verdict--needed", needed);
                formError.setVisible(false);
            });
            PreviousRound.Verdict before = previous.get(slot.id());
            if (before != null) {
                DocumentVerdict last = before.verdict();
                String lastText = getTranslation(last.kind().messageKey()) + (last.reason() == null ? "" : " · " + last.reason());
                verdict.setHelperText(getTranslation(before.carriesOver() ? "review.verdicts.carriedOver"
                        : before.unchanged() ? "review.verdicts.previousUnchanged" : "review.verdicts.previousChanged", lastText));
                if (before.carriesOver()) {
                    verdict.setValue(DocumentVerdict.Kind.ACCEPTED);
                }
            }
            verdicts.put(slot.id(), verdict);
            verdictReasons.put(slot.id(), reason);
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

    private void submit() {
        try {
            Outcome chosen = outcome.getValue();
            if (chosen == null) {
                showError(getTranslation("review.decision.chooseOutcome"));
                return;
            }
            List<DocumentVerdict> given = givenVerdicts();
            List<DecisionReason> chosenReasons = reasons.getValue().stream()
                    .sorted(Comparator.comparingInt(DecisionReason::sortOrder)).toList();
            ReviewDecision decision = switch (chosen) {
                case APPROVE -> new ReviewDecision.Approve(approveComment.getValue(), given);
                case REJECT -> new ReviewDecision.Reject(chosenReasons.stream().map(DecisionReason::code).toList(),
                        rejectText.getValue(), given);
                case REQUEST_DOCUMENTS -> new ReviewDecision.RequestDocuments(given, supplementNote.getValue());
            };
            if (worthConfirming(decision)) {
                confirm(chosen, decision, chosenReasons);
            } else {
                fireEvent(new Submitted(this, decision));
            }
        } finally {
            submit.setEnabled(true);
        }
    }

    /**
     * Approvals and rejections that the service may accept; an incomplete one goes straight to it, whose
     * refusal says what is missing, rather than be confirmed first and refused after.
     */
    private static boolean worthConfirming(ReviewDecision decision) {
        if (decision instanceof ReviewDecision.Approve approve) {
            return approve.verdicts().stream().noneMatch(DocumentVerdict::newVersionNeeded);
        }
        if (decision instanceof ReviewDecision.Reject reject) {
            return !reject.reasonCodes().isEmpty() || (reject.text() != null && !reject.text().isBlank());
        }
        return false;
    }

    /**
     * Approving and rejecting cannot be taken back: the dialog repeats what is about to happen, to whom,
     * and (for a rejection) what the applicant will read.
     */
    private void confirm(Outcome chosen, ReviewDecision decision, List<DecisionReason> chosenReasons) {
        Div text = new Div(new Paragraph(getTranslation("review.decision.confirm." + chosen.name() + ".text", caseRef)));
        text.addClassName("workbench-decision__confirm");
        if (chosen == Outcome.REJECT && !chosenReasons.isEmpty()) {
            UnorderedList listed = new UnorderedList();
            listed.setId("decision-confirm-reasons");
            chosenReasons.forEach(r -> listed.add(new ListItem(r.template(getLocale()))));
            text.add(listed);
        }
        String words = chosen == Outcome.REJECT ? rejectText.getValue() : approveComment.getValue();
        if (words != null && !words.isBlank()) {
            Paragraph quoted = new Paragraph(words.strip());
            quoted.addClassName("workbench-decision__quote");
            text.add(quoted);
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("decision-confirm");
        dialog.setHeader(getTranslation("review.decision.confirm." + chosen.name() + ".title"));
        dialog.setText(text);
        dialog.setConfirmText(getTranslation("review.decision.submit." + chosen.name()));
        dialog.setConfirmButtonTheme(chosen == Outcome.REJECT ? "error primary" : "primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("review.decision.confirm.back"));
        dialog.addConfirmListener(e -> fireEvent(new Submitted(this, decision)));
        dialog.open();
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
}
