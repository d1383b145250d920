package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;

/** The reviewer's and supervisor's start page: how much work is mine, waiting, and late. */
@Route("work")
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME})
public class WorkOverviewView extends VerticalLayout implements HasDynamicTitle {

    public WorkOverviewView(WorkOverview overview) {
        addClassName("work-overview");
        WorkOverview.Counts counts = overview.mine();
        FlexLayout tiles = new FlexLayout(
                tile("tile-mine", "review.overview.mine", counts.assignedToMe(), false),
                tile("tile-unclaimed", "review.overview.unclaimed", counts.unclaimedInMyGroups(), false),
                tile("tile-overdue", "review.overview.overdue", counts.overdue(), counts.overdue() > 0));
        tiles.addClassName("tiles");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(tiles);
        if (counts.assignedToMe() + counts.unclaimedInMyGroups() == 0) {
            add(new Paragraph(getTranslation("review.overview.empty")));
        }
        if (CurrentUser.get().filter(u -> u.has(Role.SUPERVISOR)).isPresent()) {
            Grid<WorkOverview.GroupCounts> groups = new Grid<>();
            groups.setId("group-counts");
            groups.addColumn(g -> getTranslation(g.group().messageKey())).setHeader(getTranslation("review.overview.group"));
            groups.addColumn(WorkOverview.GroupCounts::open).setHeader(getTranslation("review.overview.open"));
            groups.addColumn(WorkOverview.GroupCounts::unclaimed).setHeader(getTranslation("review.overview.unclaimedShort"));
            groups.addColumn(WorkOverview.GroupCounts::overdue).setHeader(getTranslation("review.overview.overdueShort"));
            groups.setItems(overview.perGroup());
            groups.setAllRowsVisible(true);
            add(new H2(getTranslation("review.overview.perGroup")), groups);
        }
    }

    private Component tile(String id, String key, long value, boolean alarm) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("tile-number");
        Span label = new Span(getTranslation(key));
        label.addClassName("tile-label");
        Div tile = new Div(number, label);
        tile.setId(id);
        tile.addClassNames("tile", alarm ? "tile-alarm" : "tile-calm");
        return tile;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.overview.title");
    }
}
