package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.Role;

/**
 * The reviewer's and supervisor's start page: how much work is mine, waiting, late and done; for
 * supervisors the same per group and per person, so overdue work and free hands show at a glance.
 */
@Route("work")
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME, Role.HOTLINE_AGENT_NAME, Role.HANDLER_NAME})
public class WorkOverviewView extends VerticalLayout implements HasDynamicTitle {

    private final AutoAssignment autoAssignment;

    public WorkOverviewView(WorkOverview overview, AutoAssignment autoAssignment, ColleagueNames colleagues, StepNames names) {
        this.autoAssignment = autoAssignment;
        addClassName("work-overview");
        WorkOverview.Counts counts = overview.mine();
        boolean seesTeam = overview.seesTeam();
        if (seesTeam) {
            // beside the team's figures below, a supervisor must tell which ones are their own
            add(new H2(getTranslation("review.overview.myWork")));
        }
        add(tiles(
                tile("tile-mine", "review.overview.mine", counts.assignedToMe(), false),
                tile("tile-unclaimed", "review.overview.unclaimed", counts.unclaimedInMyGroups(), false),
                tile("tile-overdue", "review.overview.overdue", counts.overdue(), counts.overdue() > 0),
                tile("tile-decided-today", "review.overview.decidedToday", counts.decidedToday(), false),
                tile("tile-decided-week", "review.overview.decidedWeek", counts.decidedThisWeek(), false),
                tile("tile-documents-requested-week", "review.overview.documentsRequestedWeek", counts.documentsRequestedThisWeek(),
                        false)));
        if (counts.assignedToMe() + counts.unclaimedInMyGroups() == 0) {
            add(new Paragraph(getTranslation("review.overview.empty")));
        }
        if (seesTeam) {
            addTeam(overview);
            add(new AutoAssignmentSettings(autoAssignment, colleagues, names));
        }
        Paragraph rule = new Paragraph(getTranslation("review.overview.decidedRule"));
        rule.addClassName("overview-note");
        add(rule);
    }

    private void addTeam(WorkOverview overview) {
        WorkOverview.Team team = overview.team();
        add(new H2(getTranslation("review.overview.team")), tiles(
                tile("tile-team-today", "review.overview.teamToday", team.decidedToday(), false),
                tile("tile-team-week", "review.overview.teamWeek", team.decidedThisWeek(), false)));

        // what the decisions came to: a request for documents is counted apart, never as a finished decision;
        // the finished ones add up to the tiles above, completed steps without an outcome in a column of their own
        Grid<Period> outcomes = new Grid<>();
        outcomes.setId("team-outcomes");
        outcomes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        outcomes.addColumn(p -> getTranslation(p.labelKey())).setHeader(getTranslation("review.overview.period"));
        number(outcomes, p -> p.outcomes().approved(), "review.outcome.APPROVED", false).setKey("approved");
        number(outcomes, p -> p.outcomes().rejected(), "review.outcome.REJECTED", false).setKey("rejected");
        Period today = new Period("review.overview.today", team.today());
        Period week = new Period("review.overview.thisWeek", team.thisWeek());
        if (week.otherSteps() > 0) {
            number(outcomes, Period::otherSteps, "review.overview.otherSteps", false).setKey("otherSteps")
                    .setTooltipGenerator(p -> getTranslation("review.overview.otherStepsHint"));
        }
        // a short header: "Documents requested" is cut in a phone's narrow column
        number(outcomes, p -> p.outcomes().documentsRequested(), "review.overview.documentsRequestedShort", false).setKey("documentsRequested");
        outcomes.setItems(today, week);
        outcomes.setAllRowsVisible(true);
        outcomes.addClassName("overview-grid");
        add(new H3(getTranslation("review.overview.outcomes")), outcomes);

        Grid<WorkOverview.GroupCounts> groups = new Grid<>();
        groups.setId("group-counts");
        groups.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        groups.addColumn(g -> getTranslation(g.group().messageKey())).setHeader(getTranslation("review.overview.group"));
        number(groups, WorkOverview.GroupCounts::open, "review.overview.open", false);
        number(groups, WorkOverview.GroupCounts::unclaimed, "review.overview.unclaimedShort", false);
        number(groups, WorkOverview.GroupCounts::overdue, "review.overview.overdueShort", true);
        groups.setItems(overview.perGroup());
        groups.setAllRowsVisible(true);
        groups.addClassName("overview-grid");

        Grid<WorkOverview.PersonCounts> people = new Grid<>();
        people.setId("person-counts");
        // names and headers wrap rather than end in "…"; on a phone the day's and the requests' columns and the
        // presence step aside, so the names keep their room (all of them are in the tiles above and on a desk)
        people.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        people.addColumn(WorkOverview.PersonCounts::displayName).setHeader(getTranslation("review.overview.person"))
                .setTooltipGenerator(WorkOverview.PersonCounts::username).setFlexGrow(2)
                // a name breaks between its words ("审核主管" / "陈静"), never inside the person's own name
                .setPartNameGenerator(p -> "person-name");
        number(people, WorkOverview.PersonCounts::open, "review.overview.assigned", false);
        number(people, WorkOverview.PersonCounts::overdue, "review.overview.overdueShort", true);
        Grid.Column<WorkOverview.PersonCounts> decidedToday = number(people, WorkOverview.PersonCounts::decidedToday,
                "review.overview.decidedTodayShort", false).setKey("decidedToday");
        number(people, WorkOverview.PersonCounts::decidedThisWeek, "review.overview.decidedWeekShort", false);
        Grid.Column<WorkOverview.PersonCounts> requested = number(people, WorkOverview.PersonCounts::documentsRequestedThisWeek,
                "review.overview.documentsRequestedWeekShort", false).setKey("documentsRequested");
        Set<String> present = autoAssignment.presentToday();
        Grid.Column<WorkOverview.PersonCounts> presence = people.addColumn(p -> present.contains(p.username()) ? getTranslation("review.presence.present") : "")
                .setHeader(getTranslation("review.presence.column")).setKey("present");
        NarrowScreen.follow(people, NarrowScreen.PHONE, narrow -> List.of(decidedToday, requested, presence).forEach(c -> c.setVisible(!narrow)));
        people.setItems(team.people());
        people.setAllRowsVisible(true);
        people.addClassName("overview-grid");

        add(new H3(getTranslation("review.overview.perGroup")), groups,
                new H3(getTranslation("review.overview.perPerson")), people);
    }

    private record Period(String labelKey, Outcomes outcomes) {

        /** Finished steps that recorded no outcome (another kind of step, or decided before outcomes were kept). */
        long otherSteps() {
            return outcomes.decided() - outcomes.approved() - outcomes.rejected();
        }
    }

    /** A right-aligned count column; an alarm column shows a non-zero count in red. */
    private <T> Grid.Column<T> number(Grid<T> grid, ValueProvider<T, Long> value, String headerKey, boolean alarm) {
        // narrow and growing: on a phone the figures fit beside each other instead of scrolling sideways
        return grid.addColumn(value).setHeader(getTranslation(headerKey)).setTextAlign(ColumnTextAlign.END).setWidth("4.5rem").setFlexGrow(1)
                .setPartNameGenerator(alarm ? t -> value.apply(t) > 0 ? "count-alarm" : null : t -> null);
    }

    private static FlexLayout tiles(Component... tiles) {
        FlexLayout layout = new FlexLayout(tiles);
        layout.addClassName("tiles");
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        return layout;
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
