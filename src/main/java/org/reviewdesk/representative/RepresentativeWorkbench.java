package org.reviewdesk.representative;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
 * The body of the review view for a legal-representative change: the case (personal numbers masked,
 * the representative on record beside the new one), the automated checks, the documents, the timeline
 * and the decision form of the task at hand (first review or second approval). Every read and the
 * decision go through {@link RepresentativeReview}, which checks role, assignment and four eyes again.
 */
public class RepresentativeWorkbench extends Div {

    private final RepresentativeReview review;
    private final BusinessTime time;
    private final CurrentUser user;
    private final Runnable onDecided;
    private final ColleagueNames colleagues;
    private final RepresentativeCase shown;
    private final boolean secondApproval;
    /** The in-person identity checks recorded at the window for a case number. */
    private final Function<String, List<InPersonVerification>> inPerson;
    private final String taskId;
    /** Built before the decision card, which starts from the last round's verdicts it found. */
    private DocumentPanel documentPanel;

    RepresentativeWorkbench(RepresentativeReview review, DocumentService documents, ColleagueNames colleagues, ReviewTask task,
                            CurrentUser user, BusinessTime time, Runnable onDecided,
                            Function<String, List<InPersonVerification>> inPerson) {
        this.inPerson = inPerson;
        this.taskId = task.taskId();
        this.review = review;
        this.colleagues = colleagues;
        this.time = time;
        this.user = user;
        this.onDecided = onDecided;
        this.shown = review.reviewCase(task.businessKey(), user);
        this.secondApproval = shown.state() == ChangeState.AWAITING_SECOND_APPROVAL;
        setId("representative-workbench");
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
        RepresentativeCase c = shown;
        rows.add(row("representative.workbench.field.state", getTranslation(c.state().messageKey())));
        rows.add(row("representative.workbench.field.step", getTranslation(secondApproval
                ? "representative.workbench.step.second" : "representative.workbench.step.first")));
        rows.add(row("representative.workbench.field.name", c.accountName()));
        rows.add(row("representative.workbench.field.uscc", c.uscc()));
        rows.add(row("representative.workbench.field.reason", getTranslation(c.reason().messageKey())
                + (c.reasonText() == null ? "" : " · " + c.reasonText())));
        rows.add(row("representative.workbench.field.onRecord", c.representativeOnRecord()));
        rows.add(row("representative.workbench.field.newRepresentative", c.representativeName()));
        rows.add(RevealableFact.row(getTranslation("representative.workbench.field.representativeId"),
                getTranslation(c.representativeIdType().messageKey()), c.representativeIdNumberMasked(),
                PersonalDataField.REPRESENTATIVE_ID_NUMBER, () -> reveal(PersonalDataField.REPRESENTATIVE_ID_NUMBER)));
        rows.add(RevealableFact.row(getTranslation("representative.workbench.field.representativeMobile"), null,
                c.representativeMobileMasked(), PersonalDataField.REPRESENTATIVE_MOBILE, () -> reveal(PersonalDataField.REPRESENTATIVE_MOBILE)));
        rows.add(row("representative.workbench.field.agent", c.agentApplies()
                ? c.agentName() + " " + c.agentIdNumberMasked() + " " + c.agentMobileMasked()
                : getTranslation("representative.workbench.field.noAgent")));
        rows.add(row("representative.workbench.field.startedVia", getTranslation("representative.via." + c.startedVia())
                + ("ONLINE".equals(c.startedVia()) ? "" : " · " + c.startedBy())));
        rows.add(row("representative.workbench.field.submittedAt", at(c.submittedAt())));
        if (c.firstReviewer() != null) {
            rows.add(row("representative.workbench.field.firstReviewer", c.firstReviewer()));
        }
        Div card = card("representative.workbench.case", rows);
        card.add(new InPersonLines(inPerson.apply(c.number()), time));
        card.setId("workbench-application");
        return card;
    }

    /** The full value, through the review service: audited, counted, only for who may open this task. */
    private String reveal(PersonalDataField field) {
        return review.reveal(shown.number(), taskId, field, user);
    }

    private Component checksCard() {
        CheckList list = new CheckList(review.checks(shown.number(), user).stream()
                .map(check -> new CheckList.Line(check.outcome(), "representative.workbench.check." + check.name(), check.message()))
                .toList());
        Div card = card("representative.workbench.checks", list);
        card.setId("workbench-checks");
        return card;
    }

    private Component documentsSection(DocumentService documents) {
        H2 heading = new H2(getTranslation("representative.workbench.documents"));
        heading.addClassName("workbench-section-title");
        DocumentPanel.Case panel = new DocumentPanel.Case(shown.number(), slots(), Set.copyOf(shown.supplementSlots()),
                shown.uscc(), shown.representativeName(), review.previousRound(shown.number(), user));
        documentPanel = new DocumentPanel(documents, Access.staff(user), panel, time);
        Div section = new Div(heading, documentPanel);
        section.addClassName("workbench-documents-section");
        return section;
    }

    private Component timelineCard() {
        var events = review.timeline(shown.number(), user);
        CaseTimeline timeline = new CaseTimeline("workbench-timeline", events.stream()
                .map(e -> new CaseTimeline.Entry(e.at(), "representative.event." + e.kind(), e.actor(), e.detail(), List.of()))
                .toList(), time, RepresentativeWorkbench::slotKey,
                colleagues.of(events.stream().map(RepresentativeReview.TimelineLine::actor).toList(), user));
        Div card = card("representative.workbench.timeline", timeline);
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
        DecisionForm form = new DecisionForm(shown.number(), slots(), review.rejectionReasons(user),
                documentPanel.priorVerdicts());
        form.addSubmitListener(e -> decide(form, e.decision()));
        Div card = card(secondApproval ? "representative.workbench.decision.second" : "representative.workbench.decision.first", form);
        card.setId("workbench-decision");
        card.addClassName("workbench-decision-card");
        return card;
    }

    private void decide(DecisionForm form, ReviewDecision decision) {
        try {
            if (secondApproval) {
                review.decideSecond(shown.number(), decision, user);
            } else {
                review.decideFirst(shown.number(), decision, user);
            }
        } catch (UserFacingException e) {
            form.showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (AccessDeniedException e) {
            form.showError(getTranslation("registration.workbench.decision.denied"));
            return;
        }
        onDecided.run();
    }

    private List<DecisionForm.Slot> slots() {
        return shown.slots().stream().map(slot -> new DecisionForm.Slot(slot, slotKey(slot))).toList();
    }

    static String slotKey(String slot) {
        return "representative.slot." + slot;
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
