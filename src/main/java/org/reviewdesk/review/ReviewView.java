package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.security.access.AccessDeniedException;

/**
 * One task under review: a header the inbox knows (case, process, SLA, assignee, claim) and the
 * body of the task's process, from its {@link CaseAdapter}. After a decision, back to the inbox.
 */
@Route("review/task/:" + ReviewView.TASK_ID)
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME, Role.HOTLINE_AGENT_NAME, Role.HANDLER_NAME})
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String TASK_ID = "taskId";

    private final Inbox inbox;
    private final StepNames stepNames;
    private final CaseComments comments;
    private final WorkingDayCalendar calendar;
    private final ProcessDiagrams diagrams;
    private final BusinessTime time;
    private final CurrentUser user;
    private String taskId;
    private String title = "";

    public ReviewView(Inbox inbox, CaseComments comments, WorkingDayCalendar calendar, ProcessDiagrams diagrams,
                      BusinessTime time, StepNames stepNames) {
        this.stepNames = stepNames;
        this.time = time;
        this.inbox = inbox;
        this.comments = comments;
        this.calendar = calendar;
        this.diagrams = diagrams;
        this.user = CurrentUser.require();
        addClassName("review-view");
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        show();
    }

    private void show() {
        removeAll();
        Optional<ReviewTask> found = taskId.isBlank() ? Optional.empty() : inbox.find(taskId, user);
        if (found.isEmpty()) {
            title = getTranslation("review.task.title");
            Div missing = new Div(VaadinIcon.EXCLAMATION_CIRCLE_O.create(),
                    new Paragraph(getTranslation("review.task.notFoundOrNotYours")));
            missing.setId("review-not-found");
            missing.addClassNames("card", "card-warning", "review-not-found");
            add(missing, backButton());
            return;
        }
        ReviewTask task = found.get();
        title = getTranslation("review.task.titleOf", task.caseRef());
        Optional<CaseAdapter> adapter = inbox.adapter(task.processKey());
        String stepName = stepNames.of(task.processKey(), task.taskKey(), task.taskName(), getLocale());
        add(new ReviewTaskHeader(task, stepNames.process(task.processKey(), task.processKey(), getLocale()), stepName,
                user, inbox.supervises(user, task.processKey()), calendar, time, () -> act(task, inbox::claim, "review.task.claimed"),
                () -> act(task, inbox::unclaim, "review.task.unclaimed"), backButton()));
        diagrams.of(task.taskId(), user, getLocale()).ifPresent(model -> add(new ProcessDiagram(model, stepName)));
        if (adapter.isEmpty()) {
            add(new Paragraph(getTranslation("review.task.noAdapter", task.processKey())));
            return;
        }
        Component body = adapter.get().workbench(task, user, () -> decided(task));
        body.getElement().getClassList().add("review-body");
        add(body);
        add(new CaseCommentsPanel(comments, task, user, time));
    }

    private Button backButton() {
        Button back = new Button(getTranslation("review.task.back"), VaadinIcon.ARROW_LEFT.create(), e -> toInbox());
        back.setId("review-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    private void act(ReviewTask task, BiConsumer<String, CurrentUser> action, String doneKey) {
        try {
            action.accept(task.taskId(), user);
            Toasts.success(getTranslation(doneKey, task.caseRef()));
        } catch (UserFacingException e) {
            Toasts.error(getTranslation(e.messageKey(), e.arguments()));
        } catch (AccessDeniedException e) {
            Toasts.error(getTranslation("review.inbox.denied", task.caseRef()));
        }
        show();
    }

    private void decided(ReviewTask task) {
        Toasts.success(getTranslation("review.task.decided", task.caseRef()));
        toInbox();
    }

    private void toInbox() {
        getUI().ifPresent(ui -> ui.navigate(InboxView.class));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
