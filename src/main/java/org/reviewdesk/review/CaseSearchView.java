package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.reviewdesk.platform.DatePickers;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;

/**
 * The case search ({@code /cases}): every case of the processes the user works, in any state, by
 * number, credit code or a fragment of the name, filtered by process, phase, days received and who
 * decided; newest first, loaded page by page. A row opens the read-only case page. The filters live in
 * the address, so a case page's "back" returns to the same list.
 */
@Route("cases")
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME, Role.HOTLINE_AGENT_NAME, Role.HANDLER_NAME})
public class CaseSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField search = new TextField();
    final ComboBox<CaseAdapter> process = new ComboBox<>();
    final ComboBox<CasePhase> phase = new ComboBox<>();
    final DatePicker from = DatePickers.localised(new DatePicker());
    final DatePicker to = DatePickers.localised(new DatePicker());
    final ComboBox<Colleague> decidedBy = new ComboBox<>();
    final Grid<CaseEntry> grid = new Grid<>();

    private final CaseIndex cases;
    private final BusinessTime time;
    private final StepNames stepNames;
    private final CurrentUser user;
    private final Map<String, CaseAdapter> adapters = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private boolean restoring;

    public CaseSearchView(CaseIndex cases, BusinessTime time, StepNames stepNames) {
        this.cases = cases;
        this.time = time;
        this.stepNames = stepNames;
        this.user = CurrentUser.require();
        cases.processes(user).forEach(a -> adapters.put(a.processKey(), a));
        setId("cases-list");
        addClassName("cases-list");
        setSizeFull();
        H2 heading = new H2(getTranslation("review.cases.title"));
        heading.addClassName("cases-list__title");
        Span hint = new Span(getTranslation("review.cases.hint"));
        hint.addClassName("cases-list__hint");
        add(heading, hint, filters(), grid);
        configureGrid();
        setFlexGrow(1, grid);
    }

    private Component filters() {
        search.setId("cases-search");
        search.setLabel(getTranslation("review.cases.search"));
        search.setPlaceholder(getTranslation("review.cases.searchPlaceholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("cases-list__text");

        process.setId("cases-process");
        process.setLabel(getTranslation("review.cases.process"));
        process.setItems(adapters.values());
        process.setItemLabelGenerator(a -> stepNames.process(a.processKey(), getLocale()));
        process.setClearButtonVisible(true);
        process.setPlaceholder(getTranslation("review.cases.any"));

        phase.setId("cases-phase");
        phase.setLabel(getTranslation("review.cases.phase"));
        phase.setItems(CasePhase.values());
        phase.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        phase.setClearButtonVisible(true);
        phase.setPlaceholder(getTranslation("review.cases.any"));

        from.setId("cases-from");
        from.setLabel(getTranslation("review.cases.receivedFrom"));
        to.setId("cases-to");
        to.setLabel(getTranslation("review.cases.receivedTo"));
        for (DatePicker picker : List.of(from, to)) {
            picker.setClearButtonVisible(true);
            picker.setLocale(getLocale());
        }

        decidedBy.setId("cases-decided-by");
        decidedBy.setLabel(getTranslation("review.cases.decidedBy"));
        List<Colleague> deciders = cases.deciders(user);
        deciders.forEach(c -> names.put(c.username(), c.displayName()));
        decidedBy.setItems(deciders);
        decidedBy.setItemLabelGenerator(Colleague::label);
        decidedBy.setClearButtonVisible(true);
        decidedBy.setPlaceholder(getTranslation("review.cases.anyone"));

        search.addValueChangeListener(e -> changed());
        process.addValueChangeListener(e -> changed());
        phase.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        decidedBy.addValueChangeListener(e -> changed());

        Div bar = new Div(search, process, phase, from, to, decidedBy);
        bar.setId("cases-filters");
        bar.addClassName("cases-list__filters");
        return bar;
    }

    private void configureGrid() {
        grid.setId("cases-grid");
        grid.addClassName("cases-list__grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.addComponentColumn(this::caseCell).setHeader(getTranslation("review.cases.column.case")).setFlexGrow(3);
        grid.addComponentColumn(this::stateCell).setHeader(getTranslation("review.cases.column.state")).setFlexGrow(2);
        grid.addComponentColumn(this::datesCell).setHeader(getTranslation("review.cases.column.dates")).setFlexGrow(2);
        // issue 14: on a phone the case column was about 140 px, and broke the number, the code and the received time
        // mid-number; a phone gets one cell per case (number and code, name, process and state, dates)
        Grid.Column<CaseEntry> card = grid.addComponentColumn(c -> {
            Div whole = new Div(caseCell(c), stateCell(c), datesCell(c));
            whole.addClassName("cases-list__card");
            return whole;
        }).setHeader(getTranslation("review.cases.column.case")).setFlexGrow(1);
        card.setVisible(false);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(grid, card, narrow));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("review.cases.empty"));
    }

    private Stream<CaseEntry> fetch(int offset, int limit) {
        try {
            search.setInvalid(false);
            return cases.search(query(), offset, limit, user).stream();
        } catch (UserFacingException e) {
            search.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            search.setInvalid(true);
            return Stream.empty();
        }
    }

    CaseQuery query() {
        return new CaseQuery(search.getValue(), process.getValue() == null ? null : process.getValue().processKey(),
                phase.getValue(), from.getValue(), to.getValue(), decidedBy.getValue() == null ? null : decidedBy.getValue().username());
    }

    private Component caseCell(CaseEntry c) {
        RouterLink number = new RouterLink(c.caseRef(), CaseView.class, new RouteParameters(CaseView.CASE_REF, c.caseRef()));
        number.addClassName("cases-list__number");
        Div first = new Div(number);
        if (c.code() != null) {
            Span code = new Span(c.code());
            code.addClassName("cases-list__code");
            first.add(code);
        }
        first.addClassName("cases-list__line");
        Span title = new Span(c.title() == null ? "—" : c.title());
        title.addClassName("cases-list__name");
        Div cell = new Div(first, title);
        cell.addClassName("cases-list__cell");
        return cell;
    }

    private Component stateCell(CaseEntry c) {
        Span process = new Span(stepNames.process(c.processKey(), getLocale()));
        process.addClassName("cases-list__process");
        Div cell = new Div(process, phasePill(c));
        cell.addClassName("cases-list__cell");
        return cell;
    }

    /** The process's own state in the colour of its phase. */
    static Span phasePill(CaseEntry c) {
        Span state = new Span(com.vaadin.flow.component.UI.getCurrent().getTranslation(c.stateKey()));
        state.addClassNames("workbench-pill", "case-phase", "case-phase--" + c.phase().name().toLowerCase(java.util.Locale.ROOT));
        state.setTitle(com.vaadin.flow.component.UI.getCurrent().getTranslation(c.phase().messageKey()));
        return state;
    }

    private Component datesCell(CaseEntry c) {
        Span received = new Span(c.receivedAt() == null ? getTranslation("review.cases.notReceived")
                : getTranslation("review.cases.receivedAt", time.minute(c.receivedAt())));
        received.addClassName("cases-list__date");
        Div cell = new Div(received);
        if (c.decidedBy() != null) {
            Span decided = new Span(getTranslation("review.cases.decidedByAt", names.getOrDefault(c.decidedBy(), c.decidedBy()),
                    c.decidedAt() == null ? "" : time.day(c.decidedAt())));
            decided.addClassName("cases-list__decided");
            decided.setTitle(c.decidedBy());
            cell.add(decided);
        }
        cell.addClassName("cases-list__cell");
        return cell;
    }

    private void open(CaseEntry c) {
        getUI().ifPresent(ui -> ui.navigate(CaseView.class, new RouteParameters(CaseView.CASE_REF, c.caseRef())));
    }

    private void changed() {
        if (restoring) {
            return;
        }
        grid.getDataProvider().refreshAll();
        String location = RouteConfiguration.forSessionScope().getUrl(CaseSearchView.class);
        String parameters = parameters().getQueryString();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, parameters.isEmpty() ? location : location + "?" + parameters));
    }

    private QueryParameters parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        CaseQuery q = query();
        put(values, "q", q.text() == null || q.text().isBlank() ? null : q.text().strip());
        put(values, "process", q.processKey());
        put(values, "phase", q.phase() == null ? null : q.phase().name());
        put(values, "from", q.receivedFrom() == null ? null : q.receivedFrom().toString());
        put(values, "to", q.receivedTo() == null ? null : q.receivedTo().toString());
        put(values, "by", q.decidedBy());
        return QueryParameters.simple(values);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            search.setValue(first(p, "q", ""));
            process.setValue(adapters.get(first(p, "process", "")));
            phase.setValue(Arrays.stream(CasePhase.values()).filter(v -> v.name().equals(first(p, "phase", ""))).findFirst().orElse(null));
            from.setValue(day(first(p, "from", "")));
            to.setValue(day(first(p, "to", "")));
            String by = first(p, "by", "");
            decidedBy.setValue(decidedBy.getListDataView().getItems().filter(c -> c.username().equals(by)).findFirst().orElse(null));
        } finally {
            restoring = false;
        }
        grid.getDataProvider().refreshAll();
    }

    private static String first(Map<String, List<String>> parameters, String key, String fallback) {
        List<String> values = parameters.get(key);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static LocalDate day(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.cases.title");
    }
}
