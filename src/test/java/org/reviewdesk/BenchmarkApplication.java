package org.reviewdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application as the benchmarks start it: the test profile, a random port, no demo data,
 * quiet logs, against the benchmark's database and in a data folder of its own. The few properties a
 * benchmark changes are added with {@link #set}.
 *
 * <pre>
 * ConfigurableApplicationContext app = BenchmarkApplication.h2("inbox-bench").start();
 * ConfigurableApplicationContext app = BenchmarkApplication.postgres(pg).set("reviewdesk.x", 5).start();
 * </pre>
 */
public final class BenchmarkApplication {

    private final String url;
    private final String user;
    private Path dataDir;
    private final List<String> more = new ArrayList<>();

    private BenchmarkApplication(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** On the database at {@code url}, signed in as {@code user} with no password. */
    public static BenchmarkApplication on(String url, String user) {
        return new BenchmarkApplication(url, user);
    }

    /** On an H2 database in memory called {@code name}, kept until the JVM ends. */
    public static BenchmarkApplication h2(String name) {
        return on("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa");
    }

    /** On the {@code postgres} database of an embedded PostgreSQL server. */
    public static BenchmarkApplication postgres(EmbeddedPostgres pg) {
        return on(pg.getJdbcUrl("postgres", "postgres"), "postgres");
    }

    /** On {@code pg} when there is one, else on an H2 database in memory called {@code h2Name}. */
    public static BenchmarkApplication postgresOr(EmbeddedPostgres pg, String h2Name) {
        return pg != null ? postgres(pg) : h2(h2Name);
    }

    /** The database's JDBC URL. */
    public String url() {
        return url;
    }

    /** The data folder (documents, the S3 store); a new temporary folder when not given. */
    public BenchmarkApplication dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    /** One more property, as a command-line argument (it outranks the test profile). */
    public BenchmarkApplication set(String property, Object value) {
        more.add("--" + property + "=" + value);
        return this;
    }

    /** Starts the application and returns it; the caller closes it. */
    public ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--reviewdesk.data-dir=" + dataDir(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
                "--reviewdesk.demo-data=never", "--logging.level.root=warn"));
        args.addAll(more);
        // command-line arguments: they outrank the test profile (default properties would not)
        return new SpringApplicationBuilder(ReviewDeskApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }
}
