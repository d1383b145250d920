package org.reviewdesk.namechange;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.RevealableFact;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.CheckList;
import org.reviewdesk.review.CaseTimeline;
import org.reviewdesk.review.ColleagueNames;
import org.reviewdesk.review.DecisionForm;
import org.reviewdesk.review.DocumentPanel;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.window.InPersonLines;
import org.reviewdesk.window.InPersonVerification;
import org.springframework.security.access.AccessDeniedException;

/**
 * The body of the review view for a name change: the account's names so far beside the new one, the
 * automated checks (the licence's text layer among them), the licence with its versions, the timeline
 * and the decision form. Every read and the decision go through {@link NameChangeReview}, which checks
 * role and assignment again.
 */
public class NameChangeWorkbench extends Div {

    private static final List<DecisionForm.Slot> SLOTS =
            List.of(new DecisionForm.Slot(NameChanges.LICENCE_SLOT, "namechange.slot." + NameChanges.LICENCE_SLOT));

    private final NameChangeReview review;
    private final BusinessTime time;
    private final CurrentUser user;
    private final Runnable onDecided;
    private final ColleagueNames colleagues;
    private final NameChangeReview.ReviewCase shown;

    private final Function<String, List<InPersonVerification>> inPerson;
    private final String taskId;
    /** Built before the decision card, which starts from the last round's verdicts it found. */
    private DocumentPanel documentPanel;

    NameChangeWorkbench(NameChangeReview review, DocumentService documents, ColleagueNames colleagues, ReviewTask task,
                        CurrentUser user, BusinessTime time, Runnable onDecided,
                        Function<String, List<InPersonVerification>> inPerson) {
        this.review = review;
        this.colleagues = colleagues;
        this.inPerson = inPerson;
        this.taskId = task.taskId();
        this.time = time;
        this.user = user;
        this.onDecided = onDecided;
        this.shown = review.reviewCase(task.businessKey(), user);
        setId("namechange-workbench");
        addClassName("registration-workbench");
        Div main = new Div(caseCard(), checksCard(), documentsSection(documents));
        main.addClassName("registration-workbench__main");
        boolean mine = user.username().equals(task.assignee());
        Div side = task.isReadOnly() ? new Div(timelineCard()) : new Div(mine ? decisionCard() : claimHint(), timelineCard());
        side.addClassName("registration-workbench__side");
        add(main, side);
    }

    private Component caseCard() {
        Div rows = new Div();
        rows.addClassName("workbench-facts");
        NameChangeReview.ReviewCase c = shown;
        rows.add(row("namechange.workbench.field.state", getTranslation(c.state().messageKey())));
        rows.add(row("namechange.workbench.field.uscc", c.uscc()));
        rows.add(row("namechange.workbench.field.oldName", c.oldName()));
        rows.add(row("namechange.workbench.field.newName", c.newName()));
        rows.add(row("namechange.workbench.field.nameHistory", c.nameHistory().stream()
                .map(n -> n.name() + " (" + time.minute(n.validFrom()) + ")").collect(Collectors.joining(" → "))));
        rows.add(row("namechange.workbench.field.applicant", c.applicantName()));
        rows.add(RevealableFact.row(getTranslation("platform.reveal.field.APPLICANT_MOBILE"), null, c.applicantMobileMasked(),
                PersonalDataField.APPLICANT_MOBILE, () -> review.reveal(c.number(), taskId, PersonalDataField.APPLICANT_MOBILE, user)));
        rows.add(row("namechange.workbench.field.startedVia", getTranslation("namechange.via." + c.startedVia())
                + (NameChanges.VIA_ONLINE.equals(c.startedVia()) ? "" : " · " + c.startedBy())));
        rows.add(row("namechange.workbench.field.createdAt", at(c.createdAt())));
        Div card = card("namechange.workbench.case", rows);
        card.add(new InPersonLines(inPerson.apply(c.number()), time));
        card.setId("workbench-application");
        return card;
    }

    private Component checksCard() {
        CheckList list = new CheckList(review.checks(shown.number(), user).stream()
                .map(check -> new CheckList.Line(check.outcome(), "namechange.workbench.check." + check.name(), check.message()))
                .toList());
        Div card = card("namechange.workbench.checks", list);
        card.setId("workbench-checks");
        return card;
    }

    private Component documentsSection(DocumentService documents) {
        H2 heading = new H2(getTranslation("namechange.workbench.documents"));
        heading.addClassName("workbench-section-title");
        DocumentPanel.Case panel = new DocumentPanel.Case(shown.number(), SLOTS,
                shown.licenceRequested() ? Set.of(NameChanges.LICENCE_SLOT) : Set.of(), shown.uscc(), shown.newName(),
                review.previousRound(shown.number(), user));
        documentPanel = new DocumentPanel(documents, Access.staff(user), panel, time);
        Div section = new Div(heading, documentPanel);
        section.addClassName("workbench-documents-section");
        return section;
    }

    private Component timelineCard() {
        var events = review.timeline(shown.number(), user);
        CaseTimeline timeline = new CaseTimeline("workbench-timeline", events.stream()
                .map(e -> new CaseTimeline.Entry(e.at(), "namechange.event." + e.kind(), e.actor(), e.detail(), List.of()))
                .toList(), time, slot -> "namechange.slot." + slot,
                colleagues.of(events.stream().map(NameChangeReview.TimelineLine::actor).toList(), user));
        Div card = card("namechange.workbench.timeline", timeline);
        card.setId("workbench-timeline");
        return card;
    }

    private Component claimHint() {
        Div hint = new Div(new Paragraph(getTranslation("registration.workbench.decision.claimFirst")));
        hint.setId("decision-claim-hint");
        hint.addClassNames("card", "workbench-claim-hint");
        return hint;
    }

    private Component decisionCard() {
        DecisionForm form = new DecisionForm(shown.number(), SLOTS, review.rejectionReasons(user),
                documentPanel.priorVerdicts());
        form.addSubmitListener(e -> decide(form, e.decision()));
        Div card = card("namechange.workbench.decision", form);
        card.setId("workbench-decision");
        card.addClassName("workbench-decision-card");
        return card;
    }

    private void decide(DecisionForm form, ReviewDecision decision) {
        try {
            review.decide(shown.number(), decision, user);
        } catch (UserFacingException e) {
            form.showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (AccessDeniedException e) {
            form.showError(getTranslation("registration.workbench.decision.denied"));
            return;
        }
        onDecided.run();
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
        return when == null ? "—" : time.minute(when);
    }
}
