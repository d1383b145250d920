package org.reviewdesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks docker-compose.yml, the Dockerfile, .dockerignore and .env.example against each other
 * and against the application's configuration, without a Docker engine: the files are parsed
 * as text and YAML from the project root (Surefire's working directory).
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** Variables read by the JVM, the OS or Spring Boot itself rather than by a placeholder. */
    private static final Set<String> WELL_KNOWN_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE", "TZ");

    /** The variables a production deployment must give the application. */
    private static final Set<String> REQUIRED_APP_VARIABLES = Set.of(
            "REVIEWDESK_DB_URL", "REVIEWDESK_DB_USER", "REVIEWDESK_DB_PASSWORD",
            "REVIEWDESK_S3_ENDPOINT", "REVIEWDESK_S3_ACCESS_KEY", "REVIEWDESK_S3_SECRET_KEY", "REVIEWDESK_S3_BUCKET",
            "REVIEWDESK_DEMO_DATA", "REVIEWDESK_ADMIN_USERNAME", "REVIEWDESK_ADMIN_PASSWORD", "REVIEWDESK_TRUSTED_PROXIES");

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}...; not the escaped {@code $${...}}. */
    private static final Pattern INTERPOLATION =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    /** A Spring placeholder naming an environment variable: {@code ${REVIEWDESK_PORT:8080}}. */
    private static final Pattern SPRING_ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void readCompose() {
        compose = new Yaml().load(read("docker-compose.yml"));
        assertThat(compose).as("docker-compose.yml").isNotNull();
        services = map(compose.get("services"), "services");
    }

    @Test
    void everyServiceHasAHealthcheckAndTheAppWaitsUntilPostgresAndMinioAreHealthy() {
        assertThat(services).containsKeys("postgres", "minio", "app");
        for (String name : List.of("postgres", "minio", "app")) {
            Map<String, Object> healthcheck = map(service(name).get("healthcheck"), name + ".healthcheck");
            assertThat(healthcheck.get("test")).as("%s.healthcheck.test", name).isNotNull().asString().isNotBlank();
            assertThat(healthcheck.get("disable")).as("%s.healthcheck.disable", name).isNotEqualTo(Boolean.TRUE);
        }
        assertThat(String.valueOf(map(service("app").get("healthcheck"), "app.healthcheck").get("test")))
                .as("the app is healthy when it is ready for traffic")
                .contains("/actuator/health/readiness");

        Map<String, Object> dependsOn = map(service("app").get("depends_on"),
                "app.depends_on (the long form, with a condition per service)");
        for (String backend : List.of("postgres", "minio")) {
            assertThat(map(dependsOn.get(backend), "app.depends_on." + backend).get("condition"))
                    .as("app.depends_on.%s.condition", backend)
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void namedVolumesAreDeclaredUsedAndHoldEachServicesData() {
        Set<String> declared = compose.get("volumes") == null
                ? Set.of() : map(compose.get("volumes"), "volumes").keySet();
        assertThat(declared).as("top-level named volumes").isNotEmpty();

        Map<String, Set<String>> namedMountsByService = new LinkedHashMap<>();
        Set<String> used = new TreeSet<>();
        services.forEach((name, definition) -> {
            Map<String, String> named = namedVolumeMounts(map(definition, name));
            namedMountsByService.put(name, new TreeSet<>(named.values()));
            used.addAll(named.keySet());
        });
        assertThat(used).as("named volumes that services mount must be declared under top-level volumes")
                .isSubsetOf(declared);
        assertThat(declared).as("declared named volumes must be used by a service").isSubsetOf(used);

        String dataDir = environment(service("app")).get("REVIEWDESK_DATA_DIR");
        assertThat(namedMountsByService.get("postgres")).as("postgres data on a named volume")
                .contains("/var/lib/postgresql/data");
        assertThat(namedMountsByService.get("minio")).as("minio data on a named volume").contains("/data");
        assertThat(String.valueOf(service("minio").get("command"))).contains("server /data");
        assertThat(dataDir).as("app REVIEWDESK_DATA_DIR").isEqualTo("/app/data");
        assertThat(namedMountsByService.get("app")).as("the app's data directory on a named volume").contains(dataDir);
    }

    @Test
    void theAppIsGivenOnlyVariablesTheApplicationReads() {
        Set<String> known = new TreeSet<>(WELL_KNOWN_VARIABLES);
        known.addAll(variablesReadByTheApplication());
        assertThat(known).as("placeholders found in src/main/resources/application*.yml").contains("REVIEWDESK_DB_URL");

        Set<String> given = environment(service("app")).keySet();
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(known);
        assertThat(unknown)
                .as("variables the compose file gives 'app' that no ${NAME:...} placeholder in application*.yml reads "
                        + "(a typo, or a setting the application ignores): %s", unknown)
                .isEmpty();
        assertThat(given).as("what a production start needs").containsAll(REQUIRED_APP_VARIABLES);
        assertThat(environment(service("app")).get("REVIEWDESK_DEMO_DATA")).as("no demo users in production")
                .isEqualTo("false");
    }

    @Test
    void theAppUsesThePostgresServiceAndTheMinioService() {
        Map<String, String> env = environment(service("app"));

        String jdbcUrl = resolveDefaults(env.get("REVIEWDESK_DB_URL"));
        assertThat(jdbcUrl).as("REVIEWDESK_DB_URL").startsWith("jdbc:postgresql://");
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        assertThat(db.getHost()).as("database host").isEqualTo("postgres");
        assertThat(db.getPort()).as("database port").isIn(-1, 5432);
        String database = db.getPath().substring(1);
        assertThat(environment(service("postgres")).get("POSTGRES_DB")).as("the database postgres creates")
                .isEqualTo(database);
        assertThat(env.get("REVIEWDESK_DB_USER")).as("app and postgres use the same role")
                .isEqualTo(environment(service("postgres")).get("POSTGRES_USER"));
        assertThat(env.get("REVIEWDESK_DB_PASSWORD")).as("app and postgres use the same password")
                .isEqualTo(environment(service("postgres")).get("POSTGRES_PASSWORD"));

        URI s3 = URI.create(resolveDefaults(env.get("REVIEWDESK_S3_ENDPOINT")));
        assertThat(s3.getScheme()).as("S3 endpoint scheme").isIn("http", "https");
        assertThat(s3.getHost()).as("S3 endpoint host").isEqualTo("minio");
        assertThat(s3.getPort()).as("MinIO's S3 API port (9001 is its console)").isEqualTo(9000);
        Map<String, String> setup = environment(service("minio-setup"));
        assertThat(env.get("REVIEWDESK_S3_ACCESS_KEY")).as("the app signs in as the user minio-setup creates")
                .isEqualTo(setup.get("APP_USER"))
                .isNotEqualTo(environment(service("minio")).get("MINIO_ROOT_USER"));
        assertThat(env.get("REVIEWDESK_S3_SECRET_KEY")).as("with the secret minio-setup gives that user")
                .isEqualTo(setup.get("APP_SECRET"))
                .isNotEqualTo(environment(service("minio")).get("MINIO_ROOT_PASSWORD"));
        assertThat(env.values()).as("the app is never given MinIO's root credentials")
                .noneMatch(v -> v != null && v.contains("MINIO_ROOT"));
    }

    @Test
    void minioSetupGivesTheAppAUserAllowedOnlyItsBucketAndTheAppWaitsForIt() {
        Map<String, Object> setup = service("minio-setup");
        assertThat(setup.get("image")).as("the MinIO image brings its mc client").isEqualTo(service("minio").get("image"));
        String script = String.valueOf(setup.get("command"));
        assertThat(script).contains("mc admin user add local \"$$APP_USER\" \"$$APP_SECRET\"")
                .contains("mc admin policy attach local reviewdesk-app --user \"$$APP_USER\"")
                .contains("arn:aws:s3:::$$BUCKET/*")
                .doesNotContain("s3:*").doesNotContain("consoleAdmin").doesNotContain("readwrite");
        assertThat(map(map(service("app").get("depends_on"), "app.depends_on").get("minio-setup"), "app.depends_on.minio-setup")
                .get("condition")).isEqualTo("service_completed_successfully");
    }

    @Test
    void theAppPortIsPublishedOnLoopbackUnlessAnOperatorChoosesOtherwise() {
        List<?> ports = (List<?>) service("app").get("ports");
        assertThat(ports).hasSize(1);
        String port = String.valueOf(ports.get(0));
        assertThat(port).startsWith("${REVIEWDESK_BIND_ADDRESS:-127.0.0.1}:");
        assertThat(services.values().stream().map(s -> map(s, "service").get("ports")).filter(java.util.Objects::nonNull)
                .flatMap(p -> ((List<?>) p).stream()).map(String::valueOf))
                .as("no service is published on every interface by default")
                .allMatch(p -> p.startsWith("127.0.0.1:") || p.startsWith("${REVIEWDESK_BIND_ADDRESS:-127.0.0.1}:"));
    }

    @Test
    void passwordsComeFromTheEnvironmentAndHaveNoDefault() {
        List<String> weak = new ArrayList<>();
        services.forEach((name, definition) -> environment(map(definition, name)).forEach((variable, value) -> {
            if (variable.matches(".*(PASSWORD|SECRET).*")) {
                Matcher m = INTERPOLATION.matcher(value == null ? "" : value);
                boolean requiredFromEnvironment = m.matches() && ":?".equals(m.group(2));
                if (!requiredFromEnvironment) {
                    weak.add(name + "." + variable + "=" + value);
                }
            }
        }));
        assertThat(weak).as("secrets must be ${VAR:?message}: no literal value and no default").isEmpty();
    }

    @Test
    void envExampleListsEveryVariableTheComposeFileInterpolates() {
        Set<String> interpolated = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(read("docker-compose.yml"));
        while (m.find()) {
            interpolated.add(m.group(1));
        }
        Set<String> documented = read(".env.example").lines()
                .map(String::strip)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(interpolated);
        missing.removeAll(documented);
        // the image choices are for operators who mirror images; documented in docs/deployment.md
        missing.removeAll(Set.of("MINIO_IMAGE", "REVIEWDESK_IMAGE_TAG"));
        assertThat(missing).as(".env.example must list the variables docker-compose.yml reads").isEmpty();
    }

    @Test
    void theDockerfileBuildsTheProductionProfileAndRunsAsANonRootUser() {
        List<String> instructions = dockerfileInstructions();
        int lastFrom = lastIndexOf(instructions, "FROM ");
        assertThat(lastFrom).as("a FROM instruction").isGreaterThanOrEqualTo(0);
        assertThat(instructions.stream().filter(i -> i.startsWith("FROM ")).count()).as("multi-stage build")
                .isGreaterThanOrEqualTo(2);

        assertThat(instructions.subList(0, lastFrom))
                .as("the build stage runs the production Maven build")
                .anyMatch(i -> i.startsWith("RUN ") && i.contains("mvn") && i.contains("-Pproduction")
                        && i.contains("package"));

        List<String> runtime = instructions.subList(lastFrom, instructions.size());
        List<String> users = runtime.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).as("the runtime stage sets a USER").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).strip().split(":")[0];
        assertThat(user).as("runtime user").isNotIn("root", "0", "");

        assertThat(runtime).as("EXPOSE 8080").anyMatch(i -> i.matches("EXPOSE\\s+8080(/tcp)?"));
        assertThat(runtime).as("a HEALTHCHECK on readiness")
                .anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.contains("/actuator/health/readiness"));
        assertThat(runtime).as("ENV REVIEWDESK_DATA_DIR=/app/data")
                .anyMatch(i -> i.startsWith("ENV ") && i.contains("REVIEWDESK_DATA_DIR=/app/data"));
        assertThat(runtime).as("a Chinese TrueType font for the acceptance receipt")
                .anyMatch(i -> i.startsWith("RUN ") && i.contains("apt-get install") && i.contains("fonts-wqy-zenhei"));
    }

    @Test
    void theImageRunsWithTheReadmesMeasuredJvmOptionsAndItsClassDataSharingArchive() {
        List<String> runtime = dockerfileInstructions();
        runtime = runtime.subList(lastIndexOf(runtime, "FROM "), runtime.size());
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(
                runtime.stream().filter(i -> i.startsWith("ENV ")).collect(Collectors.joining(" ")));
        assertThat(options.find()).as("ENV JAVA_TOOL_OPTIONS in the runtime stage").isTrue();
        List<String> jvmOptions = List.of(options.group(1).split("\\s+"));
        assertThat(jvmOptions).as("a fixed heap limit").anyMatch(o -> o.matches("-Xmx\\d+[mg]"));

        String readme = read("README.md").replace("\\\n", " ");
        List<String> readmeRun = readme.lines().filter(l -> l.startsWith("java ") && l.contains("-XX:SharedArchiveFile="))
                .toList();
        assertThat(readmeRun).as("the README's command running the jar with its archive").hasSize(1);
        assertThat(List.of(readmeRun.get(0).split("\\s+"))).as("the README runs the jar with the image's JVM options")
                .containsAll(jvmOptions);

        String entrypoint = runtime.stream().filter(i -> i.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        Matcher archive = Pattern.compile("-XX:SharedArchiveFile=([^\"]+)").matcher(entrypoint);
        assertThat(archive.find()).as("the entry point maps a class-data-sharing archive").isTrue();
        assertThat(runtime).as("the archive is trained in the runtime stage, with its JVM")
                .anyMatch(i -> i.startsWith("RUN ") && i.contains("-XX:ArchiveClassesAtExit=" + archive.group(1)));
    }

    @Test
    void theBuildContextHoldsTheSourcesAndNothingSecretOrBuilt() {
        List<String> rules = read(".dockerignore").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        for (String needed : List.of("pom.xml", "processes/review.bpmn", "ui/themes/review-desk/styles.css",
                "src/main/java/org/reviewdesk/ReviewDeskApplication.java", "src/main/resources/application.yml")) {
            assertThat(dockerIgnores(rules, needed)).as("%s is sent to the image build", needed).isFalse();
        }
        for (String kept : List.of(".env", ".git/config", "target/review-desk.jar", "data/reviewdesk.mv.db",
                "ui/generated/vaadin.ts", "node_modules/x/package.json")) {
            assertThat(dockerIgnores(rules, kept)).as("%s stays out of the image build context", kept).isTrue();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Issue 15: {@code docker compose --profile cluster up} runs two nodes behind a proxy with sticky sessions. */
    @Test
    void theClusterProfileRunsASecondNodeLikeTheFirstBehindAStickyProxy() {
        Map<String, Object> app2 = service("app2");
        Map<String, Object> proxy = service("proxy");
        assertThat(app2.get("profiles")).as("app2 only with --profile cluster").isEqualTo(List.of("cluster"));
        assertThat(proxy.get("profiles")).as("proxy only with --profile cluster").isEqualTo(List.of("cluster"));
        assertThat(service("app").get("profiles")).as("the first node runs in every profile").isNull();

        assertThat(environment(app2)).as("the second node reads the same settings as the first")
                .isEqualTo(environment(service("app")));
        assertThat(app2.get("image")).isEqualTo(service("app").get("image"));
        assertThat(app2.get("healthcheck")).isEqualTo(service("app").get("healthcheck"));
        assertThat(namedVolumeMounts(app2)).as("a data directory of its own").containsOnly(Map.entry("app2-data", "/app/data"));
        assertThat((List<?>) app2.get("ports")).as("the second node is reached through the proxy only").isEmpty();

        assertThat(String.valueOf(proxy.get("image"))).as("a maintained proxy image")
                .matches("\\$\\{TRAEFIK_IMAGE:-traefik:v3\\.\\d+}");
        Map<String, Object> waitsFor = map(proxy.get("depends_on"), "proxy.depends_on");
        for (String node : List.of("app", "app2")) {
            assertThat(map(waitsFor.get(node), "proxy.depends_on." + node).get("condition")).isEqualTo("service_healthy");
        }
        assertThat(String.valueOf(proxy.get("ports"))).as("published on the operator's address, like the single node")
                .contains("${REVIEWDESK_BIND_ADDRESS:-127.0.0.1}:");
        String proxyAddress = resolveDefaults(String.valueOf(map(map(proxy.get("networks"), "proxy.networks").get("edge"),
                "proxy.networks.edge").get("ipv4_address")));
        assertThat(String.valueOf(service("app").get("networks"))).as("the nodes are on the proxy's network").contains("edge");
        assertThat(read(".env.example")).as("the proxy's fixed address is named where the trusted proxies are explained")
                .contains("REVIEWDESK_PROXY_ADDRESS=" + proxyAddress);

        List<String> mounted = ((List<?>) proxy.get("volumes")).stream().map(String::valueOf).toList();
        assertThat(mounted).as("the routes file, read-only; never the Docker socket")
                .containsExactly("./deploy/traefik/dynamic.yml:/etc/traefik/dynamic.yml:ro");
        Map<String, Object> routes = new Yaml().load(read("deploy/traefik/dynamic.yml"));
        Map<String, Object> balancer = map(map(map(map(routes.get("http"), "http").get("services"), "services")
                .get("review-desk"), "review-desk").get("loadBalancer"), "loadBalancer");
        assertThat(map(map(balancer.get("sticky"), "sticky").get("cookie"), "sticky.cookie")).as("sticky sessions by a cookie")
                .containsEntry("httpOnly", true).containsKey("name");
        assertThat(map(balancer.get("healthCheck"), "healthCheck").get("path")).isEqualTo("/actuator/health/readiness");
        assertThat(((List<?>) balancer.get("servers")).stream().map(server -> map(server, "server").get("url")).toList())
                .containsExactlyInAnyOrder("http://app:8080", "http://app2:8080");
    }

    private static Set<String> variablesReadByTheApplication() {
        Path resources = ROOT.resolve("src/main/resources");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(resources)) {
            files.filter(f -> f.getFileName().toString().matches("application.*\\.(ya?ml|properties)"))
                    .forEach(f -> {
                        Matcher m = SPRING_ENV_PLACEHOLDER.matcher(readPath(f));
                        while (m.find()) {
                            names.add(m.group(1));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Named volume mounts of a service: volume name -> path in the container. */
    private static Map<String, String> namedVolumeMounts(Map<String, Object> service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        if (service.get("volumes") == null) {
            return mounts;
        }
        for (Object volume : (List<?>) service.get("volumes")) {
            String source;
            String target;
            if (volume instanceof Map<?, ?> longForm) {
                if (!"volume".equals(longForm.get("type"))) {
                    continue;
                }
                source = String.valueOf(longForm.get("source"));
                target = String.valueOf(longForm.get("target"));
            } else {
                String[] parts = String.valueOf(volume).split(":");
                if (parts.length < 2) {
                    continue; // an anonymous volume
                }
                source = parts[0];
                target = parts[1];
            }
            boolean hostPath = source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                    || source.startsWith("$");
            if (!hostPath) {
                mounts.put(source, target);
            }
        }
        return mounts;
    }

    /** A service's environment as name -> value (the list and the map form of compose). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return result;
    }

    /** The value compose would use with no .env: defaults filled in, required variables as placeholders. */
    private static String resolveDefaults(String value) {
        assertThat(value).isNotNull();
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String operator = m.group(2);
            String replacement = operator != null && operator.endsWith("-") ? m.group(3) : "value-of-" + m.group(1);
            m.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    /** Dockerfile instructions, continuation lines joined, comments dropped, keyword upper-cased. */
    private static List<String> dockerfileInstructions() {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read("Dockerfile").lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String instruction = current.toString().strip().replaceAll("\\s+", " ");
            current.setLength(0);
            if (!instruction.isEmpty()) {
                int space = instruction.indexOf(' ');
                instructions.add(space < 0 ? instruction.toUpperCase()
                        : instruction.substring(0, space).toUpperCase() + instruction.substring(space));
            }
        }
        return instructions;
    }

    /** .dockerignore semantics, enough for these files: globs, "dir/" prefixes, "!" exceptions, last match wins. */
    private static boolean dockerIgnores(List<String> rules, String path) {
        boolean ignored = false;
        for (String rule : rules) {
            boolean exception = rule.startsWith("!");
            String pattern = (exception ? rule.substring(1) : rule).strip();
            pattern = pattern.startsWith("/") ? pattern.substring(1) : pattern;
            pattern = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (matchesOrIsInside(pattern, path)) {
                ignored = !exception;
            }
        }
        return ignored;
    }

    private static boolean matchesOrIsInside(String pattern, String path) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path p = Path.of(path);
        for (int n = 1; n <= p.getNameCount(); n++) {
            if (matcher.matches(p.subpath(0, n))) {
                return true;
            }
        }
        // "**/x" also matches x at the top
        return pattern.startsWith("**/") && matchesOrIsInside(pattern.substring(3), path);
    }

    private static int lastIndexOf(List<String> instructions, String prefix) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "services." + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static String read(String file) {
        return readPath(ROOT.resolve(file));
    }

    private static String readPath(Path file) {
        assertThat(file).as("%s (run from the project root)", ROOT.relativize(file.toAbsolutePath())).isRegularFile();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
