package org.reviewdesk.namechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V20 on a database that already holds name changes, on H2 and on a real PostgreSQL: the newest open
 * case of a code holds it, closed cases hold nothing, earlier cases count as submitted when started;
 * then the database refuses a second open case for a code.
 */
class NameChangeOpenCaseMigrationIT {

    @Test
    void existingCasesAreMigratedOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:name-change-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrateWithCases(h2);
    }

    @Test
    void existingCasesAreMigratedOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migrateWithCases(postgres.getPostgresDatabase());
        }
    }

    private static void migrateWithCases(DataSource dataSource) throws SQLException {
        flyway(dataSource, "18").migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(insert("NC20260101000001", "IN_REVIEW", "914403001922038216"));
            sql.execute(insert("NC20260101000002", "AWAITING_LICENCE", "914403001922038216"));
            sql.execute(insert("NC20260101000003", "RENAMED", "91110108551385082Q"));
        }
        flyway(dataSource, "20").migrate();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select number from name_change where open_uscc is not null order by number").query(String.class).list())
                .as("the newest open case of the code holds it").containsExactly("NC20260101000002");
        assertThat(jdbc.sql("select count(*) from name_change where submitted_at = created_at").query(Integer.class).single()).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql("update name_change set open_uscc = uscc where number = 'NC20260101000001'").update())
                .as("a second open case for the code").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        jdbc.sql("update name_change set open_uscc = uscc where number = 'NC20260101000003'").update();
    }

    private static String insert(String number, String state, String uscc) {
        return """
                insert into name_change (number, state, uscc, old_name, new_name, applicant_name, applicant_mobile, started_via,
                  started_by, locale, access_code_hash, created_at)
                values ('%s', '%s', '%s', 'Old Co Ltd', 'New Co Ltd', '张三', '13812345678', 'ONLINE', 'applicant:x', 'zh-CN', 'h',
                  timestamp with time zone '2026-01-01 10:00:00+08:00')""".formatted(number, state, uscc);
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
    }
}
