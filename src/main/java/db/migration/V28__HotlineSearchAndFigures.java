package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 13's speed targets at a million work orders and 200,000 accounts (docs/benchmarks.md).
 *
 * <p>The supervision figures ({@code HotlineSupervision.figures}) sum, per unit or agent, one branch per
 * time of the order; each branch is answered by an index-only range scan of the index that leads with
 * that time and holds every column the branch reads. These replace V25's one-column indexes (same
 * leading column, so every other query on those times keeps its index).
 *
 * <p>The case screen's name fragment: on PostgreSQL a GIN index over the bigrams (pairs of adjacent
 * characters, lower case) of every name an account has had; a fragment of two or more characters
 * matches only names holding all its bigrams, and the {@code like} then checks the order. Chinese
 * names make pg_trgm unfit: a two-character fragment yields no trigram, so its index would read every
 * row, and pg_trgm needs the extension installed by a privileged role. H2 (the embedded default, for
 * small installations and tests) has no expression or GIN index: it scans the narrow name table.
 * Java rather than SQL because that half is PostgreSQL only.
 */
public class V28__HotlineSearchAndFigures extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        try (Statement sql = connection.createStatement()) {
            for (String index : new String[] {"created", "dispatched", "signed", "replied", "closed", "state"}) {
                sql.execute("drop index ix_work_order_" + index);
            }
            sql.execute("create index ix_work_order_created_by on work_order (created_at, taken_by)");
            sql.execute("create index ix_work_order_dispatched_unit on work_order (dispatched_at, unit_code)");
            sql.execute("create index ix_work_order_signed_figures on work_order (signed_at, unit_code, taken_by, sign_due)");
            sql.execute("create index ix_work_order_replied_figures on work_order (replied_at, unit_code, taken_by, state)");
            sql.execute("create index ix_work_order_closed_figures on work_order (closed_at, unit_code, taken_by, state, replied_at,"
                    + " handle_due, satisfaction, reopened)");
            sql.execute("create index ix_work_order_state_figures on work_order (state, sign_due, handle_due, unit_code, taken_by)");
            if (postgres) {
                sql.execute("""
                        create function rd_name_bigrams(t text) returns text[] language sql immutable strict parallel safe as
                        'select coalesce(array_agg(distinct substr(l, i, 2)), ''{}'') from (select lower(t) as l) s,
                           generate_series(1, char_length(l) - 1) as i'""");
                sql.execute("create index ix_enterprise_account_name_bigrams on enterprise_account_name using gin (rd_name_bigrams(name))");
            }
        }
    }
}
