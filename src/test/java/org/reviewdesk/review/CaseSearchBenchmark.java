package org.reviewdesk.review;

import org.reviewdesk.BenchmarkApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's case-search benchmark: the real {@link CaseIndex#search} as a supervisor over
 * {@code -Dbench.cases} cases (default 1,000,000 on PostgreSQL 17, 100,000 on H2) of the four
 * processes, with names built like real ones (a city, two random characters, a trade, a legal form).
 * Each question draws a new number, code or fragment per run. Prints p50/p95 and the plan of a
 * two-character Chinese fragment; asserts nothing.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.review.CaseSearchBenchmark
 * java -Dbench.db=h2 -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.review.CaseSearchBenchmark
 * </pre>
 */
public final class CaseSearchBenchmark {

    private static final CurrentUser SUPERVISOR = new CurrentUser("bench-supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
    /** Characters of names; the middle two of each name are drawn from them, so most pairs are rare. */
    private static final String CHARACTERS = "华泰恒信达通宏盛鑫源兴隆安康福瑞祥和永丰金鼎润发天成新锦绣宇航博远科创星辰云海"
            + "嘉禾聚力德邦昌明立诚汇智中联东方南山西岭北辰龙腾凤翔鹏程万里长青同创致远广厦山水秀美";

    private CaseSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean h2 = "h2".equalsIgnoreCase(System.getProperty("bench.db", "postgres"));
        int total = Integer.getInteger("bench.cases", h2 ? 100_000 : 1_000_000);
        int runs = Integer.getInteger("bench.runs", 200);
        EmbeddedPostgres pg = h2 ? null : EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app = BenchmarkApplication.postgresOr(pg, "cases-bench").start();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.println("database: " + (h2 ? "H2" : jdbc.sql("select version()").query(String.class).single()));
            long start = System.nanoTime();
            generate(jdbc, total, h2);
            System.out.printf("generated %,d cases in %.0f s%n", total, (System.nanoTime() - start) / 1e9);
            ask(app.getBean(CaseIndex.class), jdbc, runs, h2);
        } finally {
            app.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Rows as the processes write them, in one statement per database (a fifth waiting for the applicant). */
    private static void generate(JdbcClient jdbc, int total, boolean h2) {
        String random = h2 ? "rand()" : "random()";
        String series = h2 ? "system_range(0, " + (total - 1) + ")" : "generate_series(0, " + (total - 1) + ") as s(x)";
        String chars = "'" + CHARACTERS + "'";
        int n = CHARACTERS.length();
        String pick = "substring(" + chars + " from cast(floor(" + random + " * " + n + ") as int) + 1 for 1)";
        String city = "case mod(x, 8) when 0 then '成都' when 1 then '重庆' when 2 then '深圳' when 3 then '上海' "
                + "when 4 then '北京' when 5 then '广州' when 6 then '杭州' else '武汉' end";
        String trade = "case mod(x / 8, 6) when 0 then '贸易' when 1 then '科技' when 2 then '建设' when 3 then '物流' "
                + "when 4 then '餐饮' else '文化传媒' end";
        String form = "case when mod(x, 10) = 0 then '股份有限公司' else '有限公司' end";
        String prefix = "case mod(x, 4) when 0 then 'RD' when 1 then 'DR' when 2 then 'NC' else 'GD' end";
        String process = "case mod(x, 4) when 0 then 'registration' when 1 then 'representativeChange' when 2 then 'nameChange' "
                + "else 'workOrder' end";
        String phase = "case mod(x, 5) when 0 then 'WAITING_APPLICANT' when 1 then 'IN_PROGRESS' when 2 then 'REJECTED' "
                + "else 'COMPLETED' end";
        String day = "dateadd(day, x / 1500, timestamp with time zone '2024-01-01 09:00:00+08')";
        if (!h2) {
            day = "(timestamp with time zone '2024-01-01 09:00:00+08' + (x / 1500) * interval '1 day')";
        }
        String title = city + " || " + pick + " || " + pick + " || " + trade + " || " + form;
        String sql = "insert into review_case (case_ref, process_key, phase, state, state_key, code, title, title_lower, created_at,"
                + " received_at, decided_by, decided_at, updated_at)"
                + " select " + prefix + " || " + (h2 ? "formatdatetime(" + day + ", 'yyyyMMdd')" : "to_char(" + day + ", 'YYYYMMDD')")
                + " || lpad(cast(mod(x, 1500) as varchar), 6, '0'), " + process + ", " + phase + ", 'STATE', 'review.cases.phase.COMPLETED',"
                + " '9151' || lpad(cast(mod(cast(x as bigint) * 7919, 100000000000000) as varchar), 14, '0'), t, lower(t), " + day + ", " + day + ","
                + " case when mod(x, 5) >= 2 then 'reviewer' || mod(x, 40) end, " + day + ", " + day
                + " from (select x, " + title + " as t from " + series + ") named";
        jdbc.sql(sql).update();
        if (!h2) {
            jdbc.sql("analyze review_case").update();
        }
    }

    private static void ask(CaseIndex cases, JdbcClient jdbc, int runs, boolean h2) {
        List<String> refs = jdbc.sql("select case_ref from review_case order by case_ref offset 7 rows fetch next 2000 rows only")
                .query(String.class).list();
        List<String> codes = jdbc.sql("select code from review_case where case_ref in (:refs)").param("refs", refs.subList(0, 1000))
                .query(String.class).list();
        List<String> titles = jdbc.sql("select title from review_case where case_ref in (:refs)").param("refs", refs.subList(1000, 2000))
                .query(String.class).list();
        Random random = new Random(14);
        Supplier<String> ref = () -> refs.get(random.nextInt(refs.size()));
        Supplier<String> code = () -> codes.get(random.nextInt(codes.size()));
        // the two drawn characters after the city: a rare pair (about 1 name in 4,000)
        Supplier<String> pair = () -> titles.get(random.nextInt(titles.size())).substring(2, 4);
        // the city's second character, the first drawn one and 贸: every bigram is common, the three together match nothing
        Supplier<String> across = () -> titles.get(random.nextInt(titles.size())).substring(1, 3);
        System.out.println("| question | p50 / p95 ms | rows on the first page |");
        System.out.println("| --- | --- | --- |");
        row("case number", runs, () -> cases.search(query(ref.get(), null), 0, 50, SUPERVISOR));
        row("credit code", runs, () -> cases.search(query(code.get(), null), 0, 50, SUPERVISOR));
        row("name, 2 rare characters", runs, () -> cases.search(query(pair.get(), null), 0, 50, SUPERVISOR));
        row("name, 3 characters found nowhere", runs, () -> cases.search(query(across.get() + "贸", null), 0, 50, SUPERVISOR));
        row("name, common 2 characters (物流)", runs, () -> cases.search(query("物流", null), 0, 50, SUPERVISOR));
        row("name, in nearly every row (有限公司)", runs, () -> cases.search(query("有限公司", null), 0, 50, SUPERVISOR));
        row("name (rare pair) + waiting for the applicant", runs,
                () -> cases.search(query(pair.get(), CasePhase.WAITING_APPLICANT), 0, 50, SUPERVISOR));
        row("no text, waiting for the applicant", runs, () -> cases.search(query(null, CasePhase.WAITING_APPLICANT), 0, 50, SUPERVISOR));
        row("no text, decided by reviewer7", runs, () -> cases.search(new CaseQuery(null, null, null, null, null, "reviewer7"), 0, 50,
                SUPERVISOR));
        if (!h2) {
            String fragment = pair.get();
            System.out.println("plan of a two-character fragment (" + fragment + "):");
            jdbc.sql("explain (analyze, buffers) select * from review_case where process_key in ('registration', 'representativeChange',"
                            + " 'nameChange', 'workOrder') and title_lower like :p and review_case_bigrams(title_lower) @>"
                            + " review_case_bigrams(cast(:f as varchar)) order by created_at desc, case_ref desc fetch next 50 rows only")
                    .param("p", "%" + fragment + "%").param("f", fragment).query(String.class).list().forEach(System.out::println);
        }
    }

    private static CaseQuery query(String text, CasePhase phase) {
        return new CaseQuery(text, null, phase, null, null, null);
    }

    private static void row(String what, int runs, Supplier<List<CaseEntry>> question) {
        int rows = question.get().size();
        long[] t = InboxBenchmark.time(runs, question);
        System.out.printf("| %s | %.2f / %.2f | %d |%n", what, t[0] / 1e6, t[1] / 1e6, rows);
    }
}
