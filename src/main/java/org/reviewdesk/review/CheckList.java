package org.reviewdesk.review;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.rules.RuleMessage;

/**
 * A case's automated checks on the workbench, for every process: the outcome as a pill, the check's
 * name, its message. Each process names its checks; the outcomes are the workbench's own words.
 */
public class CheckList extends OrderedList {

    /**
     * @param outcome {@code PASSED}, {@code FLAGGED} or {@code STOPPED}
     * @param nameKey the check's name in the process's bundle
     * @param message what the check found; null for nothing to say
     */
    public record Line(String outcome, String nameKey, RuleMessage message) {
    }

    public CheckList(List<Line> lines) {
        addClassName("workbench-checks");
        for (Line line : lines) {
            String outcome = line.outcome().toLowerCase(Locale.ROOT);
            Span badge = new Span(getTranslation("review.check.outcome." + line.outcome()));
            badge.addClassNames("workbench-pill", "workbench-pill--" + outcome);
            Span name = new Span(getTranslation(line.nameKey()));
            name.addClassName("workbench-checks__name");
            Span message = new Span(line.message() == null ? ""
                    : getTranslation(line.message().key(), line.message().argumentArray()));
            message.addClassName("workbench-checks__message");
            ListItem item = new ListItem(badge, name, message);
            item.addClassNames("workbench-checks__item", "workbench-checks__item--" + outcome);
            add(item);
        }
        if (lines.isEmpty()) {
            add(new ListItem(getTranslation("review.check.none")));
        }
    }
}
