package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.rules.WorkingDayCalendar;

/** The review view's head: which case, which step, how long is left, who holds it, and claim/unclaim. */
class ReviewTaskHeader extends Div {

    /** @param supervisor whether the user supervises the task's process (may take it back from its holder) */
    ReviewTaskHeader(ReviewTask task, String processName, String stepName, CurrentUser user, boolean supervisor, WorkingDayCalendar calendar, BusinessTime time,
                     Runnable claim, Runnable unclaim, Component back) {
        setId("review-header");
        addClassName("review-header");

        H2 heading = new H2(task.title() == null ? task.caseRef() : task.title());
        heading.addClassName("review-header__title");
        Div top = new Div(back, heading);
        top.addClassName("review-header__top");

        Div facts = new Div(
                fact(caseRefLabel(task.processKey()), new Span(task.caseRef()), "review-header__case-ref"),
                fact("review.task.code", new Span(task.code() == null ? "—" : task.code()), null),
                fact("review.task.process", new Span(processName + " · " + stepName), null),
                fact("review.task.received", new Span(task.receivedAt() == null ? "—" : time.minute(task.receivedAt())), null),
                fact("review.task.due", new SlaBadge(task.dueAt(), calendar, time), null),
                fact("review.task.assignee", new Span((task.assignee() == null ? getTranslation("review.inbox.unassigned")
                        : task.assignee().equals(user.username()) ? getTranslation("review.inbox.me") : task.assignee())
                        + (task.autoAssigned() ? " · " + getTranslation("review.task.autoAssigned") : "")),
                        "review-header__assignee"));
        facts.addClassName("review-header__facts");

        Div actions = new Div();
        actions.addClassName("review-header__actions");
        if (task.assignee() == null) {
            Button button = new Button(getTranslation("review.task.claim"), VaadinIcon.HAND.create(), e -> claim.run());
            button.setId("review-claim");
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(button);
        } else if (task.assignee().equals(user.username()) || supervisor) {
            Button button = new Button(getTranslation("review.task.unclaim"), VaadinIcon.ARROW_BACKWARD.create(), e -> unclaim.run());
            button.setId("review-unclaim");
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(button);
        }
        add(top, facts, actions);
    }

    /** Each process names its number in its own terms (an application, a case, a work order); others keep the general word. */
    private String caseRefLabel(String processKey) {
        String key = "review.task.caseRef." + processKey;
        String label = getTranslation(key);
        return label.startsWith("!") || label.equals(key) ? "review.task.caseRef" : key;
    }

    private Div fact(String labelKey, Component value, String className) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("review-header__label");
        Div fact = new Div(label, value);
        fact.addClassName("review-header__fact");
        if (className != null) {
            fact.addClassName(className);
        }
        return fact;
    }
}
