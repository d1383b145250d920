package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the inbox projection last wrote for each task in the current transaction, so that an event repeating
 * it writes nothing: {@code TaskService.claim} fires {@code assignment} and then {@code update} for the same
 * change. Bound to the Spring transaction (gone at its end, committed or not) and to the engine's command that
 * wrote it (a nested command of its own, which may roll back alone, never matches its caller's); outside a
 * transaction nothing is kept and every event writes.
 */
final class WrittenInTransaction {

    private static final Object KEY = WrittenInTransaction.class;

    private WrittenInTransaction() {
    }

    /** True when {@code state} is what this transaction last wrote for the task; remembers it either way. */
    static boolean same(String taskId, Written state) {
        Map<String, Entry> written = written();
        if (written == null) {
            return false;
        }
        Entry entry = new Entry(Context.getCommandContext(), state);
        Entry before = written.put(taskId, entry);
        return before != null && before.command() == entry.command() && before.state().equals(state);
    }

    /** The task's row was written by other means (or removed): the next event writes again. */
    static void forget(String taskId) {
        Map<String, Entry> written = written();
        if (written != null) {
            written.remove(taskId);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> written() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Entry> written = (Map<String, Entry>) TransactionSynchronizationManager.getResource(KEY);
        if (written == null) {
            written = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, written);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return written;
    }

    /** The projected fields of a task's row and group rows. */
    record Written(String assignee, OffsetDateTime due, int priority, String name, List<String> groups) {
    }

    private record Entry(CommandContext command, Written state) {
    }
}
