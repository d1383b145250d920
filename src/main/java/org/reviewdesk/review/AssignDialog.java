package org.reviewdesk.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A supervisor gives one task, or the selected tasks, to a colleague: the choice is limited to
 * members of the tasks' candidate groups, shown by name. The service checks again per task.
 */
class AssignDialog extends Dialog {

    private final ComboBox<Colleague> to = new ComboBox<>();

    /**
     * @param tasks the tasks to assign
     * @param candidates who may be chosen
     * @param onAssign called with the chosen colleague; the dialog closes first
     */
    AssignDialog(Collection<ReviewTask> tasks, List<Colleague> candidates, Consumer<Colleague> onAssign) {
        setId("inbox-assign-dialog");
        addClassName("assign-dialog");
        ReviewTask first = tasks.iterator().next();
        setHeaderTitle(tasks.size() == 1
                ? getTranslation(first.assignee() == null ? "review.assign.titleOne" : "review.assign.titleReassign", first.caseRef())
                : getTranslation("review.assign.titleMany", tasks.size()));
        if (tasks.size() == 1 && first.assignee() != null) {
            String holder = candidates.stream().filter(c -> c.username().equals(first.assignee())).map(Colleague::label)
                    .findFirst().orElse(first.assignee());
            add(new Paragraph(getTranslation("review.assign.current", holder)));
        }
        to.setId("assign-to");
        to.setLabel(getTranslation("review.assign.to"));
        to.setItems(candidates);
        to.setItemLabelGenerator(Colleague::label);
        to.setWidthFull();
        to.setHelperText(getTranslation("review.assign.help"));
        add(to);

        Button assign = new Button(getTranslation("review.assign.confirm"), e -> {
            Colleague chosen = to.getValue();
            close();
            onAssign.accept(chosen);
        });
        assign.setId("assign-confirm");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setEnabled(false);
        to.addValueChangeListener(e -> assign.setEnabled(e.getValue() != null));
        Button cancel = new Button(getTranslation("review.assign.cancel"), e -> close());
        cancel.setId("assign-cancel");
        getFooter().add(cancel, assign);
        setWidth("28rem");
    }
}
