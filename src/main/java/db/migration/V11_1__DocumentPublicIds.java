package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A random public id for every stored document version ({@code document.public_id}), the only id that
 * appears in a URL: the numeric id is sequential, so a URL carrying it lets anyone who can read one
 * document guess the next. Existing rows get a fresh random UUID each.
 *
 * <p>Java rather than SQL because the two databases name their UUID function differently (H2
 * {@code random_uuid()}, PostgreSQL {@code gen_random_uuid()}); everything else here is portable SQL.
 * Version 11.1: after V11, before whatever comes next.
 */
public class V11_1__DocumentPublicIds extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table document add column public_id uuid");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from document")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update document set public_id = ? where id = ?")) {
            int pending = 0;
            for (long id : ids) {
                update.setObject(1, UUID.randomUUID());
                update.setLong(2, id);
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table document alter column public_id set not null");
            statement.execute("create unique index uk_document_public_id on document (public_id)");
        }
    }
}
