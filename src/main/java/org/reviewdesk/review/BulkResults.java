package org.reviewdesk.review;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One act (claim, assign) on each of several tasks, each in its own transaction, so one task that
 * someone else handled meanwhile does not undo the others. When all succeed a short confirmation
 * says so; when any fails, a dialog lists every task with what happened to it and why (the
 * service's own message: "already handled by X at T").
 */
final class BulkResults extends Dialog {

    /** What happened to one task: done, or refused with a message key and its arguments. */
    record Outcome(ReviewTask task, String refusalKey, Object[] refusalArguments) {
        boolean done() {
            return refusalKey == null;
        }
    }

    private BulkResults(String title, String summary, List<Outcome> outcomes, String doneText) {
        setId("inbox-bulk-results");
        addClassName("bulk-results");
        setHeaderTitle(title);
        add(new Paragraph(summary));
        Div list = new Div();
        list.addClassName("bulk-results__list");
        for (Outcome outcome : outcomes) {
            Div row = new Div();
            row.addClassNames("bulk-result", outcome.done() ? "bulk-result--done" : "bulk-result--refused");
            Span icon = new Span((outcome.done() ? VaadinIcon.CHECK : VaadinIcon.CLOSE_SMALL).create());
            icon.addClassName("bulk-result__icon");
            Span ref = new Span(outcome.task().caseRef());
            ref.addClassName("bulk-result__ref");
            Span text = new Span(outcome.done() ? doneText
                    : getTranslation(outcome.refusalKey(), outcome.refusalArguments()));
            text.addClassName("bulk-result__text");
            row.add(icon, ref, text);
            list.add(row);
        }
        add(list);
        Button close = new Button(getTranslation("review.bulk.close"), e -> close());
        close.setId("bulk-results-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }

    /** Runs {@code act} on each task and collects what happened; a refusal never stops the others. */
    static List<Outcome> run(Collection<ReviewTask> tasks, Consumer<ReviewTask> act) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ReviewTask task : tasks) {
            try {
                act.accept(task);
                outcomes.add(new Outcome(task, null, null));
            } catch (UserFacingException e) {
                outcomes.add(new Outcome(task, e.messageKey(), e.arguments()));
            } catch (AccessDeniedException e) {
                outcomes.add(new Outcome(task, "review.inbox.denied", new Object[]{task.caseRef()}));
            }
        }
        return outcomes;
    }

    /**
     * Tells the user: a confirmation when every task was done, else the dialog.
     *
     * @param actKey the act's name ({@code review.bulk.claim}, {@code review.bulk.assign})
     * @param doneKey the confirmation, with the number of tasks done as {0}
     */
    static void report(List<Outcome> outcomes, String actKey, String doneKey) {
        long done = outcomes.stream().filter(Outcome::done).count();
        UI ui = UI.getCurrent();
        if (done == outcomes.size()) {
            Toasts.success(ui.getTranslation(doneKey, done));
            return;
        }
        String act = ui.getTranslation(actKey);
        new BulkResults(ui.getTranslation("review.bulk.title", act),
                ui.getTranslation("review.bulk.summary", done, outcomes.size() - done),
                outcomes, ui.getTranslation("review.bulk.done", act)).open();
    }
}
