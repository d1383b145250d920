package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The V11.1 migration on a database that already holds documents, on H2 and on a real PostgreSQL:
 * every existing version gets its own random public id, and the column then refuses a missing or a
 * repeated one.
 */
class DocumentPublicIdMigrationIT {

    @Test
    void existingDocumentsGetDistinctPublicIdsOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:public-ids-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrateWithDocuments(h2);
    }

    @Test
    void existingDocumentsGetDistinctPublicIdsOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migrateWithDocuments(postgres.getPostgresDatabase());
        }
    }

    private static void migrateWithDocuments(DataSource dataSource) throws SQLException {
        flyway(dataSource, "11").migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (int version = 1; version <= 3; version++) {
                statement.execute("insert into document (case_ref, slot, version, display_name, detected_type, size_bytes, sha256,"
                        + " storage_key, state, preview_state, created_by, created_at) values ('RD20261204000001', 'licence', "
                        + version + ", 'a.pdf', 'PDF', 1, '" + "0".repeat(64) + "', 'documents/" + UUID.randomUUID()
                        + "', 'INSPECTED', 'READY', 'applicant', current_timestamp)");
            }
        }

        flyway(dataSource, "11.1").migrate();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select public_id from document")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            assertThat(ids).hasSize(3).doesNotContainNull().doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
            assertThatThrownBy(() -> statement.execute("update document set public_id = '" + ids.get(0) + "' where public_id = '"
                    + ids.get(1) + "'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("update document set public_id = null")).isInstanceOf(SQLException.class);
        }
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
    }
}
