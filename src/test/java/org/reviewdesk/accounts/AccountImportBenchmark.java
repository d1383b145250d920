package org.reviewdesk.accounts;

import org.reviewdesk.BenchmarkApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12's import benchmark: a valid file of {@code -Dbench.rows} accounts (default 100,000; GB18030,
 * as Excel writes it) through the real {@link AccountImport} (decode, Jackson CSV, every row rule,
 * batched writes) into the real schema, twice: the first run imports every row, the second finds
 * every row unchanged. Then the window's searches on that table: by code and by a name fragment.
 * Prints figures; asserts nothing.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.accounts.AccountImportBenchmark          # PostgreSQL 17
 * java -Dbench.db=h2 -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.accounts.AccountImportBenchmark
 * </pre>
 */
public final class AccountImportBenchmark {

    public static void main(String[] args) throws Exception {
        boolean h2 = "h2".equalsIgnoreCase(System.getProperty("bench.db", "postgres"));
        int rows = Integer.getInteger("bench.rows", 100_000);
        EmbeddedPostgres pg = h2 ? null : EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app = BenchmarkApplication.postgresOr(pg, "import-bench").start();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.println("database: " + (h2 ? "H2 " + jdbc.sql("select h2version()").query(String.class).single()
                    : jdbc.sql("select version()").query(String.class).single()));
            List<String> codes = new ArrayList<>(rows);
            StringBuilder csv = new StringBuilder(rows * 120).append(ImportFiles.HEADER).append("\r\n");
            for (int i = 0; i < rows; i++) {
                String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
                codes.add(code);
                csv.append(ImportFiles.line(code, "基准测试第" + i + "号科技有限公司", "企业", "张三", "居民身份证",
                        ImportFiles.residentId(i), ImportFiles.mobile(i), "ACTIVE", "2020-01-15")).append("\r\n");
            }
            byte[] file = csv.toString().getBytes(AccountCsv.GB18030);
            System.out.printf("file: %,d rows, %,d bytes (GB18030)%n", rows, file.length);
            AccountImport imports = app.getBean(AccountImport.class);

            for (String run : List.of("first import", "same file again")) {
                long start = System.nanoTime();
                ImportReport report = imports.run("bench.csv", file, "bench");
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %.1f s (%,.0f rows/s) imported %,d, unchanged %,d, updated %,d, refused %,d%n", run, seconds,
                        rows / seconds, report.imported(), report.unchanged(), report.updated(), report.refused());
            }
            EnterpriseAccounts accounts = app.getBean(EnterpriseAccounts.class);
            median("search by code", () -> accounts.search(codes.get(rows / 2), 0, 20));
            median("search by name prefix", () -> accounts.search("基准测试第5000", 0, 20));
            median("search by name infix", () -> accounts.search("第77777号", 0, 20));
        } finally {
            app.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static void median(String what, Runnable query) {
        for (int i = 0; i < 5; i++) {
            query.run();
        }
        long[] ms = new long[21];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(ms);
        System.out.printf("%s: median %.1f ms of %d%n", what, ms[ms.length / 2] / 1000.0, ms.length);
    }
}
