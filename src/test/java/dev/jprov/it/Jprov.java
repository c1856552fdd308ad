package dev.jprov.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jprov.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs jprov's command line in-process, as a user would, and reads what it reported: console output, exit code,
 * and (through --json) the recap and round trips per host.
 */
public final class Jprov {
    private Jprov() {}

    /** One finished run. */
    public record Run(int exitCode, String out, String err, List<JsonNode> events) {

        public JsonNode recap(String host) {
            JsonNode recap = last("recap");
            if (recap == null || recap.path("hosts").path(host).isMissingNode()) {
                throw new AssertionError("no recap for " + host + "\n" + this);
            }
            return recap.path("hosts").path(host);
        }

        public int changed(String host) {
            return recap(host).path("changed").asInt();
        }

        public int failed(String host) {
            return recap(host).path("failed").asInt();
        }

        public int roundTrips(String host) {
            return last("recap").path("round_trips").path(host).asInt(-1);
        }

        public int connections() {
            return last("recap").path("connections").asInt(-1);
        }

        /** Task results of a host, in order. */
        public List<JsonNode> tasks(String host) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode e : events) {
                if ("task".equals(e.path("event").asText()) && host.equals(e.path("host").asText())) out.add(e);
            }
            return out;
        }

        private JsonNode last(String event) {
            JsonNode found = null;
            for (JsonNode e : events) if (event.equals(e.path("event").asText())) found = e;
            return found;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** {@code jprov ARGS... --json TMP}. */
    public static Run run(String... args) {
        try {
            Path json = Files.createTempFile("jprov-events", ".jsonl");
            List<String> all = new ArrayList<>(List.of(args));
            if (all.size() > 0 && all.get(0).equals("apply")) {
                all.add("--json");
                all.add(json.toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = Main.run(all.toArray(String[]::new), o, e);
            }
            List<JsonNode> events = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper();
            for (String line : Files.readAllLines(json)) if (!line.isBlank()) events.add(mapper.readTree(line));
            Files.deleteIfExists(json);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
