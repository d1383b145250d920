package org.reviewdesk.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Tells a view whether the browser window is narrower than a width (a phone), when the view is attached
 * and whenever the window is resized across that width: for grids, which CSS cannot rearrange (their
 * column widths are set on the columns themselves), so a phone gets a different set of columns.
 */
public final class NarrowScreen {

    /** Below this many CSS pixels a window is a phone's (the stylesheet's own break point). */
    public static final int PHONE = 600;

    private NarrowScreen() {
    }

    /**
     * On a phone a grid shows only its {@code card} column (one cell holding what the other columns show), elsewhere
     * every column but the card.
     */
    public static <T> void cardOnly(Grid<T> grid, Grid.Column<T> card, boolean narrow) {
        for (Grid.Column<T> column : grid.getColumns()) {
            column.setVisible(column == card ? narrow : !narrow);
        }
    }

    /** Calls {@code narrow} with true or false on attach and when a resize crosses {@code maxWidth}. */
    public static void follow(Component view, int maxWidth, Consumer<Boolean> narrow) {
        Registration[] resize = new Registration[1];
        Boolean[] last = new Boolean[1];
        Consumer<Integer> width = w -> {
            boolean now = w > 0 && w < maxWidth;
            if (last[0] == null || last[0] != now) {
                last[0] = now;
                narrow.accept(now);
            }
        };
        view.addAttachListener(attach -> {
            last[0] = null;
            attach.getUI().getPage().retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            resize[0] = attach.getUI().getPage().addBrowserWindowResizeListener(e -> width.accept(e.getWidth()));
        });
        view.addDetachListener(detach -> {
            if (resize[0] != null) {
                resize[0].remove();
                resize[0] = null;
            }
        });
    }
}
