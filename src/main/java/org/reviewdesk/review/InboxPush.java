package org.reviewdesk.review;

import com.vaadin.flow.component.UI;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings new tasks to the open inboxes without a reload, on any number of nodes. Each node looks
 * every {@code reviewdesk.review.inbox.refresh-interval} at a cheap marker of the shared projection
 * (how many tasks are open and when the newest was created; the latter from an index); when it changed,
 * every inbox attached on this node refreshes its counts and grid through Vaadin push. A task created
 * on another node changes the same marker, so nothing is held per node but the attached views, and
 * those only weakly: a view is dropped on detach, or when its session is gone.
 */
@Component
class InboxPush {

    private static final Logger log = LoggerFactory.getLogger(InboxPush.class);

    private final JdbcClient jdbc;
    private final Set<InboxView> attached = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile Marker last;

    InboxPush(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(InboxView view) {
        attached.add(view);
    }

    void unregister(InboxView view) {
        attached.remove(view);
    }

    boolean isRegistered(InboxView view) {
        return attached.contains(view);
    }

    /** Looks at the marker; when it changed since the last look, refreshes every attached inbox. */
    @Scheduled(initialDelayString = "${reviewdesk.review.inbox.refresh-interval:5s}",
            fixedDelayString = "${reviewdesk.review.inbox.refresh-interval:5s}")
    void poll() {
        Marker now = jdbc.sql("select count(*), max(created_at) from review_task")
                .query((rs, n) -> new Marker(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).single();
        if (now.equals(last)) {
            return;
        }
        last = now;
        List<InboxView> views;
        synchronized (attached) {
            views = List.copyOf(attached);
        }
        for (InboxView view : views) {
            view.getUI().ifPresent(ui -> push(ui, view));
        }
    }

    private static void push(UI ui, InboxView view) {
        try {
            ui.access(view::refresh);
        } catch (com.vaadin.flow.component.UIDetachedException gone) {
            // closed between the copy and now; detach unregisters it
            log.debug("inbox closed before its refresh", gone);
        }
    }

    /** What changes when a task is created or goes: how many are open, and the newest's creation. */
    private record Marker(long open, OffsetDateTime newest) {
    }
}
