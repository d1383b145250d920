package org.reviewdesk.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest Gatling report's figures (its js/stats.js) per request kind as one line each: count, errors, requests
 * per second, p50/p95/p99 in ms (Gatling's default percentiles 50, 75, 95 and 99 are its
 * percentiles1 to 4).
 */
final class GatlingStats {

    private GatlingStats() {
    }

    static List<String> summary(Path results) throws IOException {
        Optional<Path> newest;
        try (Stream<Path> runs = Files.exists(results) ? Files.list(results) : Stream.empty()) {
            newest = runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
        Path stats = newest.map(run -> run.resolve("js").resolve("stats.js")).filter(Files::exists).orElse(null);
        if (stats == null) {
            return List.of("no Gatling report under " + results);
        }
        // the report's data is JavaScript: "var stats = {...}" with some field names unquoted
        String script = Files.readString(stats);
        JsonNode root = new ObjectMapper().enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES)
                .readerFor(JsonNode.class).readValue(script.substring(script.indexOf('{')));
        List<String> lines = new ArrayList<>();
        lines.add("report: " + stats.getParent().getParent());
        lines.add(String.format("%-34s %7s %6s %7s %6s %6s %6s", "request", "count", "errors", "req/s", "p50", "p95", "p99"));
        lines.add(line(root.get("name").asText(), root.get("stats")));
        root.path("contents").forEach(request -> lines.add(line(request.get("name").asText(), request.get("stats"))));
        return lines;
    }

    private static String line(String name, JsonNode stats) {
        return String.format("%-34s %7d %6d %7.2f %6d %6d %6d", name, stats.at("/numberOfRequests/total").asLong(),
                stats.at("/numberOfRequests/ko").asLong(), stats.at("/meanNumberOfRequestsPerSecond/total").asDouble(),
                stats.at("/percentiles1/total").asLong(), stats.at("/percentiles3/total").asLong(),
                stats.at("/percentiles4/total").asLong());
    }
}
