package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The UNCLAIMED and OVERDUE first pages' SQL on a real PostgreSQL with the application's migrations:
 * the pages hold the right tasks in due order (the overdue ids are limited before the join, so a
 * second page must still follow the first), and V41's partial index exists (its plan: docs/benchmarks.md).
 */
class InboxSqlPostgresTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 4, 10, 0, 0, 0, ZoneOffset.UTC);
    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;

    @BeforeAll
    static void started() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource data = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(data);
        // 30 tasks of the reviewers, due one hour apart around now; every third claimed by someone else,
        // every fifth mine; one task offered to two groups (must show once)
        for (int i = 0; i < 30; i++) {
            String assignee = i % 5 == 0 ? "reviewer" : i % 3 == 0 ? "other" : null;
            task("t" + i, assignee, NOW.minusHours(20).plusHours(i), i == 7 ? List.of("reviewers", "auditors") : List.of("reviewers"));
        }
    }

    @AfterAll
    static void stopped() throws Exception {
        postgres.close();
    }

    @Test
    void theOverdueTabsPagesHoldTheOverdueUnclaimedOfMyGroupsAndMineInDueOrderOnce() {
        InboxSql.Viewer viewer = new InboxSql.Viewer("reviewer", List.of("reviewers", "auditors"), List.of());
        List<String> first = page(InboxTab.OVERDUE, viewer, 0, 5);
        List<String> second = page(InboxTab.OVERDUE, viewer, 5, 5);
        List<String> all = page(InboxTab.OVERDUE, viewer, 0, 50);

        // due before now: t0..t19; of them neither claimed by another (i % 3 == 0, not mine)
        assertThat(all).containsExactly("t0", "t1", "t2", "t4", "t5", "t7", "t8", "t10", "t11", "t13", "t14", "t15", "t16",
                "t17", "t19");
        assertThat(first).containsExactlyElementsOf(all.subList(0, 5));
        assertThat(second).containsExactlyElementsOf(all.subList(5, 10));
    }

    @Test
    void theUnclaimedPageOfOneGroupIsInDueOrderAndV41sPartialIndexExists() {
        InboxSql.Viewer viewer = new InboxSql.Viewer("reviewer", List.of("reviewers"), List.of());

        assertThat(page(InboxTab.UNCLAIMED, viewer, 0, 4)).containsExactly("t1", "t2", "t4", "t7");
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ix_review_task_group_unclaimed'")
                .query(String.class).single()).contains("(group_id, due_at, task_id)").contains("WHERE (assignee IS NULL)");
    }

    @Test
    void thePageWithItsGroupsKeepsThePagesTasksAndOrderWithEachTasksGroupsInOneQuery() {
        InboxSql.Viewer viewer = new InboxSql.Viewer("reviewer", List.of("reviewers", "auditors"), List.of());
        for (InboxTab tab : List.of(InboxTab.MINE, InboxTab.UNCLAIMED, InboxTab.OVERDUE)) {
            for (InboxQuery.Sort sort : InboxQuery.Sort.values()) {
                InboxSql.Where where = InboxSql.where(new InboxQuery(tab, null, null, null, sort, 0, 50), viewer, NOW, s -> false);
                List<String> page = jdbc.sql(where.pageSql(sort)).params(params(where, 2, 6))
                        .query((rs, row) -> rs.getString("task_id")).list();
                List<String> rows = jdbc.sql(where.pageWithGroupsSql(sort)).params(params(where, 2, 6))
                        .query((rs, row) -> rs.getString("task_id") + ":" + rs.getString("offered_to")).list();

                assertThat(rows.stream().map(r -> r.substring(0, r.indexOf(':'))).distinct().toList())
                        .as("%s by %s", tab, sort).isNotEmpty().containsExactlyElementsOf(page);
                page.forEach(id -> assertThat(rows.stream().filter(r -> r.startsWith(id + ":")).toList()).as(id)
                        .containsExactlyElementsOf(id.equals("t7") ? List.of("t7:auditors", "t7:reviewers") : List.of(id + ":reviewers")));
            }
        }
    }

    private static List<String> page(InboxTab tab, InboxSql.Viewer viewer, int offset, int limit) {
        InboxSql.Where where = InboxSql.where(query(tab), viewer, NOW, s -> false);
        return jdbc.sql(where.pageSql(InboxQuery.Sort.DUE)).params(params(where, offset, limit))
                .query((rs, row) -> rs.getString("task_id")).list();
    }

    private static Map<String, Object> params(InboxSql.Where where, int offset, int limit) {
        Map<String, Object> params = new java.util.HashMap<>(where.params());
        params.put("offset", offset);
        params.put("limit", limit);
        return params;
    }

    private static InboxQuery query(InboxTab tab) {
        return new InboxQuery(tab, null, null, null, InboxQuery.Sort.DUE, 0, 50);
    }

    private static void task(String id, String assignee, OffsetDateTime due, List<String> groups) {
        jdbc.sql("""
                insert into review_task (task_id, process_key, task_key, task_name, assignee, created_at, due_at, priority, received_at)
                values (:id, 'registration', 'review', 'review', :assignee, :created, :due, 50, :created)""")
                .param("id", id).param("assignee", assignee).param("created", NOW.minusDays(3)).param("due", due).update();
        for (String group : groups) {
            jdbc.sql("insert into review_task_group (task_id, group_id, assignee, due_at) values (:id, :group, :assignee, :due)")
                    .param("id", id).param("group", group).param("assignee", assignee).param("due", due).update();
        }
    }
}
