package org.reviewdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the application can write to the audit trail has a name in both languages for the audit
 * viewer. The actions are strings at the call sites of {@code AuditLog.record}/{@code recordNow}, so the test
 * reads the sources: a call whose action it cannot work out fails the test too, rather than being skipped.
 */
class AuditActionNamesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern AUDIT_FIELD = Pattern.compile("\\bAuditLog\\s+(\\w+)\\s*[;,)=]");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern QUALIFIED = Pattern.compile("(\\w+)\\.([A-Z][A-Z0-9_]*)");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Test
    void everyAuditActionHasANameInBothLanguages() throws IOException {
        Set<String> actions = actionsWritten();
        assertThat(actions).as("actions found in the sources").contains("LOGIN", "REGISTRATION_DECIDED", "review.claim",
                "WORK_ORDER_SIGN");
        for (String bundle : List.of("messages/audit.properties", "messages/audit_en.properties")) {
            Properties names = load(bundle);
            assertThat(actions.stream().filter(a -> !names.containsKey("audit.action." + a)).toList())
                    .as("actions without audit.action.<action> in " + bundle).isEmpty();
        }
    }

    @Test
    void theSourceReadingFindsAnActionWithoutAName() throws IOException {
        Properties names = load("messages/audit_en.properties");
        assertThat(resolve("\"NO_SUCH_ACTION\"", "", Map.of()).stream()
                .filter(a -> !names.containsKey("audit.action." + a))).containsExactly("NO_SUCH_ACTION");
    }

    private static Set<String> actionsWritten() throws IOException {
        Map<String, String> files;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            files = paths.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(
                    p -> p.getFileName().toString().replace(".java", ""), AuditActionNamesTest::read, (a, b) -> a + b));
        }
        Set<String> actions = new TreeSet<>();
        for (String source : files.values()) {
            Matcher field = AUDIT_FIELD.matcher(source);
            while (field.find()) {
                Matcher call = Pattern.compile("\\b" + field.group(1) + "\\.record(?:Now)?\\(").matcher(source);
                while (call.find()) {
                    List<String> arguments = arguments(source, call.end());
                    actions.addAll(resolve(arguments.get(1), source, files));
                }
            }
        }
        return actions;
    }

    private static Set<String> resolve(String expression, String source, Map<String, String> files) {
        String e = expression.strip();
        Set<String> found = new TreeSet<>();
        int question = e.indexOf('?');
        if (question > 0 && !e.startsWith("\"")) {
            String[] branches = e.substring(question + 1).split(":", 2);
            found.addAll(resolve(branches[0], source, files));
            found.addAll(resolve(branches[1], source, files));
            return found;
        }
        Matcher literal = LITERAL.matcher(e);
        if (literal.matches()) {
            return Set.of(literal.group(1));
        }
        if (CONSTANT.matcher(e).matches()) {
            return Set.of(constant(source, e));
        }
        Matcher qualified = QUALIFIED.matcher(e);
        if (qualified.matches() && files.containsKey(qualified.group(1))) {
            return Set.of(constant(files.get(qualified.group(1)), qualified.group(2)));
        }
        // the work-order steps record the activity they complete: every activity passed to act(...)
        if (e.equals("\"WORK_ORDER_\" + activity.toUpperCase(Locale.ROOT)")) {
            Matcher act = Pattern.compile("\\bact\\(\\w+,\\s*WorkOrderProcess\\.Activity\\.(\\w+)").matcher(source);
            while (act.find()) {
                found.add("WORK_ORDER_" + constant(files.get("WorkOrderProcess"), act.group(1)).toUpperCase(Locale.ROOT));
            }
            assertThat(found).as("work-order activities recorded").isNotEmpty();
            return found;
        }
        throw new AssertionError("Cannot tell which audit action " + e + " writes; give it a constant or teach this test");
    }

    private static String constant(String source, String name) {
        Matcher m = Pattern.compile("String\\s+" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(source);
        if (!m.find()) {
            throw new AssertionError("No string constant " + name);
        }
        return m.group(1);
    }

    /** The call's arguments from just after its opening parenthesis, split at top-level commas. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                if (depth == 0) {
                    arguments.add(current.toString());
                    return arguments;
                }
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new AssertionError("Unclosed call at " + start);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
