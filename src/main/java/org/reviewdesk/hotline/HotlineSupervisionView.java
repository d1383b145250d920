package org.reviewdesk.hotline;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reviewdesk.platform.DatePickers;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.staff.HandlingUnit;
import org.reviewdesk.staff.HandlingUnits;
import org.springframework.security.access.AccessDeniedException;

/**
 * The hotline supervisors' view (督办): this week's or this month's figures per handling unit and per
 * agent, overdue counts in red, and the month's closed orders as CSV for the report.
 */
@Route("hotline/supervision")
@RolesAllowed({Role.SUPERVISOR_NAME, Role.ADMIN_NAME})
public class HotlineSupervisionView extends VerticalLayout implements HasDynamicTitle {

    final Select<HotlineSupervision.Span> span = new Select<>();
    final Grid<HotlineSupervision.Figures> units = grid("supervision-units");
    final Grid<HotlineSupervision.Figures> agents = grid("supervision-agents");
    final Paragraph period = new Paragraph();
    final DatePicker from = DatePickers.localised(new DatePicker());
    final DatePicker to = DatePickers.localised(new DatePicker());
    final HorizontalLayout export = new HorizontalLayout();

    private final HotlineSupervision supervision;
    private final CurrentUser user;
    private final HandlingUnits handlingUnits;
    private final Map<String, Optional<HandlingUnit>> unitsByCode = new HashMap<>();

    public HotlineSupervisionView(HotlineSupervision supervision, HandlingUnits handlingUnits) {
        this.supervision = supervision;
        this.user = CurrentUser.require();
        this.handlingUnits = handlingUnits;
        addClassName("hotline-supervision");

        span.setId("supervision-span");
        span.setLabel(getTranslation("hotline.supervision.span"));
        span.setItems(HotlineSupervision.Span.values());
        span.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        span.addValueChangeListener(e -> refresh());
        period.setId("supervision-period");

        units.addColumn(f -> unitName(f.key())).setHeader(getTranslation("hotline.supervision.unit")).setFlexGrow(2).setKey("name");
        columns(units);
        agents.addColumn(HotlineSupervision.Figures::key).setHeader(getTranslation("hotline.supervision.agent")).setFlexGrow(2).setKey("name");
        columns(agents);

        add(new H2(getTranslation("hotline.supervision.title")), span, period,
                new H3(getTranslation("hotline.supervision.perUnit")), units,
                new H3(getTranslation("hotline.supervision.perAgent")), agents,
                exportSection());
        Paragraph rules = new Paragraph(getTranslation("hotline.supervision.rules"));
        rules.addClassName("overview-note");
        add(rules);
        span.setValue(HotlineSupervision.Span.MONTH);
    }

    private void refresh() {
        HotlineSupervision.Span s = span.getValue();
        HotlineSupervision.Period p = supervision.period(s);
        period.setText(getTranslation("hotline.supervision.periodText", BusinessTime.day(p.first()), BusinessTime.day(p.last())));
        units.setItems(supervision.figures(s, HotlineSupervision.Per.UNIT, user));
        agents.setItems(supervision.figures(s, HotlineSupervision.Per.AGENT, user));
    }

    private VerticalLayout exportSection() {
        HotlineSupervision.Period month = supervision.period(HotlineSupervision.Span.MONTH);
        LocalDate lastMonth = month.first().minusMonths(1);
        from.setId("export-from");
        from.setLabel(getTranslation("hotline.supervision.export.from"));
        from.setValue(lastMonth);
        to.setId("export-to");
        to.setLabel(getTranslation("hotline.supervision.export.to"));
        to.setValue(month.first().minusDays(1));
        Anchor link = new Anchor(DownloadHandler.fromInputStream(e -> csv()), getTranslation("hotline.supervision.export.download"));
        link.setId("export-closed");
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("download", true);
        export.add(from, to, link);
        export.setAlignItems(Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("hotline.supervision.export")), export);
        section.setPadding(false);
        return section;
    }

    /** The file for the dates chosen when the link is followed; a refusal answers with nothing of it. */
    DownloadResponse csv() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        try {
            byte[] bytes = supervision.closedOrdersCsv(first, last, user);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "workorders-closed-" + first + "_" + last + ".csv",
                    "text/csv; charset=UTF-8", bytes.length);
        } catch (UserFacingException e) {
            return DownloadResponse.error(HttpStatusCode.BAD_REQUEST);
        } catch (AccessDeniedException e) {
            return DownloadResponse.error(HttpStatusCode.FORBIDDEN);
        }
    }

    private String unitName(String code) {
        HandlingUnit unit = unitsByCode.computeIfAbsent(code, handlingUnits::byCode).orElse(null);
        if (unit == null) {
            return code;
        }
        return Locale.CHINESE.getLanguage().equals(getLocale().getLanguage()) ? unit.nameZh() : unit.nameEn();
    }

    private static Grid<HotlineSupervision.Figures> grid(String id) {
        Grid<HotlineSupervision.Figures> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addClassName("overview-grid");
        return grid;
    }

    private void columns(Grid<HotlineSupervision.Figures> grid) {
        count(grid, HotlineSupervision.Figures::received, "hotline.supervision.received", false);
        count(grid, HotlineSupervision.Figures::closed, "hotline.supervision.closed", false);
        count(grid, HotlineSupervision.Figures::closedOnTime, "hotline.supervision.closedOnTime", false);
        count(grid, HotlineSupervision.Figures::overdue, "hotline.supervision.overdue", true);
        count(grid, HotlineSupervision.Figures::merged, "hotline.supervision.merged", false);
        rate(grid, HotlineSupervision.Figures::onTimeSign, "hotline.supervision.onTimeSign");
        rate(grid, HotlineSupervision.Figures::onTimeClose, "hotline.supervision.onTimeClose");
        rate(grid, HotlineSupervision.Figures::callback, "hotline.supervision.callback");
        rate(grid, HotlineSupervision.Figures::satisfaction, "hotline.supervision.satisfaction");
        rate(grid, HotlineSupervision.Figures::reopened, "hotline.supervision.reopened");
    }

    private void count(Grid<HotlineSupervision.Figures> grid, ValueProvider<HotlineSupervision.Figures, Long> value,
                       String key, boolean alarm) {
        grid.addColumn(value).setHeader(getTranslation(key)).setTextAlign(ColumnTextAlign.END).setKey(key)
                .setPartNameGenerator(alarm ? f -> value.apply(f) > 0 ? "count-alarm" : null : f -> null);
    }

    private void rate(Grid<HotlineSupervision.Figures> grid, ValueProvider<HotlineSupervision.Figures, HotlineSupervision.Rate> value,
                      String key) {
        grid.addColumn(f -> percent(value.apply(f))).setHeader(getTranslation(key)).setTextAlign(ColumnTextAlign.END).setKey(key)
                .setTooltipGenerator(f -> value.apply(f).count() + " / " + value.apply(f).of());
    }

    static String percent(HotlineSupervision.Rate rate) {
        Double p = rate.percent();
        return p == null ? "—" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("hotline.supervision.title");
    }
}
