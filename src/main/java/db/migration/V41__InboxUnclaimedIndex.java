package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 16: the UNCLAIMED and OVERDUE first pages on PostgreSQL. PostgreSQL does not take
 * {@code assignee is null} in the middle of V9's {@code (group, assignee, due, task)} index as fixing
 * that column, so it read every unclaimed task of the group (4,000 at 100,000 open) and sorted them
 * for a page of 50, in parallel workers. An index of the unclaimed rows alone, ordered by due date,
 * gives the page in index order and stops after it (explain analyze: 41 ms to 0.5 ms), and gives the
 * overdue range of a group directly. H2 (the embedded default) has no partial indexes and already
 * answers in under a millisecond at its size (docs/benchmarks.md). Java rather than SQL because it is
 * PostgreSQL only.
 */
public class V41__InboxUnclaimedIndex extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("create index ix_review_task_group_unclaimed on review_task_group (group_id, due_at, task_id)"
                    + " where assignee is null");
        }
    }
}
