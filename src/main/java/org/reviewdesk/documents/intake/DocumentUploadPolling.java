package org.reviewdesk.documents.intake;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;

/**
 * Shares the UI's poll interval among the {@link DocumentUploadField}s of a UI that wait for their
 * previews: the first waiter turns polling on (unless the UI already polls often enough), the last
 * one gives the UI back the interval it had. Only ever used while the session is locked.
 */
final class DocumentUploadPolling implements Serializable {

    static final int INTERVAL_MILLIS = 1500;

    private final UI ui;
    private int waiting;
    private int before;

    private DocumentUploadPolling(UI ui) {
        this.ui = ui;
    }

    static DocumentUploadPolling of(UI ui) {
        DocumentUploadPolling polling = ComponentUtil.getData(ui, DocumentUploadPolling.class);
        if (polling == null) {
            polling = new DocumentUploadPolling(ui);
            ComponentUtil.setData(ui, DocumentUploadPolling.class, polling);
        }
        return polling;
    }

    /** Calls {@code onPoll} on every poll until the returned registration is removed. */
    Registration start(Runnable onPoll) {
        if (waiting++ == 0) {
            before = ui.getPollInterval();
            if (before < 0 || before > INTERVAL_MILLIS) {
                ui.setPollInterval(INTERVAL_MILLIS);
            }
        }
        Registration listener = ui.addPollListener((PollEvent e) -> onPoll.run());
        boolean[] removed = {false};
        return () -> {
            if (removed[0]) {
                return;
            }
            removed[0] = true;
            listener.remove();
            if (--waiting == 0 && ui.getPollInterval() == INTERVAL_MILLIS && before != INTERVAL_MILLIS) {
                ui.setPollInterval(before);
            }
        };
    }
}
