package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, an index for the case search's name fragments: a GIN index over the title's
 * two-character pieces without whitespace ({@code review_case_bigrams}, also called by
 * {@code review.CaseIndex} on the fragment), so that a fragment of two characters or more is
 * found through the index whatever its script. pg_trgm would not do: it takes no trigram from a
 * two-character fragment such as 四川 (a whole scan of the index) and, under the C locale, none from
 * Chinese characters at all. The query asks for every bigram of the fragment ({@code @>}) and
 * rechecks {@code title_lower like '%fragment%'}.
 *
 * <p>Java rather than SQL because H2 has neither GIN indexes nor this function: there the search scans
 * {@code title_lower}, which the embedded default's size allows. Version 29.1: after V29.
 */
public class V29_1__CaseSearchBigrams extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create or replace function review_case_bigrams(t varchar) returns varchar[]
                    language sql immutable parallel safe as $$
                      select coalesce(array_agg(distinct g), '{}')
                      from (select substr(t, i, 2) as g from generate_series(1, length(t) - 1) as i) pieces
                      where g !~ '\\s'
                    $$""");
            statement.execute("create index ix_review_case_title_bigrams on review_case using gin (review_case_bigrams(title_lower))");
        }
    }
}
