package org.reviewdesk.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/** The internal comments of a task's case in the review view: the list, oldest first, and a field for a new one. */
class CaseCommentsPanel extends Div {

    private final CaseComments comments;
    private final String taskId;
    private final CurrentUser user;
    private final OrderedList list = new OrderedList();
    private final TextArea text = new TextArea();
    private final Button add = new Button();

    private final BusinessTime time;

    CaseCommentsPanel(CaseComments comments, ReviewTask task, CurrentUser user, BusinessTime time) {
        this.time = time;
        this.comments = comments;
        this.taskId = task.taskId();
        this.user = user;
        setId("review-comments");
        addClassNames("card", "review-comments");
        H2 title = new H2(getTranslation("review.comments.title"));
        Paragraph internal = new Paragraph(getTranslation("review.comments.internal"));
        internal.addClassName("review-comments__hint");
        list.addClassName("review-comments__list");
        text.setId("review-comment-text");
        text.setLabel(getTranslation("review.comments.new"));
        text.setMaxLength(CaseComments.MAX_LENGTH);
        text.setWidthFull();
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        text.addValueChangeListener(e -> text.setHelperText(
                getTranslation("review.comments.counter", e.getValue().length(), CaseComments.MAX_LENGTH)));
        add.setId("review-comment-add");
        add.setText(getTranslation("review.comments.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add.addClickListener(e -> addComment());
        add(title, internal, list, text, add);
        refresh();
    }

    private void refresh() {
        fill(list, comments.of(taskId, user), time);
    }

    /** The comments as list items, oldest first ("none yet" for none); also the case page's read-only list. */
    static void fill(OrderedList list, List<CaseComment> all, BusinessTime time) {
        list.removeAll();
        if (all.isEmpty()) {
            ListItem none = new ListItem(list.getTranslation("review.comments.none"));
            none.addClassName("review-comments__none");
            list.add(none);
        }
        for (CaseComment c : all) {
            Span author = new Span(c.authorName());
            author.addClassName("review-comments__author");
            author.setTitle(c.author());
            Span at = new Span(time.minute(c.createdAt()));
            at.addClassName("review-comments__time");
            Paragraph body = new Paragraph(c.body());
            body.addClassName("review-comments__body");
            ListItem item = new ListItem(author, at, body);
            item.addClassName("review-comments__item");
            list.add(item);
        }
    }

    private void addComment() {
        try {
            comments.add(taskId, text.getValue(), user);
        } catch (UserFacingException e) {
            text.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            text.setInvalid(true);
            return;
        } catch (AccessDeniedException e) {
            text.setErrorMessage(getTranslation("review.task.notFoundOrNotYours"));
            text.setInvalid(true);
            return;
        }
        text.setInvalid(false);
        text.clear();
        refresh();
    }
}
