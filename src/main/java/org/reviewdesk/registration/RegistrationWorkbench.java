package org.reviewdesk.registration;

import org.reviewdesk.review.CheckList;
import org.reviewdesk.review.ReviewDecision;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Facts;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.RevealableFact;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.CaseTimeline;
import org.reviewdesk.review.ColleagueNames;
import org.reviewdesk.review.DecisionForm;
import org.reviewdesk.review.DocumentPanel;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.window.InPersonLines;
import org.reviewdesk.window.InPersonVerification;
import org.springframework.security.access.AccessDeniedException;

/**
 * The body of the review view for a registration: the application (personal numbers masked), the
 * automated checks, the documents, the timeline and the decision form. Every read and the decision
 * go through {@link RegistrationReview}, which checks role and assignment again.
 */
public class RegistrationWorkbench extends Div {

    /** The three outcomes of the review, in the order the form offers them. */

    private final RegistrationReview registrations;
    private final BusinessTime businessTime;
    private final CurrentUser user;
    private final Runnable onDecided;
    private final RegistrationWorkbenchCase application;
    private final Function<String, List<InPersonVerification>> inPerson;
    private final ColleagueNames colleagues;
    private DocumentPanel documentPanel;
    private final String taskId;

    /** The verdict per document slot and, for a slot that needs a new version, the reason. */

    RegistrationWorkbench(RegistrationReview registrations, DocumentService documents, ColleagueNames colleagues,
                          ReviewTask task, CurrentUser user, BusinessTime businessTime, Runnable onDecided) {
        this(registrations, documents, colleagues, task, user, businessTime, onDecided, caseRef -> List.of());
    }

    /** @param inPerson the in-person identity checks recorded at the window for a case number */
    RegistrationWorkbench(RegistrationReview registrations, DocumentService documents, ColleagueNames colleagues,
                          ReviewTask task, CurrentUser user, BusinessTime businessTime, Runnable onDecided,
                          Function<String, List<InPersonVerification>> inPerson) {
        this.inPerson = inPerson;
        this.colleagues = colleagues;
        this.taskId = task.taskId();
        this.registrations = registrations;
        this.businessTime = businessTime;
        this.user = user;
        this.onDecided = onDecided;
        this.application = registrations.reviewCase(task.businessKey(), user);
        setId("registration-workbench");
        addClassName("registration-workbench");

        Div main = new Div(applicationCard(), checksCard(), documentsSection(documents));
        main.addClassName("registration-workbench__main");
        boolean mine = user.username().equals(task.assignee());
        Div side = task.isReadOnly() ? new Div(timelineCard()) : new Div(mine ? decisionCard() : claimHint(), timelineCard());
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
        rows.add(RevealableFact.row(getTranslation("registration.workbench.field.representativeId"), idType(a.representativeIdType()),
                a.representativeIdNumberMasked(), PersonalDataField.REPRESENTATIVE_ID_NUMBER, () -> reveal(PersonalDataField.REPRESENTATIVE_ID_NUMBER)));
        rows.add(RevealableFact.row(getTranslation("registration.workbench.field.representativeMobile"), null,
                a.representativeMobileMasked(), PersonalDataField.REPRESENTATIVE_MOBILE, () -> reveal(PersonalDataField.REPRESENTATIVE_MOBILE)));
        if (a.agentApplies()) {
            rows.add(row("registration.workbench.field.agent", a.agentName()));
            rows.add(RevealableFact.row(getTranslation("registration.workbench.field.agentId"), idType(a.agentIdType()),
                    a.agentIdNumberMasked(), PersonalDataField.AGENT_ID_NUMBER, () -> reveal(PersonalDataField.AGENT_ID_NUMBER)));
            rows.add(RevealableFact.row(getTranslation("registration.workbench.field.agentMobile"), null,
                    a.agentMobileMasked(), PersonalDataField.AGENT_MOBILE, () -> reveal(PersonalDataField.AGENT_MOBILE)));
        } else {
            rows.add(row("registration.workbench.field.agent", getTranslation("registration.workbench.field.noAgent")));
        }
        rows.add(RevealableFact.row(getTranslation("registration.workbench.field.contactMobile"), null,
                a.contactMobileMasked(), PersonalDataField.CONTACT_MOBILE, () -> reveal(PersonalDataField.CONTACT_MOBILE)));
        rows.add(row("registration.workbench.field.submittedAt", time(a.submittedAt())));
        if (a.supplementReason() != null && !a.supplementSlots().isEmpty()) {
            rows.add(row("registration.workbench.field.lastSupplement", a.supplementReason()));
        }
        Div card = card("registration.workbench.application", rows);
        card.add(new InPersonLines(inPerson.apply(a.number()), businessTime));
        card.setId("workbench-application");
        return card;
    }

    private String idType(IdType type) {
        return type == null ? null : getTranslation(type.messageKey());
    }

    /** The full value, through the review service: audited, counted, only for who may open this task. */
    private String reveal(PersonalDataField field) {
        return registrations.reveal(application.number(), taskId, field, user);
    }

    private Div row(String labelKey, String value) {
        return Facts.row(getTranslation(labelKey), value);
    }

    // ---- checks -----------------------------------------------------------------------------------

    private Component checksCard() {
        CheckList list = new CheckList(registrations.checks(application.number(), user).stream()
                .map(check -> new CheckList.Line(check.outcome().name(), "registration.workbench.check." + check.check(), check.message()))
                .toList());
        Div card = card("registration.workbench.checks", list);
        card.setId("workbench-checks");
        return card;
    }

    // ---- documents --------------------------------------------------------------------------------

    private Component documentsSection(DocumentService documents) {
        H2 heading = new H2(getTranslation("registration.workbench.documents"));
        heading.addClassName("workbench-section-title");
        DocumentPanel.Case shown = new DocumentPanel.Case(application.number(), slots(), Set.copyOf(application.supplementSlots()),
                application.uscc(), application.name(), registrations.previousRound(application.number(), user));
        documentPanel = new DocumentPanel(documents, Access.staff(user), shown, businessTime);
        Div section = new Div(heading, documentPanel);
        section.addClassName("workbench-documents-section");
        return section;
    }

    // ---- timeline ---------------------------------------------------------------------------------

    private Component timelineCard() {
        List<TimelineEntry> entries = registrations.timeline(application.number(), user);
        CaseTimeline timeline = new CaseTimeline("workbench-timeline", entries.stream()
                .map(e -> new CaseTimeline.Entry(e.at(), e.messageKey(), e.actor(), e.detail(), e.verdicts())).toList(),
                businessTime, RegistrationService::slotKey,
                colleagues.of(entries.stream().map(TimelineEntry::actor).toList(), user));
        Div card = card("registration.workbench.timeline", timeline);
        card.setId("workbench-timeline");
        return card;
    }

    // ---- decision ---------------------------------------------------------------------------------

    private Component claimHint() {
        Div hint = new Div(VaadinIcon.HAND.create(), new Paragraph(getTranslation("registration.workbench.decision.claimFirst")));
        hint.setId("decision-claim-hint");
        hint.addClassNames("card", "workbench-claim-hint");
        return hint;
    }

    private Component decisionCard() {
        DecisionForm form = new DecisionForm(application.number(), slots(), registrations.rejectionReasons(user),
                documentPanel.priorVerdicts());
        form.addSubmitListener(e -> decide(form, e.decision()));
        Div card = card("registration.workbench.decision", form);
        card.setId("workbench-decision");
        card.addClassName("workbench-decision-card");
        return card;
    }

    private void decide(DecisionForm form, ReviewDecision decision) {
        try {
            registrations.decide(application.number(), decision, user);
        } catch (UserFacingException e) {
            form.showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (AccessDeniedException e) {
            form.showError(getTranslation("registration.workbench.decision.denied"));
            return;
        }
        onDecided.run();
    }

    /** The application's document slots, each with its name's bundle key. */
    private List<DecisionForm.Slot> slots() {
        return application.requiredSlots().stream()
                .map(slot -> new DecisionForm.Slot(slot, RegistrationService.slotKey(slot))).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Div card(String titleKey, Component content) {
        H2 title = new H2(getTranslation(titleKey));
        Div card = new Div(title, content);
        card.addClassNames("card", "workbench-card");
        return card;
    }

    private String time(OffsetDateTime at) {
        return at == null ? "—" : businessTime.minute(at);
    }
}
