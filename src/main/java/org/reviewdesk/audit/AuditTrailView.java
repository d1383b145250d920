package org.reviewdesk.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.reviewdesk.platform.DatePickers;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.PhoneCard;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;

/**
 * The administrators' read-only view of the audit trail: filters by user, case, action and period
 * (China time), a lazy grid newest first, details as plain text (whole on hover or in a dialog), and a
 * CSV export of the filtered period streamed by {@link AuditTrail#export}.
 */
@Route("admin/audit")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditTrailView extends VerticalLayout implements HasDynamicTitle {

    private static final int SHOWN_DETAIL = 120;

    private final AuditTrail trail;
    private final BusinessTime time;
    final TextField actor = new TextField();
    final TextField caseRef = new TextField();
    final Select<String> action = new Select<>();
    final DatePicker from = DatePickers.localised(new DatePicker());
    final DatePicker to = DatePickers.localised(new DatePicker());
    final Span problem = new Span();
    final Span exportNote = new Span();
    final Grid<AuditEntry> grid = new Grid<>();
    final Anchor export;
    /** The query the export link uses: set under the session lock, read by the download request. */
    private final AtomicReference<AuditQuery> exportQuery = new AtomicReference<>();

    public AuditTrailView(AuditTrail trail, BusinessTime time) {
        this.trail = trail;
        this.time = time;
        addClassName("audit-trail");
        setSizeFull();

        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.filter.actor"));
        caseRef.setId("audit-case");
        caseRef.setLabel(getTranslation("audit.filter.caseRef"));
        for (TextField field : List.of(actor, caseRef)) {
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> refresh());
        }
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.filter.action"));
        List<String> actions = new ArrayList<>();
        actions.add("");
        actions.addAll(trail.actions());
        action.setItems(actions);
        action.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("audit.filter.action.all") : actionName(a));
        action.setValue("");
        action.addValueChangeListener(e -> refresh());
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.filter.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.filter.to"));
        for (DatePicker picker : List.of(from, to)) {
            picker.setClearButtonVisible(true);
            picker.setMax(time.today());
            picker.addValueChangeListener(e -> refresh());
        }
        from.setHelperText(getTranslation("audit.filter.zone"));

        export = new Anchor(exportHandler(), AttachmentType.DOWNLOAD, "");
        export.setId("audit-export");
        Button exportButton = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTooltipText(getTranslation("audit.export.help", AuditTrail.MAX_EXPORT_DAYS));
        export.add(exportButton);

        exportNote.setId("audit-export-note");
        exportNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout filters = new HorizontalLayout(actor, caseRef, action, from, to, export, exportNote);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        problem.setId("audit-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.addColumn(e -> trail.second(e.occurredAt()))
                .setHeader(getTranslation("audit.column.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> actionName(e.action())).setHeader(getTranslation("audit.column.action")).setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(AuditEntry::action);
        grid.addColumn(e -> e.caseRef() == null ? "" : e.caseRef()).setHeader(getTranslation("audit.column.caseRef"))
                .setAutoWidth(true).setFlexGrow(0);
        // text, never HTML: a detail can hold what a user typed
        grid.addColumn(e -> shortened(e.detail())).setHeader(getTranslation("audit.column.detail")).setFlexGrow(1)
                .setTooltipGenerator(e -> e.detail() == null ? "" : e.detail());
        // a phone: one card per entry (time and user, action and case, the detail) instead of five columns scrolling sideways
        Grid.Column<AuditEntry> card = grid.addComponentColumn(this::card).setKey("card")
                .setHeader(getTranslation("audit.column.time")).setFlexGrow(1);
        card.setVisible(false);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(grid, card, narrow));
        grid.addItemClickListener(e -> showDetail(e.getItem()));
        grid.setSizeFull();

        add(filters, problem, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private DownloadHandler exportHandler() {
        return event -> {
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getResponse().setHeader("Cache-Control", "private, no-store");
            AuditQuery query = exportQuery.get();
            if (query == null) {
                event.getResponse().setStatus(HttpStatusCode.BAD_REQUEST.getCode());
                return;
            }
            event.setFileName(AuditTrail.fileName(query));
            event.setContentType("text/csv; charset=UTF-8");
            trail.export(query, event.getOutputStream());
        };
    }

    private void refresh() {
        AuditQuery query = new AuditQuery(actor.getValue(), caseRef.getValue(), action.getValue(), from.getValue(), to.getValue());
        try {
            AuditQuery checked = trail.checked(query);
            problem.setText("");
            exportNote.setText("");
            grid.setItems(q -> trail.search(checked, q.getOffset(), q.getLimit()).stream());
            exportQuery.set(exportable(checked));
        } catch (UserFacingException refused) {
            problem.setText(getTranslation(refused.messageKey(), refused.arguments()));
            exportNote.setText("");
            grid.setItems(List.of());
            exportQuery.set(null);
        }
        export.setEnabled(exportQuery.get() != null);
    }

    /** The query if the export may run it; else null, and the reason shown beside the export link. */
    private AuditQuery exportable(AuditQuery query) {
        try {
            return trail.checkedForExport(query);
        } catch (UserFacingException refused) {
            exportNote.setText(getTranslation("audit.export.unavailable", getTranslation(refused.messageKey(), refused.arguments())));
            return null;
        }
    }

    private void showDetail(AuditEntry entry) {
        Pre text = new Pre(entry.detail() == null ? "" : entry.detail());
        text.getStyle().set("white-space", "pre-wrap").set("max-width", "40em");
        Dialog dialog = new Dialog(text);
        dialog.setId("audit-detail");
        dialog.setHeaderTitle(actionName(entry.action()) + " · " + time.minute(entry.occurredAt()));
        dialog.getFooter().add(new Button(getTranslation("audit.close"), e -> dialog.close()));
        dialog.open();
    }

    /** The action's name in the user's language where the bundle has one, else its code. */
    private PhoneCard card(AuditEntry entry) {
        PhoneCard card = new PhoneCard(trail.second(entry.occurredAt()), new Span(entry.actor()))
                .line(actionName(entry.action()) + (entry.caseRef() == null ? "" : " · " + entry.caseRef()));
        if (entry.detail() != null && !entry.detail().isBlank()) {
            card.minor(shortened(entry.detail())); // text, never HTML, as in the detail column
        }
        return card;
    }

    String actionName(String code) {
        String key = "audit.action." + code;
        String name = getTranslation(key);
        return name.startsWith("!") || name.equals(key) ? code : name;
    }

    private static String shortened(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() <= SHOWN_DETAIL ? detail : detail.substring(0, SHOWN_DETAIL) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
